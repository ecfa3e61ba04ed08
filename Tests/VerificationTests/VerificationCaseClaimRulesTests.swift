import Foundation
import RecruitmentEvents
import Testing
@testable import Verification

/// Claiming, releasing, conflicts of interest, impartiality and withdrawal.
@Suite struct VerificationCaseClaimRulesTests {
    typealias F = Fixture
    static let caseId = F.opened.caseId
    static let applicationId = F.submission.applicationId

    // MARK: Claiming

    @Test func claimingAnOpenCaseTakesItForTheLease() throws {
        let events = try F.opened.claim(by: F.verifier, lease: F.lease, now: F.t0 + 5)
        #expect(Events(events) == Events([VerificationCaseClaimedV1(
            caseId: Self.caseId, applicationId: Self.applicationId, verifierId: F.verifier,
            leaseExpiresAt: F.t0 + 5 + 1800)]))
        let state = F.opened.folding(events, at: F.t0 + 5)
        #expect(state.status == .claimed)
        #expect(state.claim == VerificationCase.Claim(
            verifierId: F.verifier, claimedAt: F.t0 + 5, leaseExpiresAt: F.t0 + 1805))
    }

    @Test func aLeaseWithFractionalSecondsKeepsThem() throws {
        let events = try F.opened.claim(by: F.verifier, lease: .milliseconds(1500), now: F.t0)
        #expect((events.first as? VerificationCaseClaimedV1)?.leaseExpiresAt == F.t0 + 1.5)
    }

    @Test(arguments: [0.0, 1, 1799, 1799.999])
    func aSecondVerifierIsRefusedWhileTheLeaseRuns(_ offset: TimeInterval) {
        #expect(violation { try F.claimed.claim(by: F.otherVerifier, lease: F.lease, now: F.t0 + offset) }
            == .claimedByAnother(until: F.t0 + 1800))
    }

    @Test(arguments: [1800.0, 1800.001, 86_400])
    func claimingAfterTheLeaseExpiredReleasesTheOldClaimFirst(_ offset: TimeInterval) throws {
        let now = F.t0 + offset
        let events = try F.claimed.claim(by: F.otherVerifier, lease: F.lease, now: now)
        #expect(Events(events) == Events([
            VerificationCaseReleasedV1(
                caseId: Self.caseId, applicationId: Self.applicationId, verifierId: F.verifier, reason: .leaseExpired),
            VerificationCaseClaimedV1(
                caseId: Self.caseId, applicationId: Self.applicationId, verifierId: F.otherVerifier,
                leaseExpiresAt: now + 1800),
        ]))
        let state = F.claimed.folding(events, at: now)
        #expect(state.status == .claimed)
        #expect(state.claim?.verifierId == F.otherVerifier)
        #expect(state.claim?.leaseExpiresAt == now + 1800)
    }

    @Test func claimingYourOwnActiveClaimRenewsTheLease() throws {
        let events = try F.claimed.claim(by: F.verifier, lease: F.lease, now: F.t0 + 1000)
        #expect(Events(events) == Events([VerificationCaseClaimedV1(
            caseId: Self.caseId, applicationId: Self.applicationId, verifierId: F.verifier,
            leaseExpiresAt: F.t0 + 2800)]))
        let state = F.claimed.folding(events, at: F.t0 + 1000)
        #expect(state.claim?.leaseExpiresAt == F.t0 + 2800)
        #expect(state.claim?.claimedAt == F.t0 + 1000)
    }

    @Test func reclaimingYourOwnLapsedClaimRecordsTheExpiry() throws {
        let events = try F.claimed.claim(by: F.verifier, lease: F.lease, now: F.t0 + 3600)
        #expect(Events(events) == Events([
            VerificationCaseReleasedV1(
                caseId: Self.caseId, applicationId: Self.applicationId, verifierId: F.verifier, reason: .leaseExpired),
            VerificationCaseClaimedV1(
                caseId: Self.caseId, applicationId: Self.applicationId, verifierId: F.verifier,
                leaseExpiresAt: F.t0 + 5400),
        ]))
    }

    @Test func aClosedCaseCannotBeClaimed() {
        let closed = F.claimed.folding([F.closedEvent], at: F.t0 + 100)
        #expect(violation { try closed.claim(by: F.otherVerifier, lease: F.lease, now: F.t0 + 200) } == .caseClosed)
    }

    @Test func aDecidedCaseCannotBeClaimed() {
        #expect(violation { try F.awaitingTMS.claim(by: F.otherVerifier, lease: F.lease, now: F.t0 + 700) }
            == .alreadyDecided)
        #expect(violation { try F.finalMS.claim(by: F.verifier, lease: F.lease, now: F.t0 + 700) } == .alreadyDecided)
    }

    // MARK: Releasing

    @Test func theHolderReleasesTheCaseBackToTheQueue() throws {
        let events = try F.claimed.release(by: F.verifier, now: F.t0 + 60)
        #expect(Events(events) == Events([VerificationCaseReleasedV1(
            caseId: Self.caseId, applicationId: Self.applicationId, verifierId: F.verifier, reason: .released)]))
        let state = F.claimed.folding(events, at: F.t0 + 60)
        #expect(state.status == .open)
        #expect(state.claim == nil)
    }

    @Test func onlyTheHolderOfAnActiveClaimReleases() {
        #expect(violation { try F.claimed.release(by: F.otherVerifier, now: F.t0 + 60) } == .notClaimedByYou)
        #expect(violation { try F.opened.release(by: F.verifier, now: F.t0 + 60) } == .notClaimedByYou)
        #expect(violation { try F.claimed.release(by: F.verifier, now: F.t0 + 1800) } == .leaseExpired(at: F.t0 + 1800))
    }

    // MARK: Impartiality

    @Test func nobodyClaimsTheirOwnApplication() {
        #expect(violation { try F.opened.claim(by: F.applicant, lease: F.lease, now: F.t0) } == .ownApplication)
    }

    @Test func nobodyCountersignsOrAnswersAnObjectionOnTheirOwnApplication() {
        #expect(violation { try F.awaitingTMS.countersign(by: F.applicant) } == .ownApplication)
        #expect(violation { try F.awaitingTMS.returnDecision(by: F.applicant, reason: "Periksa lagi.") }
            == .ownApplication)
        #expect(violation { try F.objected.resolveObjection(by: F.applicant, outcome: .upheld, answer: "Diterima.") }
            == .ownApplication)
    }

    @Test func aDeclaredConflictExcludesTheOfficerFromClaiming() {
        let state = F.opened.folding([F.conflictEvent(F.otherVerifier)], at: F.t0 + 10)
        #expect(state.conflictedOfficers == [F.otherVerifier])
        #expect(violation { try state.claim(by: F.otherVerifier, lease: F.lease, now: F.t0 + 20) }
            == .conflictOfInterest)
        // Others are unaffected.
        #expect(violation { try state.claim(by: F.verifier, lease: F.lease, now: F.t0 + 20) } == nil)
    }

    @Test func aDeclaredConflictExcludesTheOfficerFromCountersigning() {
        let state = F.awaitingTMS.folding([F.conflictEvent(F.supervisor, .work)], at: F.t0 + 700)
        #expect(violation { try state.countersign(by: F.supervisor) } == .conflictOfInterest)
        #expect(violation { try state.returnDecision(by: F.supervisor, reason: "Periksa lagi.") } == .conflictOfInterest)
        #expect(violation { try state.countersign(by: F.otherSupervisor) } == nil)
    }

    @Test func aDeclaredConflictExcludesTheOfficerFromResolvingObjections() {
        let state = F.objected.folding([F.conflictEvent(F.otherSupervisor, .personal)], at: F.publishedAt + 7200)
        #expect(violation { try state.resolveObjection(by: F.otherSupervisor, outcome: .rejected, answer: "Ditolak.") }
            == .conflictOfInterest)
        #expect(violation { try state.resolveObjection(by: F.supervisor, outcome: .rejected, answer: "Ditolak.") } == nil)
    }

    // MARK: Declaring a conflict

    @Test func declaringAConflictWhileHoldingTheClaimReleasesIt() throws {
        let events = try F.claimed.declareConflict(by: F.verifier, relationship: .family, now: F.t0 + 120)
        #expect(Events(events) == Events([
            ConflictOfInterestDeclaredV1(
                caseId: Self.caseId, applicationId: Self.applicationId, officerId: F.verifier, relationship: .family),
            VerificationCaseReleasedV1(
                caseId: Self.caseId, applicationId: Self.applicationId, verifierId: F.verifier, reason: .released),
        ]))
        let state = F.claimed.folding(events, at: F.t0 + 120)
        #expect(state.status == .open)
        #expect(state.claim == nil)
        #expect(state.conflictedOfficers == [F.verifier])
        #expect(violation { try state.claim(by: F.verifier, lease: F.lease, now: F.t0 + 130) } == .conflictOfInterest)
    }

    @Test func declaringAConflictWithoutTheClaimOnlyRecordsIt() throws {
        let events = try F.claimed.declareConflict(by: F.otherVerifier, relationship: .work, now: F.t0 + 120)
        #expect(Events(events) == Events([ConflictOfInterestDeclaredV1(
            caseId: Self.caseId, applicationId: Self.applicationId, officerId: F.otherVerifier, relationship: .work)]))
        let state = F.claimed.folding(events, at: F.t0 + 120)
        #expect(state.status == .claimed)
        #expect(state.claim?.verifierId == F.verifier)
    }

    @Test func aConflictIsDeclaredOnceAndNotOnAClosedCase() {
        let declared = F.opened.folding([F.conflictEvent(F.verifier)], at: F.t0 + 10)
        #expect(violation { try declared.declareConflict(by: F.verifier, relationship: .other, now: F.t0 + 20) }
            == .conflictAlreadyDeclared)
        let closed = F.opened.folding([F.closedEvent], at: F.t0 + 10)
        #expect(violation { try closed.declareConflict(by: F.verifier, relationship: .other, now: F.t0 + 20) }
            == .caseClosed)
    }

    // MARK: Withdrawal

    static let withdrawable: [(String, VerificationCase)] = [
        ("open", Fixture.opened), ("claimed", Fixture.claimed), ("awaiting", Fixture.awaitingTMS),
        ("decided", Fixture.finalMS),
    ]

    @Test(arguments: withdrawable)
    func aWithdrawalClosesACaseThatIsNotClosed(_ label: String, _ state: VerificationCase) {
        let events = state.closeForWithdrawal()
        #expect(Events(events) == Events([VerificationCaseClosedV1(
            caseId: Self.caseId, applicationId: Self.applicationId, reason: .applicationWithdrawn)]), "\(label)")
        let closed = state.folding(events, at: F.t0 + 5000)
        #expect(closed.status == .closed, "\(label)")
        #expect(closed.claim == nil, "\(label)")
        #expect(closed.closedAt == F.t0 + 5000, "\(label)")
        #expect(closed.finalOutcome == nil, "\(label)")
    }

    @Test func aClosedCaseIsNotClosedTwice() {
        let closed = F.claimed.folding([F.closedEvent], at: F.t0 + 100)
        #expect(closed.closeForWithdrawal().isEmpty)
    }

    @Test func aClosedCaseRefusesEveryOtherCommand() {
        let closed = F.awaitingTMS.folding([F.closedEvent], at: F.t0 + 700)
        let document = F.document("ktp").documentId
        #expect(violation {
            try closed.review(documentId: document, verdict: .valid, reasonCode: nil, note: nil, by: F.verifier,
                              inspected: true, now: F.t0 + 800)
        } == .caseClosed)
        #expect(violation {
            try closed.decide(outcome: .ms, unmetRequirements: [], by: F.verifier, countersignature: .tms,
                              decisionId: UUID(), now: F.t0 + 800)
        } == .caseClosed)
        #expect(violation { try closed.countersign(by: F.supervisor) } == .caseClosed)
        #expect(violation { try closed.release(by: F.verifier, now: F.t0 + 800) } == .caseClosed)
    }
}
