import Foundation
import SelectionSimulator
import SuiteHarness

/// Applicant A reaching for applicant B's data, each attempt paired with B's own call as the control that the
/// resource exists and the route works for its owner (so A's refusal means "not yours", not "not there").
///
/// Which refusal: endpoints an applicant may call answer 404 for another applicant's application, case or
/// documents (`ApplicationRoutes.readable`, `ApplicationCommands.draft/submit/withdraw`, `ApplicantRoutes.ownCase`),
/// so that A cannot even learn that B's application id exists; endpoints for officers only answer 403 before any
/// lookup (the role decides, the id is never read).
struct AuthorizationIsolation {
    /// One attempt: what A sends, what A must get, and what B (the owner) gets for the same request.
    struct Attempt {
        var label: String
        var method: String
        var url: String
        var json: Any?
        var bytes: [UInt8]?
        var contentType: String?
        /// A's expected status.
        var refusal: Int
        /// B's status must be one of these (`nil`: no control, e.g. an officers-only endpoint).
        var ownerGets: Set<Int>?
    }

    let world: AuthorizationWorld

    var registration: String { world.suite.registration.baseURL }
    var verification: String { world.suite.verification.baseURL }
    var exam: String { world.suite.exam.baseURL }

    /// Every attempt at B's data with A's token.
    var attempts: [Attempt] {
        let b = world.b
        let application = "\(registration)/v1/applications/\(b.applicationId)"
        let document = b.documentIds.first ?? UUID().uuidString
        return [
            Attempt(label: "read B's application", method: "GET", url: application, refusal: 404, ownerGets: [200]),
            Attempt(label: "read B's registration card", method: "GET", url: "\(application)/card", refusal: 404,
                    ownerGets: [200]),
            Attempt(label: "download B's ijazah", method: "GET", url: "\(application)/documents/ijazah",
                    refusal: 404, ownerGets: [200]),
            // The owner's own changes are refused for the state (submitted, in verification): 409.
            Attempt(label: "replace B's ijazah", method: "PUT", url: "\(application)/documents/ijazah",
                    bytes: SampleDocuments.pdf("ijazah palsu"), contentType: "application/pdf", refusal: 404,
                    ownerGets: [409]),
            Attempt(label: "move B to another formation", method: "PUT", url: "\(application)/formation",
                    json: ["formationId": world.suite.formationIds[0]], refusal: 404, ownerGets: [409]),
            Attempt(label: "submit B's application", method: "POST", url: "\(application)/submission",
                    json: TestApplicants.submission(), refusal: 404, ownerGets: [409]),
            Attempt(label: "withdraw B's application", method: "POST", url: "\(application)/withdrawal",
                    json: ["note": "Saya mundur."], refusal: 404, ownerGets: [409]),
            Attempt(label: "fetch B's document as verification does", method: "GET",
                    url: "\(registration)/internal/v1/documents/\(document)", refusal: 403, ownerGets: nil),
            Attempt(label: "read B's verification status", method: "GET",
                    url: "\(verification)/v1/applications/\(b.applicationId)/verification", refusal: 404,
                    ownerGets: [200]),
            // B's result is MS: B's own objection is refused for that (409/422), after the ownership check.
            Attempt(label: "object on B's behalf", method: "POST",
                    url: "\(verification)/v1/applications/\(b.applicationId)/objection",
                    json: ["disputedRequirementCodes": ["ijazah"], "reason": "Ijazah saya sah dan terbaca jelas."],
                    refusal: 404, ownerGets: [409, 422]),
            Attempt(label: "find B's case", method: "GET",
                    url: "\(verification)/v1/cases?applicationId=\(b.applicationId)", refusal: 403, ownerGets: nil),
            Attempt(label: "read B's case", method: "GET", url: "\(verification)/v1/cases/\(b.caseId)", refusal: 403,
                    ownerGets: nil),
            Attempt(label: "read B's case history", method: "GET", url: "\(verification)/v1/cases/\(b.caseId)/history",
                    refusal: 403, ownerGets: nil),
            Attempt(label: "open B's document in the case", method: "GET",
                    url: "\(verification)/v1/cases/\(b.caseId)/documents/\(document)", refusal: 403, ownerGets: nil),
            Attempt(label: "read the roster with B's seat", method: "GET",
                    url: "\(exam)/v1/sessions/\(world.sessionId)/roster", refusal: 403, ownerGets: nil),
        ]
    }

    /// Sends `attempt` with `token`.
    static func send(_ attempt: Attempt, token: String) async throws -> TestHTTP.Response {
        var headers = [("Authorization", "Bearer \(token)")]
        var body: [UInt8]?
        if let json = attempt.json {
            headers.append(("Content-Type", "application/json"))
            body = Array(try JSONSerialization.data(withJSONObject: json))
        } else if let bytes = attempt.bytes {
            headers.append(("Content-Type", attempt.contentType ?? "application/octet-stream"))
            body = bytes
        }
        return try await TestHTTP.send(attempt.method, attempt.url, headers: headers, body: body)
    }

    /// What A's refusal must not carry: anything that identifies B.
    var secretsOfB: [String] {
        [world.b.name, world.b.applicant.registrationNumber ?? "-", world.b.participantNumber,
         world.b.applicant.applicantId.lowercased()]
    }

    /// B's application as B sees it: status, formation and the ijazah's hash, to compare before and after.
    static func fingerprint(_ view: [String: Any]) -> String {
        let formation = (view["formation"] as? [String: Any])?["formationId"] as? String ?? "?"
        let documents = ((view["documents"] as? [[String: Any]]) ?? [])
            .map { "\($0["requirementCode"] as? String ?? "?")=\($0["sha256"] as? String ?? "?")" }.sorted()
        return "\(view["status"] as? String ?? "?") \(formation) \(documents)"
    }
}
