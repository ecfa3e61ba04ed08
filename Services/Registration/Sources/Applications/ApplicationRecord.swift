import Foundation
import RecruitmentEvents

/// An application as stored in the inline read model, with what the verification topic said about it.
struct ApplicationRecord: Sendable {
    enum Status: String, Codable, Sendable {
        case draft, submitted, withdrawn
    }

    var applicationId: UUID
    var applicantId: UUID
    var periodId: UUID
    var formationId: UUID
    var status: Status
    /// The version of the application's stream (`application-<id>`) this row reflects.
    var streamVersion: Int64
    var registrationNumber: String?
    var startedAt: Date?
    var submittedAt: Date?
    /// The frozen snapshot, once submitted.
    var submission: ApplicationSubmittedV1?
    var withdrawnAt: Date?
    var verificationStartedAt: Date?
    var verificationDecision: VerificationDecisionState?
    var objection: ObjectionState?

    var streamId: String { Self.streamId(applicationId) }

    static func streamId(_ id: UUID) -> String { "application-\(id.eventKey)" }
}

/// The latest verification decision the verification topic reported for an application.
struct VerificationDecisionState: Codable, Sendable, Equatable {
    var decisionId: UUID
    var outcome: AdministrativeOutcome
    var unmetRequirements: [UnmetRequirement]
    var countersigned: Bool
    var decidedAt: Date
}

/// An objection (masa sanggah) and, once answered, its resolution.
struct ObjectionState: Codable, Sendable, Equatable {
    var objectionId: UUID
    var filedAt: Date
    var outcome: ObjectionOutcome?
    var resultingOutcome: AdministrativeOutcome?
    var answer: String?
    var resolvedAt: Date?
}

/// One stored upload (metadata; the bytes are read only for downloads).
struct StoredDocument: Codable, Sendable, Equatable {
    var documentId: UUID
    var requirementCode: String
    var type: DocumentType
    var format: DocumentFormat
    var sizeBytes: Int
    var sha256: String
    var uploadedAt: Date
}

/// What a submission is checked against, read in one query (``ApplicationStore/submissionContext(_:on:)``).
struct SubmissionContext: Sendable {
    var record: ApplicationRecord
    var applicantName: String
    var birthDate: CalendarDate
    var formation: FormationPublishedV1
    var period: SelectionPeriodOpenedV1
    /// The current document per requirement.
    var documents: [CurrentDocument]
}
