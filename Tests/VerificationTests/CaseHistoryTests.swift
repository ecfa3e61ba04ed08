import Foundation
import RecruitmentEvents
import Testing
@testable import Verification

/// The case history: complete for officers; for the applicant without conflict declarations, without results before
/// the publication, and without officer identities unless the agency shows them.
@Suite struct CaseHistoryTests {
    typealias F = Fixture
    static let caseId = F.opened.caseId
    static let applicationId = F.submission.applicationId

    /// Versions 1-10 before the publication, 11-12 after it, plus one event of another type that never shows.
    static let stream: [(event: any RecruitmentEvent, version: Int64, time: Date)] = {
        let events: [any RecruitmentEvent] = [
            F.opened.openedEvent,                                                              // 1
            F.claimEvent(until: F.t0 + 1800),                                                  // 2
            VerificationCaseReleasedV1(
                caseId: caseId, applicationId: applicationId, verifierId: F.verifier, reason: .leaseExpired), // 3
            F.conflictEvent(F.otherVerifier, .family),                                         // 4
            F.claimEvent(until: F.t0 + 9000),                                                  // 5
            DocumentReviewedV1(
                caseId: caseId, applicationId: applicationId, documentId: F.document("transkrip-nilai").documentId,
                documentSha256: F.document("transkrip-nilai").sha256, requirementCode: "transkrip-nilai",
                type: .transkripNilai, verdict: .invalid, reasonCode: .unreadable, note: "Halaman 2 buram.",
                verifierId: F.verifier),                                                       // 6
            F.decisionEvent(.tms, unmet: [F.unmet("transkrip-nilai")], requiresCountersignature: true), // 7
            VerificationDecisionReturnedV1(
                decisionId: F.decisionId, caseId: caseId, applicationId: applicationId, supervisorId: F.supervisor,
                reason: "Periksa ulang transkrip."),                                           // 8
            F.decisionEvent(.tms, unmet: [F.unmet("transkrip-nilai")], requiresCountersignature: true), // 9
            F.countersignEvent(.tms, by: F.otherSupervisor),                                   // 10
            F.objectionEvent(["transkrip-nilai"]),                                             // 11
            ObjectionResolvedV1(
                objectionId: F.objectionId, applicationId: applicationId, applicantId: F.applicant,
                decisionId: F.decisionId, outcome: .upheld, resultingOutcome: .ms, answer: "Sanggah diterima.",
                resolvedBy: F.supervisor),                                                     // 12
        ]
        var stream = events.enumerated().map { (event: $0.element, version: Int64($0.offset + 1),
                                                 time: F.t0 + TimeInterval($0.offset) * 60) }
        // Not a case event: never part of a history.
        stream.insert((event: ApplicationSubmittedV1.example, version: 0, time: F.t0), at: 0)
        return stream
    }()

    static func history(_ audience: CaseHistory.Audience) -> [CaseHistoryEntry] {
        CaseHistory.entries(stream, for: audience)
    }

