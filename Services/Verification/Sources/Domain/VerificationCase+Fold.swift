import Foundation
import RecruitmentEvents

extension VerificationCase {
    /// Applies one of the case's own events, recorded at `time`. Events of other types leave the case unchanged.
    mutating func apply(_ event: any RecruitmentEvent, at time: Date) {
        switch event {
        case let claimed as VerificationCaseClaimedV1:
            status = .claimed
            claim = Claim(verifierId: claimed.verifierId, claimedAt: time, leaseExpiresAt: claimed.leaseExpiresAt)
        case is VerificationCaseReleasedV1:
            claim = nil
            if status == .claimed { status = .open }
        case let declared as ConflictOfInterestDeclaredV1:
            if !conflictedOfficers.contains(declared.officerId) { conflictedOfficers.append(declared.officerId) }
        case let reviewed as DocumentReviewedV1:
            if let index = documents.firstIndex(where: { $0.documentId == reviewed.documentId }) {
                documents[index].review = Review(
                    verdict: reviewed.verdict, reasonCode: reviewed.reasonCode, note: reviewed.note,
                    verifierId: reviewed.verifierId, reviewedAt: time)
            }
        case let recorded as VerificationDecisionRecordedV1:
            decision = Decision(
                decisionId: recorded.decisionId, outcome: recorded.outcome,
                unmetRequirements: recorded.unmetRequirements, verifierId: recorded.verifierId, recordedAt: time,
                requiresCountersignature: recorded.awaitsCountersignature)
            claim = nil
            status = recorded.awaitsCountersignature ? .awaitingCountersignature : .decided
        case let countersigned as VerificationDecisionCountersignedV1:
            decision?.countersignedBy = countersigned.supervisorId
            decision?.countersignedAt = time
            status = .decided
        case let returned as VerificationDecisionReturnedV1:
            lastReturn = Return(
                decisionId: returned.decisionId, supervisorId: returned.supervisorId, reason: returned.reason,
                returnedAt: time)
            decision = nil
            status = .open
        case let filed as ObjectionFiledV1:
            objection = Objection(
                objectionId: filed.objectionId, decisionId: filed.decisionId,
                disputedRequirementCodes: filed.disputedRequirementCodes, reason: filed.reason, filedAt: time)
        case let resolved as ObjectionResolvedV1:
            objection?.outcome = resolved.outcome
            objection?.answer = resolved.answer
            objection?.resolvedBy = resolved.resolvedBy
            objection?.resolvedAt = time
        case is VerificationCaseClosedV1:
            status = .closed
            claim = nil
            closedAt = time
        default:
            break
        }
    }
}
