import Foundation
import RecruitmentEvents
import ServiceKit

/// A case in an officer's work list (`GET /v1/queue`): oldest submission first, with how long it has waited.
struct QueueItem: Codable, Sendable, Equatable {
    var caseId: UUID
    var applicationId: UUID
    var registrationNumber: String
    var formationId: UUID
    var positionName: String?
    var submittedAt: Date
    /// Seconds since submission.
    var ageSeconds: Int
    /// `open` (never claimed or released), `lease-expired` (its claim lapsed) or `returned` (a supervisor sent the
    /// decision back; see `returnedReason`).
    var queueState: String
    var returnedReason: String?
}

/// Per formation: how much verification work there is (`GET /v1/queue/formations`).
struct FormationWorkload: Codable, Sendable, Equatable {
    var formationId: UUID
    var positionName: String?
    /// Cases waiting in the queue (including lapsed claims).
    var waiting: Int
    /// Cases held by a verifier.
    var inReview: Int
    var awaitingCountersignature: Int
    var decided: Int
    var closed: Int
    /// Age in seconds of the oldest waiting case.
    var oldestWaitingAgeSeconds: Int?
}

/// A document of a case for officers.
struct CaseDocumentView: Codable, Sendable, Equatable {
    var documentId: UUID
    var requirementCode: String
    var type: DocumentType
    var sha256: String
    /// Whether an officer has opened it (its bytes matched `sha256`); a verdict needs this.
    var inspected: Bool
    var review: VerificationCase.Review?
    /// Where to open it.
    var href: String
}

/// A verification case as officers see it (`GET /v1/cases/{caseId}`).
struct CaseView: Codable, Sendable, Equatable {
    var caseId: UUID
    var applicationId: UUID
    var applicantId: UUID
    var periodId: UUID
    var formation: FormationSummary?
    var registrationNumber: String
    var applicantName: String
    var education: EducationQualification
    var submittedAt: Date
    var status: String
    var claim: VerificationCase.Claim?
    var documents: [CaseDocumentView]
    /// Whether the caller declared a conflict of interest on this case.
    var callerHasConflict: Bool
    var decision: VerificationCase.Decision?
    var lastReturn: VerificationCase.Return?
    var objection: VerificationCase.Objection?
    /// The result once final (after an upheld objection: MS).
    var finalOutcome: AdministrativeOutcome?
    var closedAt: Date?

    init(_ state: VerificationCase, formation: FormationSummary?, inspected: Set<UUID>, caller: UUID) {
        caseId = state.caseId
        applicationId = state.applicationId
        applicantId = state.applicantId
        periodId = state.periodId
        self.formation = formation
        registrationNumber = state.registrationNumber
        applicantName = state.applicantName
        education = state.education
        submittedAt = state.submittedAt
        status = state.status.rawValue
        claim = state.claim
        documents = state.documents.map {
            CaseDocumentView(
                documentId: $0.documentId, requirementCode: $0.requirementCode, type: $0.type, sha256: $0.sha256,
                inspected: inspected.contains($0.documentId), review: $0.review,
                href: "/v1/cases/\(state.caseId.eventKey)/documents/\($0.documentId.eventKey)")
        }
        callerHasConflict = state.conflictedOfficers.contains(caller)
        decision = state.decision
        lastReturn = state.lastReturn
        objection = state.objection
        finalOutcome = state.finalOutcome
        closedAt = state.closedAt
    }
}

/// An objection in the officers' list (`GET /v1/objections`).
struct ObjectionItem: Codable, Sendable, Equatable {
    var objectionId: UUID
    var caseId: UUID
    var applicationId: UUID
    var registrationNumber: String
    var formationId: UUID
    var disputedRequirementCodes: [String]
    var reason: String
    var filedAt: Date
    /// When the answer is due (7 days after the window closes, by default).
    var answersDueAt: Date?
    /// Unanswered past its due date.
    var overdue: Bool
    var outcome: ObjectionOutcome?
    var answer: String?
    var resolvedAt: Date?
}

/// The applicant's view of their verification (`GET /v1/applications/{applicationId}/verification`).
struct ApplicantVerificationView: Codable, Sendable, Equatable {
    var applicationId: UUID
    var registrationNumber: String
    /// `in-verification`, `awaiting-publication` (decided, not yet announced), `published` or `closed`.
    var stage: String
    /// MS or TMS, once published.
    var outcome: AdministrativeOutcome?
    /// For TMS: what was not met and why.
    var unmetRequirements: [UnmetRequirement]?
    /// The verdict per document, once published.
    var documents: [ApplicantDocumentVerdict]?
    /// The objection period, once published.
    var objectionWindow: ObjectionWindow?
    /// Whether an objection can be filed now.
    var canObject: Bool
    var objection: VerificationCase.Objection?
    var history: [CaseHistoryEntry]
}

/// One document's verdict as the applicant sees it.
struct ApplicantDocumentVerdict: Codable, Sendable, Equatable {
    var requirementCode: String
    var type: DocumentType
    var verdict: DocumentVerdict?
    var reasonCode: RequirementFailureReason?
    var note: String?
}

/// An entry of the maintained reason list (`GET /v1/reason-codes`).
struct ReasonCodeView: Codable, Sendable, Equatable {
    var code: RequirementFailureReason
    /// Indonesian label shown to applicants.
    var label: String
    /// English explanation.
    var explanation: String
}

// MARK: Requests

/// `POST /v1/cases/{caseId}/conflicts`.
struct ConflictDeclaration: Codable, Sendable {
    var relationship: ConflictRelationship
}

/// `PUT /v1/cases/{caseId}/documents/{documentId}/review`.
struct DocumentReviewRequest: Codable, Sendable {
    var verdict: DocumentVerdict
    /// Required when invalid; from `GET /v1/reason-codes`.
    var reasonCode: RequirementFailureReason?
    /// Free text for the applicant, at most 2000 characters.
    var note: String?
}

/// `POST /v1/cases/{caseId}/decision`.
struct DecisionRequest: Codable, Sendable {
    var outcome: AdministrativeOutcome
    /// For TMS: at least one, each a requirement of the case with a reason code and an explanation.
    var unmetRequirements: [UnmetRequirement]?
}

/// `POST /v1/cases/{caseId}/return`.
struct ReturnRequest: Codable, Sendable {
    /// What the verifier should change, at most 2000 characters.
    var reason: String
}

/// `POST /v1/formations/{formationId}/administrative-results`.
struct PublicationRequest: Codable, Sendable {
    /// `initial` (default) or `after-objection`.
    var round: AdministrativeAnnouncementRound?
}

/// `POST /v1/applications/{applicationId}/objection`.
struct ObjectionRequest: Codable, Sendable {
    /// Unmet requirements of the decision that the applicant disputes.
    var disputedRequirementCodes: [String]
    /// Why the verifier erred, at most 2000 characters.
    var reason: String
}

/// `POST /v1/cases/{caseId}/objection/resolution`.
struct ObjectionResolutionRequest: Codable, Sendable {
    var outcome: ObjectionOutcome
    /// Shown to the applicant, at most 2000 characters.
    var answer: String
}
