import Foundation
import RecruitmentEvents
import Testing
@testable import Verification

/// Reviewing documents, the MS/TMS decision and the four eyes (countersign, return).
@Suite struct VerificationCaseDecisionRulesTests {
    typealias F = Fixture
    static let caseId = F.opened.caseId
    static let applicationId = F.submission.applicationId

    static func review(_ state: VerificationCase, _ requirementCode: String, verdict: DocumentVerdict = .valid,
                       reasonCode: RequirementFailureReason? = nil, note: String? = nil, by verifier: UUID = F.verifier,
                       inspected: Bool = true, now: Date = F.t0 + 60) throws(VerificationRuleViolation)
        -> [any RecruitmentEvent]
    {
        try state.review(documentId: F.document(requirementCode).documentId, verdict: verdict, reasonCode: reasonCode,
                         note: note, by: verifier, inspected: inspected, now: now)
    }

    static func decide(_ state: VerificationCase, _ outcome: AdministrativeOutcome, _ unmet: [UnmetRequirement] = [],
                       policy: CountersignaturePolicy = .tms, by verifier: UUID = F.verifier, now: Date = F.t0 + 600)
        throws(VerificationRuleViolation) -> [any RecruitmentEvent]
    {
        try state.decide(outcome: outcome, unmetRequirements: unmet, by: verifier, countersignature: policy,
                         decisionId: F.decisionId, now: now)
    }

    // MARK: Reviewing

