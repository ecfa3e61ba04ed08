import Foundation
import RecruitmentEvents
import Testing
@testable import Verification

/// The people, instants and case states the verification tests share. Every state is built by folding events with
/// ``VerificationCase/apply(_:at:)`` from the case opened on `ApplicationSubmittedV1.example` (Maria's application,
/// six documents); no test reads the wall clock.
enum Fixture {
    static let submission = ApplicationSubmittedV1.example
    static let applicant = submission.applicantId

    static let verifier = UUID(uuidString: "a86c7618-d742-4ea3-b78d-63eff86320da")!
    static let otherVerifier = UUID(uuidString: "a8c5a22d-73ef-4978-ae80-98fa03336272")!
    static let supervisor = UUID(uuidString: "8aa10f46-88e1-42ef-bb1f-ffdd35cb5413")!
    static let otherSupervisor = UUID(uuidString: "0f6a3f0e-3c55-4d6b-9a43-2b8f4e9b7c21")!
    static let decisionId = UUID(uuidString: "e8d557b7-cbfd-481b-8638-d027e9e0a5a8")!
    static let objectionId = UUID(uuidString: "e9e6d106-c53c-42e7-812d-368271d83fce")!

    /// 2024-09-10T00:00:00Z: the case is opened.
    static let t0 = Date(timeIntervalSince1970: 1_725_926_400)
    /// The lease every claim of these tests takes.
    static let lease = Duration.seconds(30 * 60)
    static let leaseSeconds: TimeInterval = 30 * 60

    /// The submitted documents' requirement codes, in submission order.
    static let requirementCodes = ["pas-foto", "swafoto", "ktp", "surat-lamaran", "ijazah", "transkrip-nilai"]

    static func document(_ requirementCode: String) -> SubmittedDocument {
        submission.documents.first { $0.requirementCode == requirementCode }!
    }

    static let wita = TimeZone(identifier: "Asia/Makassar")!
    static let wib = TimeZone(identifier: "Asia/Jakarta")!
    static let wit = TimeZone(identifier: "Asia/Jayapura")!

    /// An instant written in ISO 8601 with an offset, e.g. `2024-09-19T10:00:00+08:00`.
    static func instant(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { fatalError("not an ISO 8601 instant: \(text)") }
        return date
    }

    /// The administrative results are published on 2024-09-19 at 10:00 WITA (02:00Z).
    static let publishedAt = instant("2024-09-19T10:00:00+08:00")
    static let window = ObjectionWindowPolicy.standard.window(publishedAt: publishedAt, timeZone: wita)

    static func unmet(_ code: String, _ reason: RequirementFailureReason = .unreadable,
                      _ explanation: String = "Halaman kedua tidak terbaca.") -> UnmetRequirement
    {
        UnmetRequirement(requirementCode: code, reasonCode: reason, explanation: explanation)
    }

    // MARK: Events

    static func claimEvent(by verifierId: UUID = verifier, until leaseExpiresAt: Date) -> VerificationCaseClaimedV1 {
        VerificationCaseClaimedV1(
            caseId: opened.caseId, applicationId: submission.applicationId, verifierId: verifierId,
            leaseExpiresAt: leaseExpiresAt)
    }

    static func reviewEvent(_ requirementCode: String, invalid: Bool = false, by verifierId: UUID = verifier)
        -> DocumentReviewedV1
    {
        let document = document(requirementCode)
        return DocumentReviewedV1(
            caseId: opened.caseId, applicationId: submission.applicationId, documentId: document.documentId,
            documentSha256: document.sha256, requirementCode: requirementCode, type: document.type,
            verdict: invalid ? .invalid : .valid, reasonCode: invalid ? .unreadable : nil, verifierId: verifierId)
    }

    static func decisionEvent(_ outcome: AdministrativeOutcome, unmet: [UnmetRequirement] = [],
                         requiresCountersignature: Bool, by verifierId: UUID = verifier) -> VerificationDecisionRecordedV1
    {
        VerificationDecisionRecordedV1(
            decisionId: decisionId, caseId: opened.caseId, applicationId: submission.applicationId,
            applicantId: applicant, outcome: outcome, unmetRequirements: unmet, verifierId: verifierId,
            requiresCountersignature: requiresCountersignature)
    }

    static func countersignEvent(_ outcome: AdministrativeOutcome, by supervisorId: UUID = supervisor)
        -> VerificationDecisionCountersignedV1
    {
        VerificationDecisionCountersignedV1(
            decisionId: decisionId, caseId: opened.caseId, applicationId: submission.applicationId,
            applicantId: applicant, outcome: outcome, supervisorId: supervisorId)
    }

