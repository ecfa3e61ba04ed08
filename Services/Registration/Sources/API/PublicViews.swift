import Foundation
import RecruitmentEvents
import ServiceKit

/// A selection period as the public API shows it: instants in UTC, plus the agency's local time and WIB.
struct PeriodView: Codable, Sendable {
    var periodId: UUID
    var agencyName: String
    var agencyCode: String?
    var name: String
    var program: SelectionProgram
    var fiscalYear: Int
    var timeZone: String
    var registrationOpensAt: Date
    var registrationClosesAt: Date
    var registrationOpensAtLocal: String
    var registrationClosesAtLocal: String
    var registrationOpensAtWIB: String
    var registrationClosesAtWIB: String
    /// `upcoming`, `open` or `closed` at the time of the response.
    var registrationStatus: String
    var requiredDocuments: [RequiredDocument]
    var legalBasis: [String]

    init(_ event: SelectionPeriodOpenedV1, now: Date) {
        let zone = TimeZone(identifier: event.timeZone) ?? TimeDisplay.wib
        periodId = event.periodId
        agencyName = event.agencyName
        agencyCode = event.agencyCode
        name = event.name
        program = event.program
        fiscalYear = event.fiscalYear
        timeZone = event.timeZone
        registrationOpensAt = event.registrationOpensAt
        registrationClosesAt = event.registrationClosesAt
        registrationOpensAtLocal = TimeDisplay.local(event.registrationOpensAt, in: zone)
        registrationClosesAtLocal = TimeDisplay.local(event.registrationClosesAt, in: zone)
        registrationOpensAtWIB = TimeDisplay.local(event.registrationOpensAt, in: TimeDisplay.wib)
        registrationClosesAtWIB = TimeDisplay.local(event.registrationClosesAt, in: TimeDisplay.wib)
        registrationStatus = now < event.registrationOpensAt ? "upcoming"
            : now < event.registrationClosesAt ? "open" : "closed"
        requiredDocuments = event.requiredDocuments
        legalBasis = event.legalBasis
    }
}

/// The answer to a successful registration: what the applicant needs for the registration card.
struct RegistrationReceipt: Codable, Sendable {
    var applicantId: UUID
    var applicationId: UUID
    var registrationNumber: String
    var periodId: UUID
    var formationId: UUID
    var fullName: String
    var submittedAt: Date
    /// Accepted findings the applicant should know about (e.g. NIK and birth date disagree).
    var warnings: [FieldIssue]
}

/// A page of a cursor-paginated list.
/// A published formation as the public API shows it, with its live number of applicants (submitted applications that
/// were not withdrawn), straight from the registration service's own tables.
struct FormationView: Codable, Sendable {
    var formationId: UUID
    var periodId: UUID
    var positionName: String
    var unitName: String
    var placement: String
    var kind: FormationKind
    var quota: Int
    var educationRequirements: [EducationRequirement]
    var ageLimit: AgeLimit
    var skbComponents: [SkbComponentWeight]
    var eliminationCriteria: [String]
    var salaryRange: SalaryRange?
    var applicantCount: Int

    init(_ formation: FormationPublishedV1, applicantCount: Int) {
        formationId = formation.formationId
        periodId = formation.periodId
        positionName = formation.positionName
        unitName = formation.unitName
        placement = formation.placement
        kind = formation.kind
        quota = formation.quota
        educationRequirements = formation.educationRequirements
        ageLimit = formation.ageLimit
        skbComponents = formation.skbComponents
        eliminationCriteria = formation.eliminationCriteria
        salaryRange = formation.salaryRange
        self.applicantCount = applicantCount
    }
}