    @Test func officersSeeEverythingWithTheActors() {
        let entries = Self.history(.officer)
        #expect(entries.map(\.version) == Array(1...12))
        #expect(entries.map(\.type) == [
            VerificationCaseOpenedV1.eventType, VerificationCaseClaimedV1.eventType,
            VerificationCaseReleasedV1.eventType, ConflictOfInterestDeclaredV1.eventType,
            VerificationCaseClaimedV1.eventType, DocumentReviewedV1.eventType,
            VerificationDecisionRecordedV1.eventType, VerificationDecisionReturnedV1.eventType,
            VerificationDecisionRecordedV1.eventType, VerificationDecisionCountersignedV1.eventType,
            ObjectionFiledV1.eventType, ObjectionResolvedV1.eventType,
        ])
        #expect(entries.map(\.actorId) == [
            nil, F.verifier, F.verifier, F.otherVerifier, F.verifier, F.verifier, F.verifier, F.supervisor,
            F.verifier, F.otherSupervisor, nil, F.supervisor,
        ])
        #expect(entries.map(\.at) == (0..<12).map { F.t0 + TimeInterval($0) * 60 })
    }

    @Test func theEntriesCarryWhatHappened() throws {
        let entries = Self.history(.officer)
        let released = entries[2]
        #expect(released.summary == "The verifier's lease expired; the case went back to the queue.")
        #expect(entries[3].summary == "An officer declared a conflict of interest (family) and is excluded.")
        let review = entries[5]
        #expect(review.documentId == F.document("transkrip-nilai").documentId)
        #expect(review.requirementCode == "transkrip-nilai")
        #expect(review.verdict == .invalid)
        #expect(review.reasonCode == .unreadable)
        #expect(review.text == "Halaman 2 buram.")
        #expect(review.summary == "Document transkrip-nilai was found invalid.")
        let decision = entries[6]
        #expect(decision.outcome == "TMS")
        #expect(decision.unmetRequirements == [F.unmet("transkrip-nilai")])
        #expect(decision.summary == "The verifier decided TMS; a supervisor must countersign.")
        #expect(entries[7].text == "Periksa ulang transkrip.")
        #expect(entries[9].outcome == "TMS")
        let filed = entries[10]
        #expect(filed.requirementCode == "transkrip-nilai")
        #expect(filed.text == "Transkrip saya terbaca jelas.")
        let resolved = entries[11]
        #expect(resolved.outcome == "MS")
        #expect(resolved.text == "Sanggah diterima.")
        #expect(resolved.summary == "The objection was upheld: the verifier erred and the result is now MS.")
    }

    @Test func beforeThePublicationTheApplicantSeesNoResultAndNoConflict() {
        let entries = Self.history(.applicant(resultsPublished: false, showOfficers: false))
        // Opened, claimed, released, claimed; then (in practice impossible before publication) the objection.
        #expect(entries.map(\.version) == [1, 2, 3, 5, 11, 12])
        #expect(entries.allSatisfy { $0.actorId == nil })
        #expect(!entries.contains { $0.type == ConflictOfInterestDeclaredV1.eventType })
        #expect(entries.filter { $0.version < 12 }.allSatisfy { $0.verdict == nil && $0.outcome == nil })
    }

    @Test func afterThePublicationTheApplicantSeesTheResultsWithoutOfficers() {
        let entries = Self.history(.applicant(resultsPublished: true, showOfficers: false))
        #expect(entries.map(\.version) == [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12])
        #expect(entries.allSatisfy { $0.actorId == nil })
        #expect(entries.first { $0.version == 6 }?.verdict == .invalid)
        #expect(entries.first { $0.version == 10 }?.outcome == "TMS")
    }

    @Test func theAgencyMayShowTheOfficers() {
        let entries = Self.history(.applicant(resultsPublished: true, showOfficers: true))
        #expect(entries.map(\.version) == [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12])
        #expect(entries.map(\.actorId) == [
            nil, F.verifier, F.verifier, F.verifier, F.verifier, F.verifier, F.supervisor, F.verifier,
            F.otherSupervisor, nil, F.supervisor,
        ])
        // Showing officers never shows conflicts.
        let unpublished = Self.history(.applicant(resultsPublished: false, showOfficers: true))
        #expect(unpublished.map(\.version) == [1, 2, 3, 5, 11, 12])
        #expect(unpublished.map(\.actorId) == [nil, F.verifier, F.verifier, F.verifier, nil, F.supervisor])
    }

    @Test func aWithdrawalClosesTheHistoryWithoutAnActor() throws {
        let closed = try #require(CaseHistory.entry(
            F.closedEvent, version: 3, at: F.t0 + 100, for: .applicant(resultsPublished: false, showOfficers: true)))
        #expect(closed.type == VerificationCaseClosedV1.eventType)
        #expect(closed.actorId == nil)
        #expect(closed.version == 3)
        #expect(closed.at == F.t0 + 100)
        #expect(closed.summary == "The application was withdrawn; the case is closed.")
    }

    @Test func aDecisionFinalAsRecordedSaysSo() throws {
        let entry = try #require(CaseHistory.entry(
            F.decisionEvent(.ms, requiresCountersignature: false), version: 7, at: F.t0, for: .officer))
        #expect(entry.summary == "The verifier decided MS.")
        #expect(entry.unmetRequirements == [])
    }
}
