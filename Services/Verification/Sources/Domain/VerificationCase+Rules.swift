import Foundation
import RecruitmentEvents

/// The decisions of a verification case: each takes the request and the clock and answers the events to append, or
/// throws a ``VerificationRuleViolation`` (nothing is appended). Pure: persistence appends the events and folds them
/// with ``VerificationCase/apply(_:at:)``.
extension VerificationCase {
    /// Longest free text accepted in notes, explanations, reasons and answers.
    static let maximumTextLength = 2000

    // MARK: Claiming

    /// A verifier takes the case for `lease`. Claiming a case whose lease lapsed first releases the old claim
    /// (``CaseReleaseReason/leaseExpired``); claiming your own active claim renews its lease.
    func claim(by verifierId: UUID, lease: Duration, now: Date) throws(VerificationRuleViolation)
        -> [any RecruitmentEvent]
    {
        try requireWorkable()
        try requireImpartial(verifierId)
        var events: [any RecruitmentEvent] = []
        if let claim {
            if claim.isActive(at: now) && claim.verifierId != verifierId {
                throw .claimedByAnother(until: claim.leaseExpiresAt)
            }
            if !claim.isActive(at: now) {
                events.append(VerificationCaseReleasedV1(
                    caseId: caseId, applicationId: applicationId, verifierId: claim.verifierId, reason: .leaseExpired))
            }
        }
        let seconds = Double(lease.components.seconds) + Double(lease.components.attoseconds) / 1e18
        events.append(VerificationCaseClaimedV1(
            caseId: caseId, applicationId: applicationId, verifierId: verifierId,
            leaseExpiresAt: now.addingTimeInterval(seconds)))
        return events
    }

    /// The verifier holding the claim gives the case back to the queue.
    func release(by verifierId: UUID, now: Date) throws(VerificationRuleViolation) -> [any RecruitmentEvent] {
        try requireWorkable()
        _ = try activeClaim(of: verifierId, now: now)
        return [VerificationCaseReleasedV1(
            caseId: caseId, applicationId: applicationId, verifierId: verifierId, reason: .released)]
    }

    /// An officer declares a conflict of interest; one they hold the claim of goes back to the queue.
    func declareConflict(by officerId: UUID, relationship: ConflictRelationship, now: Date)
        throws(VerificationRuleViolation) -> [any RecruitmentEvent]
    {
        guard status != .closed else { throw .caseClosed }
        guard !conflictedOfficers.contains(officerId) else { throw .conflictAlreadyDeclared }
        var events: [any RecruitmentEvent] = [ConflictOfInterestDeclaredV1(
            caseId: caseId, applicationId: applicationId, officerId: officerId, relationship: relationship)]
        if let claim, claim.verifierId == officerId, claim.isActive(at: now) {
            events.append(VerificationCaseReleasedV1(
                caseId: caseId, applicationId: applicationId, verifierId: officerId, reason: .released))
        }
        return events
    }

    // MARK: Reviewing and deciding

    /// A verdict on one submitted document, which must have been opened (and its hash checked) before.
    func review(documentId: UUID, verdict: DocumentVerdict, reasonCode: RequirementFailureReason?, note: String?,
                by verifierId: UUID, inspected: Bool, now: Date) throws(VerificationRuleViolation)
        -> [any RecruitmentEvent]
    {
        try requireWorkable()
        _ = try activeClaim(of: verifierId, now: now)
        guard let document = documents.first(where: { $0.documentId == documentId }) else {
            throw .documentNotInCase(documentId)
        }
        guard inspected else { throw .documentNotInspected(documentId) }
        switch (verdict, reasonCode) {
        case (.invalid, nil):
            throw .invalid(field: "reasonCode", code: "required", message: "an invalid document needs a reason code")
        case (.valid, .some):
            throw .invalid(field: "reasonCode", code: "not-allowed", message: "a valid document has no reason code")
        default:
            break
        }
        let note = try Self.optionalText(note, field: "note")
        return [DocumentReviewedV1(
            caseId: caseId, applicationId: applicationId, documentId: documentId, documentSha256: document.sha256,
            requirementCode: document.requirementCode, type: document.type, verdict: verdict, reasonCode: reasonCode,
            note: note, verifierId: verifierId)]
    }

