import Foundation
import SuiteHarness

/// One hand-written hostile request against a real service and what a correct refusal looks like: a 4xx in
/// ``statuses``, `application/problem+json` whose `status` repeats the code, naming ``field`` (when given) among its
/// `errors` and carrying ``problemType`` (when given), and never the contents of a file of the host.
struct HostileRequest: Sendable {
    /// What the request tries, for the failure message.
    var name: String
    var method: String
    /// The whole URL, sent as is (percent-escapes and `..` segments included).
    var url: String
    var headers: [(String, String)] = []
    var body: [UInt8]?
    /// The acceptable statuses (all 4xx).
    var statuses: Set<Int>
    /// The field the problem must name in `errors` (`nil`: not checked).
    var field: String?
    /// The problem's `type`, e.g. `/problems/document-format` (`nil`: not checked).
    var problemType: String?

    /// A JSON request: `body` sent as `application/json` (unless `contentType` says otherwise).
    static func json(_ name: String, _ method: String, _ url: String, token: String?, body: [UInt8],
                     contentType: String = "application/json", statuses: Set<Int> = [400], field: String? = nil,
                     problemType: String? = nil) -> HostileRequest
    {
        HostileRequest(name: name, method: method, url: url,
                       headers: bearer(token) + [("Content-Type", contentType)], body: body, statuses: statuses,
                       field: field, problemType: problemType)
    }

    /// A request without a body.
    static func get(_ name: String, _ url: String, token: String? = nil, statuses: Set<Int> = [400, 404],
                    field: String? = nil) -> HostileRequest
    {
        HostileRequest(name: name, method: "GET", url: url, headers: bearer(token), statuses: statuses, field: field)
    }

    static func bearer(_ token: String?) -> [(String, String)] {
        token.map { [("Authorization", "Bearer \($0)")] } ?? []
    }

    /// Sends the request; what is wrong with the answer (empty: a correct refusal).
    func violations() async -> [String] {
        let response: TestHTTP.Response
        do {
            response = try await TestHTTP.send(method, url, headers: headers, body: body)
        } catch {
            return ["no answer (\(error)): the service may have crashed"]
        }
        return violations(of: response)
    }

    /// What is wrong with `response` as the answer to this request.
    func violations(of response: TestHTTP.Response) -> [String] {
        var found: [String] = []
        let excerpt = String(response.text.prefix(300))
        if !statuses.contains(response.status) {
            found.append("status \(response.status), expected one of \(statuses.sorted()): \(excerpt)")
        }
        let contentType = response.header("Content-Type") ?? ""
        if !contentType.hasPrefix("application/problem+json") {
            found.append("content type \(contentType.isEmpty ? "(none)" : contentType), not application/problem+json")
        }
        let problem = response.json
        if problem["status"] as? Int != response.status {
            found.append("the problem's status \(problem["status"] ?? "(none)") is not the response's")
        }
        if let problemType, problem["type"] as? String != problemType {
            found.append("problem type \(problem["type"] ?? "(none)"), expected \(problemType)")
        }
        if let field {
            let named = ((problem["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }
            if !named.contains(field) { found.append("the problem names \(named), not \(field): \(excerpt)") }
        }
        // Path traversal must never reach a file: no password-file or process-environment contents in any answer.
        for marker in ["root:x:0:0", "root:*:0:0", "PATH=/"] where response.text.contains(marker) {
            found.append("the answer contains \(marker): a file of the host was served")
        }
        return found
    }
}
