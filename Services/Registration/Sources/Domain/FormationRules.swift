import Foundation
import RecruitmentEvents

/// What an administrator submits to publish a formation in a period (`POST /v1/admin/periods/{id}/formations`).
struct FormationRequest: Decodable, Sendable {
    var positionName: String
    var unitName: String
    var placement: String
    var kind: FormationKind
    var quota: Int
    var educationRequirements: [EducationRequirement]
    /// Omitted: 18 to 35 years at the time of applying (DOMAIN.md §1.1).
    var ageLimit: AgeLimit?
    var skbComponents: [SkbComponentWeight]?
    var eliminationCriteria: [String]?
    var salaryRange: SalaryRange?
}

/// The rules for publishing a formation. Pure.
enum FormationRules {
    static let defaultAgeLimit = AgeLimit(minimumYears: 18, maximumYears: 35)

    static func validate(_ request: FormationRequest, formationId: UUID, periodId: UUID)
        -> Result<FormationPublishedV1, RegistrationValidationError>
    {
        var issues: [RegistrationIssue] = []
        for (field, value) in [("positionName", request.positionName), ("unitName", request.unitName),
                               ("placement", request.placement)]
        {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { issues.append(.init(field: field, code: "required", message: "\(field) is required")) }
            if trimmed.count > 300 { issues.append(.init(field: field, code: "too-long", message: "at most 300 characters")) }
        }
        if !(1...100_000).contains(request.quota) {
            issues.append(.init(field: "quota", code: "range", message: "from 1 to 100000 posts"))
        }
        if request.educationRequirements.isEmpty {
            issues.append(.init(field: "educationRequirements", code: "required", message: "at least one education level"))
        }
        for (index, requirement) in request.educationRequirements.enumerated()
        where requirement.majors.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            issues.append(.init(field: "educationRequirements[\(index)].majors", code: "required",
                                message: "majors must not be blank (an empty list accepts any major)"))
        }
        let age = request.ageLimit ?? defaultAgeLimit
        if !(15...70).contains(age.minimumYears) || !(15...70).contains(age.maximumYears)
            || age.minimumYears > age.maximumYears
        {
            issues.append(.init(field: "ageLimit", code: "range",
                                message: "minimum and maximum from 15 to 70 years, minimum not above maximum"))
        }
        guard issues.isEmpty else { return .failure(RegistrationValidationError(issues: issues)) }
        return .success(FormationPublishedV1(
            formationId: formationId, periodId: periodId,
            positionName: request.positionName.trimmingCharacters(in: .whitespacesAndNewlines),
            unitName: request.unitName.trimmingCharacters(in: .whitespacesAndNewlines),
            placement: request.placement.trimmingCharacters(in: .whitespacesAndNewlines),
            kind: request.kind, quota: request.quota, educationRequirements: request.educationRequirements,
            ageLimit: age, skbComponents: request.skbComponents ?? [],
            eliminationCriteria: request.eliminationCriteria ?? [], salaryRange: request.salaryRange))
    }
}
