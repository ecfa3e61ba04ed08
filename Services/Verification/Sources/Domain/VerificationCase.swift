import Foundation
import RecruitmentEvents

/// One application's administrative verification (DOMAIN §1.4-1.5), as the fold of its event stream
/// (`verification-case-<case id>`) over the submission it was opened from.
///
/// The value is pure data: the rules that turn a request into events live in `VerificationCase+Rules.swift`, the fold
/// in `VerificationCase+Fold.swift`; persistence stores the whole value as the case's read-model row.
struct VerificationCase: Codable, Sendable, Equatable {
    /// Where the case is in its life cycle.
    enum Status: String, Codable, Sendable, CaseIterable {
        /// Waiting in the queue (never claimed, released, lease lapsed, or returned by a supervisor).
        case open
        /// A verifier holds it (until the lease expires).
        case claimed
        /// A decision waits for a supervisor's countersignature.
        case awaitingCountersignature = "awaiting-countersignature"
        /// The decision is final (countersigned, or final as recorded).
        case decided
        /// The application was withdrawn; no result.
        case closed
    }

    /// A verifier's hold on the case.
    struct Claim: Codable, Sendable, Equatable {
        var verifierId: UUID
        var claimedAt: Date
        var leaseExpiresAt: Date

        func isActive(at now: Date) -> Bool { now < leaseExpiresAt }
    }

    /// A submitted document and the verdict on it.
    struct Document: Codable, Sendable, Equatable {
        var documentId: UUID
        var requirementCode: String
        var type: DocumentType
        var sha256: String
        var review: Review?
    }

    /// The latest verdict on one document.
    struct Review: Codable, Sendable, Equatable {
        var verdict: DocumentVerdict
        var reasonCode: RequirementFailureReason?
        var note: String?
        var verifierId: UUID
        var reviewedAt: Date
    }

    /// The MS/TMS decision in force or awaiting countersignature.
    struct Decision: Codable, Sendable, Equatable {
        var decisionId: UUID
        var outcome: AdministrativeOutcome
        var unmetRequirements: [UnmetRequirement]
        var verifierId: UUID
        var recordedAt: Date
        var requiresCountersignature: Bool
        var countersignedBy: UUID?
        var countersignedAt: Date?
    }

    /// A supervisor sent the last decision back.
    struct Return: Codable, Sendable, Equatable {
        var decisionId: UUID
        var supervisorId: UUID
        var reason: String
        var returnedAt: Date
    }

    /// The applicant's objection (sanggah) and its answer.
    struct Objection: Codable, Sendable, Equatable {
        var objectionId: UUID
        var decisionId: UUID
        var disputedRequirementCodes: [String]
        var reason: String
        var filedAt: Date
        var outcome: ObjectionOutcome?
        var answer: String?
        var resolvedBy: UUID?
        var resolvedAt: Date?
    }

    var caseId: UUID
    var applicationId: UUID
    var applicantId: UUID
    var periodId: UUID
    var formationId: UUID
    var formationKind: FormationKind
    var registrationNumber: String
    var applicantName: String
    var education: EducationQualification
    var submittedAt: Date
    var openedAt: Date
    var status: Status
    var documents: [Document]
    var claim: Claim?
    /// Officers who declared a conflict of interest with the applicant.
    var conflictedOfficers: [UUID]
    var decision: Decision?
    var lastReturn: Return?
    var objection: Objection?
    var closedAt: Date?

    /// The stream of the case's events.
    var streamId: String { Self.streamId(caseId) }

    static func streamId(_ caseId: UUID) -> String {
        "verification-case-\(caseId.eventKey)"
    }

    /// The case id of an application: derived, so that replaying the registration topic opens the same case again
    /// (and finds it already open) instead of a second one.
    static func caseId(forApplication applicationId: UUID) -> UUID {
        UUID.derived(from: "asn.verification.case/\(applicationId.eventKey)")
    }

    /// The administrative result once final: the decision's outcome, or MS after an upheld objection.
    var finalOutcome: AdministrativeOutcome? {
        guard status == .decided, let decision else { return nil }
        if objection?.outcome == .upheld { return .ms }
        return decision.outcome
    }

    /// Requirements that are not one document (DOMAIN §1.1): the education qualification (level, major, for cumlaude
    /// the accreditation) and the age limits, which a verifier may find unmet across several documents.
    static let generalRequirementCodes: Set<String> = ["kualifikasi-pendidikan", "akreditasi", "usia"]

    /// The requirement codes a TMS decision may name: those of the submitted documents and the general ones.
    var requirementCodes: Set<String> { Set(documents.map(\.requirementCode)).union(Self.generalRequirementCodes) }

    /// A new case for a submitted application.
    init(opening submission: ApplicationSubmittedV1, submittedAt: Date, openedAt: Date) {
        caseId = Self.caseId(forApplication: submission.applicationId)
        applicationId = submission.applicationId
        applicantId = submission.applicantId
        periodId = submission.periodId
        formationId = submission.formationId
        formationKind = submission.formationKind
        registrationNumber = submission.registrationNumber
        applicantName = submission.applicantName
        education = submission.education
        self.submittedAt = submittedAt
        self.openedAt = openedAt
        status = .open
        documents = submission.documents.map {
            Document(documentId: $0.documentId, requirementCode: $0.requirementCode, type: $0.type, sha256: $0.sha256)
        }
        conflictedOfficers = []
    }

    /// The event that opens the case.
    var openedEvent: VerificationCaseOpenedV1 {
        VerificationCaseOpenedV1(
            caseId: caseId, applicationId: applicationId, applicantId: applicantId, periodId: periodId,
            formationId: formationId, formationKind: formationKind, registrationNumber: registrationNumber,
            documentIds: documents.map(\.documentId))
    }
}