    /// The MS/TMS decision (DOMAIN §1.4): every document has a verdict; MS needs all of them valid; TMS names at least
    /// one unmet requirement of this case, and every invalid document among them.
    func decide(outcome: AdministrativeOutcome, unmetRequirements: [UnmetRequirement], by verifierId: UUID,
                countersignature: CountersignaturePolicy, decisionId: UUID, now: Date)
        throws(VerificationRuleViolation) -> [any RecruitmentEvent]
    {
        try requireWorkable()
        _ = try activeClaim(of: verifierId, now: now)
        let unreviewed = documents.filter { $0.review == nil }.map(\.requirementCode)
        guard unreviewed.isEmpty else { throw .documentsNotReviewed(unreviewed) }
        let invalid = documents.filter { $0.review?.verdict == .invalid }.map(\.requirementCode)
        var unmet: [UnmetRequirement] = []
        switch outcome {
        case .ms:
            guard unmetRequirements.isEmpty else {
                throw .invalid(field: "unmetRequirements", code: "not-allowed", message: "an MS decision lists none")
            }
            if let first = invalid.first {
                throw .invalid(field: "outcome", code: "invalid-documents",
                               message: "MS is impossible: document \(first) was found invalid")
            }
        case .tms:
            guard !unmetRequirements.isEmpty else {
                throw .invalid(field: "unmetRequirements", code: "required",
                               message: "a TMS decision names at least one unmet requirement")
            }
            var seen = Set<String>()
            for (index, requirement) in unmetRequirements.enumerated() {
                let field = "unmetRequirements[\(index)]"
                guard requirementCodes.contains(requirement.requirementCode) else {
                    throw .invalid(field: "\(field).requirementCode", code: "unknown-requirement",
                                   message: "\(requirement.requirementCode) is not a requirement of this case")
                }
                guard seen.insert(requirement.requirementCode).inserted else {
                    throw .invalid(field: "\(field).requirementCode", code: "duplicate", message: "listed twice")
                }
                guard let explanation = try Self.optionalText(requirement.explanation, field: "\(field).explanation")
                else {
                    throw .invalid(field: "\(field).explanation", code: "required",
                                   message: "explain the unmet requirement to the applicant")
                }
                unmet.append(UnmetRequirement(
                    requirementCode: requirement.requirementCode, reasonCode: requirement.reasonCode,
                    explanation: explanation))
            }
            if let missing = invalid.first(where: { !seen.contains($0) }) {
                throw .invalid(field: "unmetRequirements", code: "incomplete",
                               message: "document \(missing) was found invalid and must be listed")
            }
        }
        return [VerificationDecisionRecordedV1(
            decisionId: decisionId, caseId: caseId, applicationId: applicationId, applicantId: applicantId,
            outcome: outcome, unmetRequirements: unmet, verifierId: verifierId,
            requiresCountersignature: countersignature.requires(outcome))]
    }

    // MARK: Four eyes

    /// A supervisor other than the decision's verifier makes the decision final.
    func countersign(by supervisorId: UUID) throws(VerificationRuleViolation) -> [any RecruitmentEvent] {
        let decision = try pendingDecision(reviewedBy: supervisorId)
        return [VerificationDecisionCountersignedV1(
            decisionId: decision.decisionId, caseId: caseId, applicationId: applicationId, applicantId: applicantId,
            outcome: decision.outcome, supervisorId: supervisorId)]
    }

    /// A supervisor other than the decision's verifier sends it back to the queue with a comment.
    func returnDecision(by supervisorId: UUID, reason: String) throws(VerificationRuleViolation)
        -> [any RecruitmentEvent]
    {
        let decision = try pendingDecision(reviewedBy: supervisorId)
        guard let reason = try Self.optionalText(reason, field: "reason") else {
            throw .invalid(field: "reason", code: "required", message: "tell the verifier what to change")
        }
        return [VerificationDecisionReturnedV1(
            decisionId: decision.decisionId, caseId: caseId, applicationId: applicationId, supervisorId: supervisorId,
            reason: reason)]
    }

    // MARK: Objections

