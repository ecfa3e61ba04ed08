import Foundation
import RecruitmentEvents

/// What an applicant sends to submit ("akhiri pendaftaran") a draft application: the education applied with and the
/// grade for the final tie-break. Everything else (formation, documents) is already in the draft.
struct SubmissionRequest: Codable, Sendable {
    var education: EducationQualification
    var academicGrade: AcademicGrade
}

/// The last upload for one requirement of a draft.
struct CurrentDocument: Codable, Sendable, Equatable {
    var documentId: UUID
    var requirementCode: String
    var type: DocumentType
    var sha256: String
}

/// The checks at submission (DOMAIN §1.1-1.3): the eligibility rules plus every mandatory document that applies to the
/// formation's kind. Pure; `now` decides the deadline (in UTC) and the age (on the agency's calendar date).
enum SubmissionRules {
    static func check(_ request: SubmissionRequest, formation: FormationSnapshot, requiredDocuments: [RequiredDocument],
                      birthDate: CalendarDate, documents: [CurrentDocument], now: Date) -> [RegistrationIssue]
    {
        var issues = Eligibility.check(
            formation: formation, birthDate: birthDate, education: request.education, grade: request.academicGrade,
            now: now)
        if request.education.major.trimmingCharacters(in: .whitespaces).isEmpty {
            issues.append(.init(field: "education.major", code: "required", message: "the major is required"))
        }
        let uploaded = Set(documents.map(\.requirementCode))
        for requirement in requiredDocuments
        where requirement.mandatory && requirement.applies(to: formation.kind) && !uploaded.contains(requirement.code) {
            issues.append(.init(field: "documents.\(requirement.code)", code: "document-missing",
                                message: "upload the \(requirement.label) before submitting"))
        }
        return issues
    }

    /// The submitted documents in the period's order, limited to those that apply to the formation's kind.
    static func submittedDocuments(_ documents: [CurrentDocument], requiredDocuments: [RequiredDocument],
                                   kind: FormationKind) -> [SubmittedDocument]
    {
        requiredDocuments.filter { $0.applies(to: kind) }.compactMap { requirement in
            documents.first { $0.requirementCode == requirement.code }.map {
                SubmittedDocument(documentId: $0.documentId, requirementCode: $0.requirementCode, type: $0.type,
                                  sha256: $0.sha256)
            }
        }
    }
}