    static func conflictEvent(_ officerId: UUID, _ relationship: ConflictRelationship = .family)
        -> ConflictOfInterestDeclaredV1
    {
        ConflictOfInterestDeclaredV1(
            caseId: opened.caseId, applicationId: submission.applicationId, officerId: officerId,
            relationship: relationship)
    }

    static func objectionEvent(_ codes: [String] = ["transkrip-nilai"]) -> ObjectionFiledV1 {
        ObjectionFiledV1(
            objectionId: objectionId, applicationId: submission.applicationId, applicantId: applicant,
            decisionId: decisionId, disputedRequirementCodes: codes, reason: "Transkrip saya terbaca jelas.")
    }

    static let closedEvent = VerificationCaseClosedV1(
        caseId: VerificationCase.caseId(forApplication: submission.applicationId),
        applicationId: submission.applicationId, reason: .applicationWithdrawn)

    // MARK: States

    /// Opened at `t0`, submitted an hour before.
    static let opened = VerificationCase(opening: submission, submittedAt: t0 - 3600, openedAt: t0)

    /// `verifier` holds the claim from `t0` until `t0 + 30 min`.
    static var claimed: VerificationCase {
        opened.folding([claimEvent(until: t0 + leaseSeconds)], at: t0)
    }

    /// Claimed, and every document reviewed at `t0 + 1 min`; the given requirement codes were found invalid.
    static func reviewed(invalid: Set<String> = []) -> VerificationCase {
        claimed.folding(requirementCodes.map { reviewEvent($0, invalid: invalid.contains($0)) }, at: t0 + 60)
    }

    /// A TMS decision on an unreadable transcript, recorded at `t0 + 10 min`, awaiting the countersignature.
    static var awaitingTMS: VerificationCase {
        reviewed(invalid: ["transkrip-nilai"]).folding(
            [decisionEvent(.tms, unmet: [unmet("transkrip-nilai")], requiresCountersignature: true)], at: t0 + 600)
    }

    /// The TMS decision countersigned by `supervisor` at `t0 + 1 h`: final.
    static var finalTMS: VerificationCase {
        awaitingTMS.folding([countersignEvent(.tms)], at: t0 + 3600)
    }

    /// An MS decision recorded at `t0 + 10 min`, final as recorded.
    static var finalMS: VerificationCase {
        reviewed().folding([decisionEvent(.ms, requiresCountersignature: false)], at: t0 + 600)
    }

    /// The final TMS with an objection filed on the transcript during the window.
    static var objected: VerificationCase {
        finalTMS.folding([objectionEvent()], at: publishedAt + 3600)
    }
}

extension VerificationCase {
    /// The case after `events`, all recorded at `time`.
    func folding(_ events: [any RecruitmentEvent], at time: Date) -> VerificationCase {
        var state = self
        for event in events { state.apply(event, at: time) }
        return state
    }
}

/// A list of events compared by value and shown one per line when an expectation fails.
struct Events: Equatable, CustomTestStringConvertible {
    var events: [any RecruitmentEvent]

    init(_ events: [any RecruitmentEvent]) { self.events = events }

    static func == (lhs: Events, rhs: Events) -> Bool {
        lhs.events.count == rhs.events.count
            && lhs.events.indices.allSatisfy { isEqual(lhs.events[$0], rhs.events[$0]) }
    }

    private static func isEqual(_ lhs: any RecruitmentEvent, _ rhs: any RecruitmentEvent) -> Bool {
        func compare<Event: RecruitmentEvent>(_ lhs: Event) -> Bool { (rhs as? Event) == lhs }
        return compare(lhs)
    }

    var testDescription: String {
        "[" + events.map { String(describing: $0) }.joined(separator: ",\n ") + "]"
    }
}

/// The violation a rule throws, or `nil` if it returned events. (The rules throw ``VerificationRuleViolation`` only;
/// the closures are untyped because `#expect` rewrites the expressions inside them.)
func violation(sourceLocation: SourceLocation = #_sourceLocation, _ rule: () throws -> [any RecruitmentEvent])
    -> VerificationRuleViolation?
{
    do {
        _ = try rule()
        return nil
    } catch let error as VerificationRuleViolation {
        return error
    } catch {
        Issue.record(error, "a rule threw something else than a VerificationRuleViolation", sourceLocation: sourceLocation)
        return nil
    }
}

/// The field and code of a ``VerificationRuleViolation/invalid(field:code:message:)``, as `field/code`; any other
/// outcome is described instead, so a failing expectation shows what happened.
func invalidField(_ rule: () throws -> [any RecruitmentEvent]) -> String {
    do {
        let events = try rule()
        return "no violation: \(events)"
    } catch VerificationRuleViolation.invalid(let field, let code, _) {
        return "\(field)/\(code)"
    } catch {
        return "other violation: \(error)"
    }
}
