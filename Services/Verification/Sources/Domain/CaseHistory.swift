import Foundation
import RecruitmentEvents

/// One entry of a case's history (issue: every action is an event with actor and time).
struct CaseHistoryEntry: Codable, Sendable, Equatable {
    /// The position in the case's stream (1 = opened).
    var version: Int64
    /// The event type, e.g. `asn.verification.case-claimed.v1`.
    var type: String
    var at: Date
    /// The officer who acted; absent for the applicant's view unless officers are shown, and for system events.
    var actorId: UUID?
    /// What happened, in one sentence.
    var summary: String
    var documentId: UUID?
    var requirementCode: String?
    var verdict: DocumentVerdict?
    var reasonCode: RequirementFailureReason?
    var outcome: String?
    var unmetRequirements: [UnmetRequirement]?
    /// A note, reason or answer in the actor's words.
    var text: String?
}

/// Turns a case's events into its history: complete for officers; for the applicant without conflict declarations,
/// without verdicts and decisions before the results are published, and without officer identities unless the
/// agency chooses to show them.
enum CaseHistory {
    /// Who reads the history.
    enum Audience: Equatable {
        case officer
        case applicant(resultsPublished: Bool, showOfficers: Bool)
    }

    static func entries(_ events: [(event: any RecruitmentEvent, version: Int64, time: Date)], for audience: Audience)
        -> [CaseHistoryEntry]
    {
        events.compactMap { entry($0.event, version: $0.version, at: $0.time, for: audience) }
    }

    static func entry(_ event: any RecruitmentEvent, version: Int64, at time: Date, for audience: Audience)
        -> CaseHistoryEntry?
    {
        var item = CaseHistoryEntry(version: version, type: type(of: event).eventType, at: time, summary: "")
        var isResult = false
        switch event {
        case is VerificationCaseOpenedV1:
            item.summary = "The submitted application entered verification."
        case let claimed as VerificationCaseClaimedV1:
            item.actorId = claimed.verifierId
            item.summary = "A verifier took the case (lease until \(EventTimestamp.string(from: claimed.leaseExpiresAt)))."
        case let released as VerificationCaseReleasedV1:
            item.actorId = released.verifierId
            item.summary = released.reason == .leaseExpired
                ? "The verifier's lease expired; the case went back to the queue."
                : "The verifier released the case back to the queue."
        case let declared as ConflictOfInterestDeclaredV1:
            guard audience == .officer else { return nil }
            item.actorId = declared.officerId
            item.summary = "An officer declared a conflict of interest (\(declared.relationship.rawValue)) and is excluded."
        case let reviewed as DocumentReviewedV1:
            isResult = true
            item.actorId = reviewed.verifierId
            item.documentId = reviewed.documentId
            item.requirementCode = reviewed.requirementCode
            item.verdict = reviewed.verdict
            item.reasonCode = reviewed.reasonCode
            item.text = reviewed.note
            item.summary = "Document \(reviewed.requirementCode) was found \(reviewed.verdict.rawValue)."
        case let recorded as VerificationDecisionRecordedV1:
            isResult = true
            item.actorId = recorded.verifierId
            item.outcome = recorded.outcome.rawValue
            item.unmetRequirements = recorded.unmetRequirements
            item.summary = recorded.awaitsCountersignature
                ? "The verifier decided \(recorded.outcome.rawValue); a supervisor must countersign."
                : "The verifier decided \(recorded.outcome.rawValue)."
        case let countersigned as VerificationDecisionCountersignedV1:
            isResult = true
            item.actorId = countersigned.supervisorId
            item.outcome = countersigned.outcome.rawValue
            item.summary = "A supervisor countersigned the \(countersigned.outcome.rawValue) decision; it is final."
        case let returned as VerificationDecisionReturnedV1:
            isResult = true
            item.actorId = returned.supervisorId
            item.text = returned.reason
            item.summary = "A supervisor returned the decision for another review."
        case let filed as ObjectionFiledV1:
            item.requirementCode = filed.disputedRequirementCodes.joined(separator: ",")
            item.text = filed.reason
            item.summary = "The applicant objected to the TMS result."
        case let resolved as ObjectionResolvedV1:
            item.actorId = resolved.resolvedBy
            item.outcome = resolved.resultingOutcome.rawValue
            item.text = resolved.answer
            item.summary = resolved.outcome == .upheld
                ? "The objection was upheld: the verifier erred and the result is now MS."
                : "The objection was rejected: the result stays TMS."
        case let closed as VerificationCaseClosedV1:
            item.summary = closed.reason == .applicationWithdrawn
                ? "The application was withdrawn; the case is closed." : "The case was closed."
        default:
            return nil
        }
        if case .applicant(let published, let showOfficers) = audience {
            if isResult && !published { return nil }
            if !showOfficers { item.actorId = nil }
        }
        return item
    }
}
