import Foundation
import RecruitmentEvents
import ServiceKit

/// The formation facts an application is checked against.
struct FormationSnapshot: Sendable, Equatable {
    var formationId: UUID
    var periodId: UUID
    var kind: FormationKind
    var educationRequirements: [EducationRequirement]
    var ageLimit: AgeLimit
    var registrationOpensAt: Date
    var registrationClosesAt: Date
    /// The agency's time zone: ages are counted on the agency's calendar date of submission.
    var timeZone: TimeZone
    var fiscalYear: Int
}

/// Eligibility at submission (DOMAIN.md §1.1-1.2). Pure: `now` is passed in, so deadlines are testable against any
/// clock; instants are compared in UTC, the only place time zones matter is the calendar date used for the age.
enum Eligibility {
    /// Why registration is not open at `now` (before the opening or at/after the closing instant, compared in UTC
    /// and described in the agency's zone and WIB), or `nil` while it is open.
    static func registrationWindowIssue(opensAt: Date, closesAt: Date, timeZone: TimeZone, now: Date,
                                        field: String = "formationId") -> RegistrationIssue?
    {
        if now < opensAt {
            return .init(field: field, code: "registration-not-open",
                         message: "registration opens at \(TimeDisplay.describe(opensAt, agency: timeZone))")
        }
        if now >= closesAt {
            return .init(field: field, code: "registration-closed",
                         message: "registration closed at \(TimeDisplay.describe(closesAt, agency: timeZone))")
        }
        return nil
    }

    static func check(formation: FormationSnapshot, birthDate: CalendarDate, education: EducationQualification,
                      grade: AcademicGrade, now: Date) -> [RegistrationIssue]
    {
        var issues: [RegistrationIssue] = []
        if let closed = registrationWindowIssue(
            opensAt: formation.registrationOpensAt, closesAt: formation.registrationClosesAt,
            timeZone: formation.timeZone, now: now)
        {
            issues.append(closed)
        }
        let today = CalendarDate.of(now, in: formation.timeZone)
        let age = birthDate.age(on: today)
        if age < formation.ageLimit.minimumYears {
            issues.append(.init(field: "birthDate", code: "under-age",
                                message: "applicants must be at least \(formation.ageLimit.minimumYears) on the day of applying (age \(age))"))
        } else if age > formation.ageLimit.maximumYears {
            issues.append(.init(field: "birthDate", code: "over-age",
                                message: "applicants must be at most \(formation.ageLimit.maximumYears) on the day of applying (age \(age))"))
        }
        let matching = formation.educationRequirements.filter { $0.level == education.level }
        if matching.isEmpty {
            let levels = formation.educationRequirements.map(\.level.rawValue).joined(separator: ", ")
            issues.append(.init(field: "education.level", code: "education-level",
                                message: "this formation accepts \(levels)"))
        } else if !matching.contains(where: { $0.majors.isEmpty || $0.majors.contains { Self.sameMajor($0, education.major) } }) {
            let majors = matching.flatMap(\.majors).joined(separator: ", ")
            issues.append(.init(field: "education.major", code: "education-major",
                                message: "this formation accepts the majors: \(majors)"))
        }
        if grade.value > grade.scaleMaximum || grade.value < ExactDecimal("0")! {
            issues.append(.init(field: "academicGrade.value", code: "range",
                                message: "the grade must lie between 0 and the scale maximum"))
        }
        return issues
    }

    /// Majors compare case- and diacritic-insensitively, ignoring surrounding spaces.
    static func sameMajor(_ a: String, _ b: String) -> Bool {
        a.trimmingCharacters(in: .whitespaces).compare(
            b.trimmingCharacters(in: .whitespaces), options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame
    }
}
