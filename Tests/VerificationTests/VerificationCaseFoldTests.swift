import Foundation
import RecruitmentEvents
import ServiceKit
import Testing
@testable import Verification

/// The case as the fold of its stream over the submission it was opened from.
@Suite struct VerificationCaseFoldTests {
    typealias F = Fixture

    @Test func aCaseOpensFromTheSubmissionWithEveryDocumentUnreviewed() {
        let state = F.opened
        #expect(state.caseId == VerificationCase.caseId(forApplication: F.submission.applicationId))
        #expect(state.applicationId == F.submission.applicationId)
        #expect(state.applicantId == F.submission.applicantId)
        #expect(state.periodId == F.submission.periodId)
        #expect(state.formationId == F.submission.formationId)
        #expect(state.registrationNumber == F.submission.registrationNumber)
        #expect(state.applicantName == "Maria Goreti Fanggidae")
        #expect(state.submittedAt == F.t0 - 3600)
        #expect(state.openedAt == F.t0)
        #expect(state.status == .open)
        #expect(state.documents.map(\.requirementCode) == F.requirementCodes)
        #expect(state.documents.map(\.documentId) == F.submission.documents.map(\.documentId))
        #expect(state.documents.map(\.sha256) == F.submission.documents.map(\.sha256))
        #expect(state.documents.allSatisfy { $0.review == nil })
        #expect(state.requirementCodes == Set(F.requirementCodes + ["kualifikasi-pendidikan", "akreditasi", "usia"]))
        #expect(state.claim == nil && state.decision == nil && state.objection == nil && state.closedAt == nil)
        #expect(state.conflictedOfficers.isEmpty)
        #expect(state.streamId == "verification-case-\(state.caseId.uuidString.lowercased())")
    }

    @Test func theOpenedEventNamesTheCaseAndItsDocuments() {
        let submission = F.submission
        #expect(F.opened.openedEvent == VerificationCaseOpenedV1(
            caseId: F.opened.caseId, applicationId: submission.applicationId, applicantId: submission.applicantId,
            periodId: submission.periodId, formationId: submission.formationId, formationKind: .umum,
            registrationNumber: submission.registrationNumber,
            documentIds: submission.documents.map(\.documentId)))
    }

    @Test func eventsOfOtherTypesLeaveTheCaseUnchanged() {
        let state = F.claimed
        #expect(state.folding([ApplicationWithdrawnV1.example, ApplicationSubmittedV1.example,
                               AdministrativeResultsPublishedV1.example], at: F.t0 + 10) == state)
    }

    @Test func aVerdictOnAnUnknownDocumentIsIgnored() {
        var stray = F.reviewEvent("ktp")
        stray.documentId = UUID(uuidString: "43500d80-ee58-4c21-b152-f64c18bb6a3f")!
        #expect(F.claimed.folding([stray], at: F.t0 + 60) == F.claimed)
    }

    @Test func aLaterVerdictReplacesTheEarlierOne() {
        let state = F.claimed.folding([F.reviewEvent("ijazah", invalid: true)], at: F.t0 + 60)
            .folding([F.reviewEvent("ijazah", by: F.verifier)], at: F.t0 + 120)
        let review = state.documents.first { $0.requirementCode == "ijazah" }?.review
        #expect(review?.verdict == .valid)
        #expect(review?.reasonCode == nil)
        #expect(review?.reviewedAt == F.t0 + 120)
    }

    @Test func aConflictDeclaredTwiceIsListedOnce() {
        let state = F.opened.folding([F.conflictEvent(F.verifier), F.conflictEvent(F.verifier, .work)], at: F.t0)
        #expect(state.conflictedOfficers == [F.verifier])
    }

    @Test func aReleaseOfADecidedCaseKeepsItsStatus() {
        let released = VerificationCaseReleasedV1(
            caseId: F.opened.caseId, applicationId: F.submission.applicationId, verifierId: F.verifier,
            reason: .leaseExpired)
        #expect(F.finalMS.folding([released], at: F.t0 + 4000).status == .decided)
    }

    @Test func theFinalOutcomeExistsOnlyForADecidedCase() {
        #expect(F.opened.finalOutcome == nil)
        #expect(F.awaitingTMS.finalOutcome == nil)
        #expect(F.finalTMS.finalOutcome == .tms)
        #expect(F.finalMS.finalOutcome == .ms)
        #expect(F.objected.finalOutcome == .tms)
    }

    @Test func theStateSurvivesItsJSONColumn() throws {
        let state = F.objected
        let data = try JSONEncoder().encode(state)
        #expect(try JSONDecoder().decode(VerificationCase.self, from: data) == state)
    }
}

/// Every rule violation maps onto a stable problem type and status.
@Suite struct VerificationRuleViolationProblemTests {
    static let cases: [(VerificationRuleViolation, String, Int)] = [
        (.caseClosed, "/problems/case-closed", 409),
        (.alreadyDecided, "/problems/case-decided", 409),
        (.claimedByAnother(until: Fixture.t0), "/problems/case-claimed", 409),
        (.ownApplication, "/problems/own-application", 403),
        (.conflictOfInterest, "/problems/conflict-of-interest", 403),
        (.conflictAlreadyDeclared, "/problems/conflict-already-declared", 409),
        (.notClaimedByYou, "/problems/case-not-claimed", 409),
        (.leaseExpired(at: Fixture.t0), "/problems/lease-expired", 409),
        (.documentNotInCase(Fixture.decisionId), "/problems/document-not-in-case", 404),
        (.documentNotInspected(Fixture.decisionId), "/problems/document-not-inspected", 409),
        (.documentsNotReviewed(["ktp"]), "/problems/documents-not-reviewed", 409),
        (.invalid(field: "reason", code: "required", message: "m"), "/problems/validation-failed", 422),
        (.nothingToCountersign, "/problems/nothing-to-countersign", 409),
        (.ownDecision, "/problems/own-decision", 403),
        (.resultsNotPublished, "/problems/results-not-published", 409),
        (.objectionWindowNotOpen(opensAt: Fixture.t0), "/problems/objection-window-not-open", 409),
        (.objectionWindowClosed(closedAt: Fixture.t0), "/problems/objection-window-closed", 409),
        (.objectionOnlyAgainstTMS, "/problems/objection-not-applicable", 409),
        (.objectionAlreadyFiled, "/problems/objection-already-filed", 409),
        (.noPendingObjection, "/problems/no-pending-objection", 409),
        (.objectionAlreadyResolved, "/problems/objection-already-resolved", 409),
    ]

    @Test(arguments: cases)
    func problem(_ violation: VerificationRuleViolation, _ type: String, _ status: Int) {
        #expect(violation.problem.type == type)
        #expect(violation.problem.statusCode == status)
    }

    @Test func fieldErrorsNameTheField() {
        let problem = VerificationRuleViolation.invalid(field: "unmetRequirements[0].explanation", code: "required",
                                                        message: "explain").problem
        #expect(problem.errors?.map(\.field) == ["unmetRequirements[0].explanation"])
        #expect(problem.errors?.map(\.code) == ["required"])
        let missing = VerificationRuleViolation.documentsNotReviewed(["ktp", "ijazah"]).problem
        #expect(missing.errors?.map(\.field) == ["documents.ktp", "documents.ijazah"])
    }

    @Test func theTimesAreStatedInUTC() {
        let problem = VerificationRuleViolation.objectionWindowClosed(closedAt: Fixture.window.closesAt).problem
        #expect(problem.detail?.contains("2024-09-22T15:59:59") == true)
    }
}
