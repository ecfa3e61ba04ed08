import Foundation
import RecruitmentEvents

/// `POST /v1/applications` and `PUT /v1/applications/{id}/formation`.
struct FormationChoice: Codable, Sendable {
    var formationId: UUID
}

/// The formation an application is for, as shown to its applicant.
struct FormationSummary: Codable, Sendable {
    var formationId: UUID
    var positionName: String
    var unitName: String
    var placement: String
    var kind: FormationKind

    init(_ formation: FormationPublishedV1) {
        formationId = formation.formationId
        positionName = formation.positionName
        unitName = formation.unitName
        placement = formation.placement
        kind = formation.kind
    }
}

/// Where an application stands in the administrative selection, from the verification topic. The outcome is shown only
/// once the administrative results are officially published (DOMAIN §1.4), never from an internal decision.
struct VerificationProgress: Codable, Sendable {
    /// `not-started`, `in-review`, `published`.
    var stage: String
    var startedAt: Date?
    var resultsPublishedAt: Date?
    /// MS or TMS, after publication (an upheld objection turns TMS into MS).
    var outcome: AdministrativeOutcome?
    /// For TMS: what was not met and why.
    var unmetRequirements: [UnmetRequirement]?
    var objection: ObjectionProgress?
}

/// The applicant's objection and its answer.
struct ObjectionProgress: Codable, Sendable {
    var filedAt: Date
    /// `filed` or `resolved`.
    var status: String
    var outcome: ObjectionOutcome?
    var answer: String?
    var resolvedAt: Date?
}

/// One step of the application's history.
struct ApplicationStep: Codable, Sendable {
    var at: Date
    /// `started`, `submitted`, `withdrawn`, `verification-started`, `results-published`, `objection-filed`,
    /// `objection-resolved`.
    var step: String
}

/// A document of an application (metadata; the bytes are downloaded separately).
struct DocumentView: Codable, Sendable {
    var documentId: UUID
    var requirementCode: String
    var type: DocumentType
    var format: DocumentFormat
    var sizeBytes: Int
    var sha256: String
    var uploadedAt: Date
    var download: String
}

/// What the applicant (or an officer) sees of an application: one view of its whole progress.
struct ApplicationView: Codable, Sendable {
    var applicationId: UUID
    var applicantId: UUID
    var periodId: UUID
    var formation: FormationSummary
    /// `draft`, `submitted` or `withdrawn`.
    var status: String
    var registrationNumber: String?
    var startedAt: Date?
    var submittedAt: Date?
    var withdrawnAt: Date?
    /// The current document per requirement.
    var documents: [DocumentView]
    /// For a draft: the mandatory documents not uploaded yet.
    var missingDocuments: [String]
    var canWithdraw: Bool
    var verification: VerificationProgress
    var history: [ApplicationStep]
}

/// The registration card (kartu pendaftaran) data, printed by the portal after submission.
struct RegistrationCard: Codable, Sendable {
    var registrationNumber: String
    var applicationId: UUID
    var applicantName: String
    var agencyName: String
    var periodName: String
    var formation: FormationSummary
    var education: EducationQualification
    var submittedAt: Date
    /// The submission instant in the agency's time zone and in WIB.
    var submittedAtLocal: String
    var submittedAtWIB: String
    /// The SHA-256 of every submitted document: what the verifiers will see.
    var documents: [SubmittedDocument]
}
