import Foundation
import RecruitmentEvents
import Testing
@testable import Verification

/// The applicant's objection (sanggah) against a published TMS result and its answer (DOMAIN §1.5).
@Suite struct VerificationCaseObjectionRulesTests {
    typealias F = Fixture
    static let applicationId = F.submission.applicationId
    /// During the window: the day after the publication.
    static let duringWindow = F.instant("2024-09-20T09:00:00+08:00")

    static func file(_ state: VerificationCase, _ codes: [String] = ["transkrip-nilai"],
                     reason: String = "Kedua halaman transkrip terbaca jelas.", window: ObjectionWindow? = F.window,
                     now: Date = duringWindow) throws(VerificationRuleViolation) -> [any RecruitmentEvent]
    {
        try state.fileObjection(by: F.applicant, disputedRequirementCodes: codes, reason: reason, window: window,
                                objectionId: F.objectionId, now: now)
    }

    @Test func theWindowOfTheseTestsIsTheCataloguesOne() {
        #expect(F.window.closesAt == F.instant("2024-09-22T15:59:59Z"))
    }

    @Test func anObjectionWithinTheWindowIsFiled() throws {
        let events = try Self.file(F.finalTMS, reason: "  Kedua halaman transkrip terbaca jelas. ")
        #expect(Events(events) == Events([ObjectionFiledV1(
            objectionId: F.objectionId, applicationId: Self.applicationId, applicantId: F.applicant,
            decisionId: F.decisionId, disputedRequirementCodes: ["transkrip-nilai"],
            reason: "Kedua halaman transkrip terbaca jelas.")]))
        let state = F.finalTMS.folding(events, at: Self.duringWindow)
        #expect(state.objection == VerificationCase.Objection(
            objectionId: F.objectionId, decisionId: F.decisionId, disputedRequirementCodes: ["transkrip-nilai"],
            reason: "Kedua halaman transkrip terbaca jelas.", filedAt: Self.duringWindow))
        #expect(state.status == .decided)
        #expect(state.finalOutcome == .tms, "filing changes nothing until the answer")
    }

    @Test func noObjectionBeforeThePublication() {
        #expect(violation { try Self.file(F.finalTMS, window: nil) } == .resultsNotPublished)
    }

    @Test func noObjectionToADecisionThatIsNotFinal() {
        #expect(violation { try Self.file(F.awaitingTMS) } == .resultsNotPublished)
        #expect(violation { try Self.file(F.claimed) } == .resultsNotPublished)
    }

    @Test func onlyATMSResultCanBeObjectedTo() {
        #expect(violation { try Self.file(F.finalMS, []) } == .objectionOnlyAgainstTMS)
    }

    @Test func notBeforeTheWindowOpens() {
        #expect(violation { try Self.file(F.finalTMS, now: F.publishedAt - 1) }
            == .objectionWindowNotOpen(opensAt: F.publishedAt))
        #expect(violation { try Self.file(F.finalTMS, now: F.publishedAt) } == nil)
    }

    @Test func notAfterTheWindowCloses() {
        let closesAt = F.window.closesAt
        #expect(violation { try Self.file(F.finalTMS, now: closesAt + 1) } == .objectionWindowClosed(closedAt: closesAt))
        #expect(violation { try Self.file(F.finalTMS, now: closesAt + 86_400) }
            == .objectionWindowClosed(closedAt: closesAt))
        #expect(violation { try Self.file(F.finalTMS, now: closesAt + 0.999) } == nil)
    }

    @Test(arguments: [
        (["ijazah"], "disputedRequirementCodes[0]/not-unmet"),
        (["transkrip-nilai", "ktp"], "disputedRequirementCodes[1]/not-unmet"),
        (["kualifikasi-pendidikan"], "disputedRequirementCodes[0]/not-unmet"),
        ([], "disputedRequirementCodes/required"),
        (["transkrip-nilai", "transkrip-nilai"], "disputedRequirementCodes/duplicate"),
    ])
    func theDisputedCodesAreUnmetRequirementsOfTheDecision(_ codes: [String], _ expected: String) {
        #expect(invalidField { try Self.file(F.finalTMS, codes) } == expected)
    }

    @Test func anObjectionNeedsAReason() {
        #expect(invalidField { try Self.file(F.finalTMS, reason: "   ") } == "reason/required")
        #expect(invalidField { try Self.file(F.finalTMS, reason: String(repeating: "r", count: 2001)) }
            == "reason/too-long")
    }

    @Test func oneObjectionPerApplication() {
        #expect(violation { try Self.file(F.objected) } == .objectionAlreadyFiled)
        let answered = F.objected.folding([ObjectionResolvedV1(
            objectionId: F.objectionId, applicationId: Self.applicationId, applicantId: F.applicant,
            decisionId: F.decisionId, outcome: .rejected, resultingOutcome: .tms, answer: "Ditolak.",
            resolvedBy: F.supervisor)], at: Self.duringWindow + 60)
        #expect(violation { try Self.file(answered) } == .objectionAlreadyFiled)
    }

    @Test func noObjectionOnAClosedCase() {
        let closed = F.finalTMS.folding([F.closedEvent], at: F.t0 + 7200)
        #expect(violation { try Self.file(closed) } == .caseClosed)
    }

    // MARK: Resolving

    @Test func anUpheldObjectionTurnsTMSIntoMS() throws {
        let events = try F.objected.resolveObjection(
            by: F.otherSupervisor, outcome: .upheld, answer: " Sanggah diterima: transkrip terbaca. ")
        #expect(Events(events) == Events([ObjectionResolvedV1(
            objectionId: F.objectionId, applicationId: Self.applicationId, applicantId: F.applicant,
            decisionId: F.decisionId, outcome: .upheld, resultingOutcome: .ms,
            answer: "Sanggah diterima: transkrip terbaca.", resolvedBy: F.otherSupervisor)]))
        let answeredAt = F.window.closesAt + 3600
        let state = F.objected.folding(events, at: answeredAt)
        #expect(state.finalOutcome == .ms)
        #expect(state.decision?.outcome == .tms, "the decision itself is kept for the record")
        #expect(state.objection?.outcome == .upheld)
        #expect(state.objection?.answer == "Sanggah diterima: transkrip terbaca.")
        #expect(state.objection?.resolvedBy == F.otherSupervisor)
        #expect(state.objection?.resolvedAt == answeredAt)
    }

    @Test func aRejectedObjectionKeepsTMS() throws {
        let events = try F.objected.resolveObjection(by: F.supervisor, outcome: .rejected, answer: "Tetap TMS.")
        let resolved = try #require(events.first as? ObjectionResolvedV1)
        #expect(events.count == 1)
        #expect(resolved.outcome == .rejected)
        #expect(resolved.resultingOutcome == .tms)
        let state = F.objected.folding(events, at: F.window.closesAt + 3600)
        #expect(state.finalOutcome == .tms)
        #expect(state.objection?.outcome == .rejected)
    }

    @Test func theDecisionsVerifierDoesNotAnswerTheObjection() {
        #expect(violation { try F.objected.resolveObjection(by: F.verifier, outcome: .rejected, answer: "Benar.") }
            == .ownDecision)
    }

    @Test func anObjectionIsAnsweredOnce() throws {
        let events = try F.objected.resolveObjection(by: F.supervisor, outcome: .upheld, answer: "Diterima.")
        let answered = F.objected.folding(events, at: F.window.closesAt + 60)
        #expect(violation { try answered.resolveObjection(by: F.otherSupervisor, outcome: .rejected, answer: "Ditolak.") }
            == .objectionAlreadyResolved)
    }

    @Test func thereMustBeAnObjectionToAnswer() {
        #expect(violation { try F.finalTMS.resolveObjection(by: F.supervisor, outcome: .upheld, answer: "Diterima.") }
            == .noPendingObjection)
    }

    @Test func theAnswerIsRequired() {
        #expect(invalidField { try F.objected.resolveObjection(by: F.supervisor, outcome: .upheld, answer: " ") }
            == "answer/required")
    }
}