    @Test func anInspectedDocumentGetsAVerdictWithItsHashAndATrimmedNote() throws {
        let document = F.document("transkrip-nilai")
        let events = try Self.review(
            F.claimed, "transkrip-nilai", verdict: .invalid, reasonCode: .unreadable,
            note: "  Halaman kedua tidak terbaca.\n")
        #expect(Events(events) == Events([DocumentReviewedV1(
            caseId: Self.caseId, applicationId: Self.applicationId, documentId: document.documentId,
            documentSha256: document.sha256, requirementCode: "transkrip-nilai", type: .transkripNilai,
            verdict: .invalid, reasonCode: .unreadable, note: "Halaman kedua tidak terbaca.", verifierId: F.verifier)]))
        let state = F.claimed.folding(events, at: F.t0 + 60)
        #expect(state.documents.last?.review == VerificationCase.Review(
            verdict: .invalid, reasonCode: .unreadable, note: "Halaman kedua tidak terbaca.", verifierId: F.verifier,
            reviewedAt: F.t0 + 60))
        #expect(state.documents.dropLast().allSatisfy { $0.review == nil })
    }

    @Test func aBlankNoteIsNoNote() throws {
        let events = try Self.review(F.claimed, "ktp", note: " \n\t ")
        #expect((events.first as? DocumentReviewedV1)?.note == nil)
        #expect(events.count == 1)
    }

    @Test func aNoteOfMoreThanTwoThousandCharactersIsRefused() {
        #expect(invalidField { try Self.review(F.claimed, "ktp", note: String(repeating: "a", count: 2001)) }
            == "note/too-long")
        #expect(invalidField { try Self.review(F.claimed, "ktp", note: String(repeating: "a", count: 2000)) }
            .hasPrefix("no violation"))
    }

    @Test func aDocumentIsJudgedOnlyAfterItWasInspected() {
        #expect(violation { try Self.review(F.claimed, "ijazah", inspected: false) }
            == .documentNotInspected(F.document("ijazah").documentId))
    }

    @Test func aDocumentOutsideTheCaseIsNotFound() {
        let stranger = UUID(uuidString: "43500d80-ee58-4c21-b152-f64c18bb6a3f")!
        #expect(violation {
            try F.claimed.review(documentId: stranger, verdict: .valid, reasonCode: nil, note: nil, by: F.verifier,
                                 inspected: true, now: F.t0 + 60)
        } == .documentNotInCase(stranger))
        // Even uninspected: the document is not there to inspect.
        #expect(violation {
            try F.claimed.review(documentId: stranger, verdict: .valid, reasonCode: nil, note: nil, by: F.verifier,
                                 inspected: false, now: F.t0 + 60)
        } == .documentNotInCase(stranger))
    }

    @Test(arguments: [
        (DocumentVerdict.invalid, RequirementFailureReason?.none, "reasonCode/required"),
        (.valid, .some(.unreadable), "reasonCode/not-allowed"),
    ])
    func theReasonCodeGoesWithAnInvalidVerdictOnly(
        _ verdict: DocumentVerdict, _ reasonCode: RequirementFailureReason?, _ expected: String
    ) {
        #expect(invalidField { try Self.review(F.claimed, "ijazah", verdict: verdict, reasonCode: reasonCode) }
            == expected)
    }

    @Test func onlyTheVerifierHoldingAnActiveClaimReviews() {
        #expect(violation { try Self.review(F.opened, "ktp") } == .notClaimedByYou)
        #expect(violation { try Self.review(F.claimed, "ktp", by: F.otherVerifier) } == .notClaimedByYou)
        #expect(violation { try Self.review(F.claimed, "ktp", now: F.t0 + 1800) } == .leaseExpired(at: F.t0 + 1800))
        #expect(violation { try Self.review(F.claimed, "ktp", now: F.t0 + 1799) } == nil)
    }

    @Test func aDecidedCaseTakesNoMoreVerdicts() {
        #expect(violation { try Self.review(F.awaitingTMS, "ktp", now: F.t0 + 700) } == .alreadyDecided)
    }

    // MARK: Deciding

    @Test func everyDocumentNeedsAVerdictBeforeTheDecision() {
        let partly = F.claimed.folding([F.reviewEvent("pas-foto"), F.reviewEvent("ktp")], at: F.t0 + 60)
        #expect(violation { try Self.decide(partly, .ms) }
            == .documentsNotReviewed(["swafoto", "surat-lamaran", "ijazah", "transkrip-nilai"]))
        #expect(violation { try Self.decide(F.claimed, .ms) } == .documentsNotReviewed(F.requirementCodes))
    }

    @Test func decidingNeedsAnActiveClaim() {
        let reviewed = F.reviewed()
        #expect(violation { try Self.decide(reviewed, .ms, now: F.t0 + 1800) } == .leaseExpired(at: F.t0 + 1800))
        #expect(violation { try Self.decide(reviewed, .ms, by: F.otherVerifier) } == .notClaimedByYou)
        let released = reviewed.folding([VerificationCaseReleasedV1(
            caseId: Self.caseId, applicationId: Self.applicationId, verifierId: F.verifier, reason: .released)],
            at: F.t0 + 120)
        #expect(violation { try Self.decide(released, .ms) } == .notClaimedByYou)
    }

    @Test func msIsImpossibleWithAnInvalidDocument() {
        #expect(invalidField { try Self.decide(F.reviewed(invalid: ["ijazah"]), .ms) } == "outcome/invalid-documents")
    }

    @Test func msListsNoUnmetRequirement() {
        #expect(invalidField { try Self.decide(F.reviewed(), .ms, [F.unmet("ijazah")]) }
            == "unmetRequirements/not-allowed")
    }

    static let tmsMistakes: [(String, Set<String>, [UnmetRequirement], String)] = [
        ("none listed", ["transkrip-nilai"], [], "unmetRequirements/required"),
        ("unknown code", [], [Fixture.unmet("sertifikat-toefl")],
         "unmetRequirements[0].requirementCode/unknown-requirement"),
        ("unknown after a known one", ["transkrip-nilai"], [Fixture.unmet("transkrip-nilai"), Fixture.unmet("STR")],
         "unmetRequirements[1].requirementCode/unknown-requirement"),
        ("duplicate", ["transkrip-nilai"], [Fixture.unmet("transkrip-nilai"), Fixture.unmet("transkrip-nilai")],
         "unmetRequirements[1].requirementCode/duplicate"),
        ("blank explanation", ["transkrip-nilai"], [Fixture.unmet("transkrip-nilai", .unreadable, "  \n ")],
         "unmetRequirements[0].explanation/required"),
        ("explanation too long", ["transkrip-nilai"],
         [Fixture.unmet("transkrip-nilai", .unreadable, String(repeating: "x", count: 2001))],
         "unmetRequirements[0].explanation/too-long"),
        ("an invalid document left out", ["ijazah", "transkrip-nilai"], [Fixture.unmet("transkrip-nilai")],
         "unmetRequirements/incomplete"),
    ]

    @Test(arguments: tmsMistakes)
    func aTMSDecisionStatesEveryUnmetRequirementProperly(
        _ label: String, _ invalid: Set<String>, _ unmet: [UnmetRequirement], _ expected: String
    ) {
        #expect(invalidField { try Self.decide(F.reviewed(invalid: invalid), .tms, unmet) } == expected, "\(label)")
    }

    @Test func aTMSDecisionMayNameARequirementWhoseDocumentWasValid() throws {
        // E.g. the diploma is genuine but its major is not among the formation's (education mismatch).
        let events = try Self.decide(F.reviewed(), .tms, [F.unmet("ijazah", .educationMismatch, "Jurusan tidak sesuai.")])
        #expect((events.first as? VerificationDecisionRecordedV1)?.unmetRequirements.map(\.requirementCode) == ["ijazah"])
    }

    @Test func aTMSDecisionIsRecordedWithTrimmedExplanations() throws {
        let reviewed = F.reviewed(invalid: ["transkrip-nilai"])
        let events = try Self.decide(
            reviewed, .tms, [F.unmet("transkrip-nilai", .unreadable, "  Halaman kedua tidak terbaca. ")])
        #expect(Events(events) == Events([VerificationDecisionRecordedV1(
            decisionId: F.decisionId, caseId: Self.caseId, applicationId: Self.applicationId, applicantId: F.applicant,
            outcome: .tms,
            unmetRequirements: [F.unmet("transkrip-nilai", .unreadable, "Halaman kedua tidak terbaca.")],
            verifierId: F.verifier, requiresCountersignature: true)]))
        let state = reviewed.folding(events, at: F.t0 + 600)
        #expect(state.status == .awaitingCountersignature)
        #expect(state.claim == nil)
        #expect(state.decision == VerificationCase.Decision(
            decisionId: F.decisionId, outcome: .tms,
            unmetRequirements: [F.unmet("transkrip-nilai", .unreadable, "Halaman kedua tidak terbaca.")],
            verifierId: F.verifier, recordedAt: F.t0 + 600, requiresCountersignature: true))
        #expect(state.finalOutcome == nil)
    }

    static let policies: [(CountersignaturePolicy, AdministrativeOutcome, Bool, VerificationCase.Status)] = [
        (.tms, .ms, false, .decided),
        (.tms, .tms, true, .awaitingCountersignature),
        (.all, .ms, true, .awaitingCountersignature),
        (.all, .tms, true, .awaitingCountersignature),
    ]

    @Test(arguments: policies)
    func theCountersignaturePolicyDecidesWhatIsFinalAsRecorded(
        _ policy: CountersignaturePolicy, _ outcome: AdministrativeOutcome, _ awaits: Bool,
        _ status: VerificationCase.Status
    ) throws {
        let reviewed = F.reviewed(invalid: outcome == .tms ? ["transkrip-nilai"] : [])
        let unmet = outcome == .tms ? [F.unmet("transkrip-nilai")] : []
        let events = try Self.decide(reviewed, outcome, unmet, policy: policy)
        let recorded = try #require(events.first as? VerificationDecisionRecordedV1)
        #expect(events.count == 1)
        #expect(recorded.requiresCountersignature == awaits)
        #expect(policy.requires(outcome) == awaits)
        let state = reviewed.folding(events, at: F.t0 + 600)
        #expect(state.status == status)
        #expect(state.finalOutcome == (awaits ? nil : outcome))
    }

    @Test func aDecisionWithoutTheCountersignatureFieldAwaitsOne() {
        // Events of producers that predate `requiresCountersignature` always required it.
        var legacy = F.decisionEvent(.ms, requiresCountersignature: true)
        legacy.requiresCountersignature = nil
        let state = F.reviewed().folding([legacy], at: F.t0 + 600)
        #expect(state.status == .awaitingCountersignature)
        #expect(state.decision?.requiresCountersignature == true)
    }

    // MARK: Countersigning

    @Test func anotherSupervisorCountersignsTheDecisionAndMakesItFinal() throws {
        let events = try F.awaitingTMS.countersign(by: F.supervisor)
        #expect(Events(events) == Events([VerificationDecisionCountersignedV1(
            decisionId: F.decisionId, caseId: Self.caseId, applicationId: Self.applicationId, applicantId: F.applicant,
            outcome: .tms, supervisorId: F.supervisor)]))
        let state = F.awaitingTMS.folding(events, at: F.t0 + 3600)
        #expect(state.status == .decided)
        #expect(state.decision?.countersignedBy == F.supervisor)
        #expect(state.decision?.countersignedAt == F.t0 + 3600)
        #expect(state.finalOutcome == .tms)
    }

    @Test func nobodyCountersignsOrReturnsTheirOwnDecision() {
        #expect(violation { try F.awaitingTMS.countersign(by: F.verifier) } == .ownDecision)
        #expect(violation { try F.awaitingTMS.returnDecision(by: F.verifier, reason: "Sudah benar.") } == .ownDecision)
    }

    @Test func countersigningNeedsADecisionAwaitingIt() {
        #expect(violation { try F.opened.countersign(by: F.supervisor) } == .nothingToCountersign)
        #expect(violation { try F.reviewed().countersign(by: F.supervisor) } == .nothingToCountersign)
        #expect(violation { try F.finalMS.countersign(by: F.supervisor) } == .nothingToCountersign)
        #expect(violation { try F.finalTMS.countersign(by: F.otherSupervisor) } == .nothingToCountersign)
        #expect(violation { try F.finalTMS.returnDecision(by: F.otherSupervisor, reason: "Periksa.") }
            == .nothingToCountersign)
    }

    // MARK: Returning

    @Test(arguments: ["", "   ", "\n\t"])
    func aReturnNeedsAReason(_ reason: String) {
        #expect(invalidField { try F.awaitingTMS.returnDecision(by: F.supervisor, reason: reason) } == "reason/required")
    }

    @Test func aReturnedDecisionPutsTheCaseBackInTheQueue() throws {
        let events = try F.awaitingTMS.returnDecision(by: F.supervisor, reason: " Transkrip terbaca di layar besar. ")
        #expect(Events(events) == Events([VerificationDecisionReturnedV1(
            decisionId: F.decisionId, caseId: Self.caseId, applicationId: Self.applicationId,
            supervisorId: F.supervisor, reason: "Transkrip terbaca di layar besar.")]))
        let state = F.awaitingTMS.folding(events, at: F.t0 + 3600)
        #expect(state.status == .open)
        #expect(state.decision == nil)
        #expect(state.claim == nil)
        #expect(state.finalOutcome == nil)
        #expect(state.lastReturn == VerificationCase.Return(
            decisionId: F.decisionId, supervisorId: F.supervisor, reason: "Transkrip terbaca di layar besar.",
            returnedAt: F.t0 + 3600))
        // The verdicts stay; the verifier claims again and can change them.
        #expect(state.documents.allSatisfy { $0.review != nil })
        let reclaimed = try state.claim(by: F.verifier, lease: F.lease, now: F.t0 + 4000)
        #expect(Events(reclaimed) == Events([F.claimEvent(until: F.t0 + 5800)]))
    }

    // MARK: Policy

    @Test func theCountersignaturePolicies() {
        #expect(CountersignaturePolicy.tms.requires(.tms))
        #expect(!CountersignaturePolicy.tms.requires(.ms))
        #expect(CountersignaturePolicy.all.requires(.tms))
        #expect(CountersignaturePolicy.all.requires(.ms))
        #expect(CountersignaturePolicy(rawValue: "tms") == .tms)
        #expect(CountersignaturePolicy(rawValue: "all") == .all)
        #expect(CountersignaturePolicy(rawValue: "ms") == nil)
    }
}