    /// The applicant objects to a published TMS result within the window (DOMAIN §1.5): once, naming unmet
    /// requirements of the decision.
    func fileObjection(by filer: UUID, disputedRequirementCodes: [String], reason: String,
                       window: ObjectionWindow?, objectionId: UUID, now: Date)
        throws(VerificationRuleViolation) -> [any RecruitmentEvent]
    {
        guard filer == applicantId else { throw .notTheApplicant }
        guard status != .closed else { throw .caseClosed }
        guard objection == nil else { throw .objectionAlreadyFiled }
        guard status == .decided, let decision, let window else { throw .resultsNotPublished }
        guard decision.outcome == .tms else { throw .objectionOnlyAgainstTMS }
        guard now >= window.opensAt else { throw .objectionWindowNotOpen(opensAt: window.opensAt) }
        guard window.accepts(now) else { throw .objectionWindowClosed(closedAt: window.closesAt) }
        guard !disputedRequirementCodes.isEmpty else {
            throw .invalid(field: "disputedRequirementCodes", code: "required",
                           message: "name at least one unmet requirement you dispute")
        }
        let decided = Set(decision.unmetRequirements.map(\.requirementCode))
        for (index, code) in disputedRequirementCodes.enumerated() where !decided.contains(code) {
            throw .invalid(field: "disputedRequirementCodes[\(index)]", code: "not-unmet",
                           message: "\(code) is not an unmet requirement of the decision")
        }
        guard Set(disputedRequirementCodes).count == disputedRequirementCodes.count else {
            throw .invalid(field: "disputedRequirementCodes", code: "duplicate", message: "a code is listed twice")
        }
        guard let reason = try Self.optionalText(reason, field: "reason") else {
            throw .invalid(field: "reason", code: "required", message: "explain why the verifier erred")
        }
        return [ObjectionFiledV1(
            objectionId: objectionId, applicationId: applicationId, applicantId: applicantId,
            decisionId: decision.decisionId, disputedRequirementCodes: disputedRequirementCodes, reason: reason)]
    }

    /// An officer answers the objection; upheld turns TMS into MS (the verifier erred), rejected keeps TMS.
    func resolveObjection(by officerId: UUID, outcome: ObjectionOutcome, answer: String)
        throws(VerificationRuleViolation) -> [any RecruitmentEvent]
    {
        guard let objection else { throw .noPendingObjection }
        guard objection.outcome == nil else { throw .objectionAlreadyResolved }
        try requireImpartial(officerId)
        if decision?.verifierId == officerId { throw .ownDecision }
        guard let answer = try Self.optionalText(answer, field: "answer") else {
            throw .invalid(field: "answer", code: "required", message: "the answer is shown to the applicant")
        }
        return [ObjectionResolvedV1(
            objectionId: objection.objectionId, applicationId: applicationId, applicantId: applicantId,
            decisionId: objection.decisionId, outcome: outcome, resultingOutcome: outcome == .upheld ? .ms : .tms,
            answer: answer, resolvedBy: officerId)]
    }

    // MARK: Withdrawal

    /// The application was withdrawn: the case closes whatever its state (registration allows withdrawal only before a
    /// verifier takes the case; a withdrawal racing a claim still wins, since the applicant was told it succeeded).
    func closeForWithdrawal() -> [any RecruitmentEvent] {
        guard status != .closed else { return [] }
        return [VerificationCaseClosedV1(caseId: caseId, applicationId: applicationId, reason: .applicationWithdrawn)]
    }

    // MARK: Guards

    /// Open or claimed: still in verification.
    private func requireWorkable() throws(VerificationRuleViolation) {
        switch status {
        case .closed: throw .caseClosed
        case .awaitingCountersignature, .decided: throw .alreadyDecided
        case .open, .claimed: break
        }
    }

    /// Not the applicant and no declared conflict.
    private func requireImpartial(_ officerId: UUID) throws(VerificationRuleViolation) {
        guard officerId != applicantId else { throw .ownApplication }
        guard !conflictedOfficers.contains(officerId) else { throw .conflictOfInterest }
    }

    private func activeClaim(of verifierId: UUID, now: Date) throws(VerificationRuleViolation) -> Claim {
        guard let claim, claim.verifierId == verifierId else { throw .notClaimedByYou }
        guard claim.isActive(at: now) else { throw .leaseExpired(at: claim.leaseExpiresAt) }
        return claim
    }

    private func pendingDecision(reviewedBy supervisorId: UUID) throws(VerificationRuleViolation) -> Decision {
        guard status != .closed else { throw .caseClosed }
        guard status == .awaitingCountersignature, let decision else { throw .nothingToCountersign }
        guard decision.verifierId != supervisorId else { throw .ownDecision }
        try requireImpartial(supervisorId)
        return decision
    }

    /// Trimmed text of at most ``maximumTextLength`` characters; `nil` when absent or blank.
    static func optionalText(_ text: String?, field: String) throws(VerificationRuleViolation) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        guard trimmed.count <= maximumTextLength else {
            throw .invalid(field: field, code: "too-long", message: "at most \(maximumTextLength) characters")
        }
        return trimmed
    }
}
