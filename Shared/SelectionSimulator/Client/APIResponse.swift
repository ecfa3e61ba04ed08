import Foundation

/// One answer of a service: status, headers and body, with JSON and problem+json accessors.
public struct APIResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The response headers in order (names as sent).
    public var headers: [(String, String)]
    /// The raw body.
    public var body: [UInt8]

    public init(status: Int, headers: [(String, String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body as text (lossy UTF-8), for messages.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object, or empty when it is not one.
    public var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    /// The `items` array of a list answer.
    public var items: [[String: Any]] { json["items"] as? [[String: Any]] ?? [] }

    /// The problem type of a problem+json answer (`type`), e.g. `/problems/validation`.
    public var problemType: String? { json["type"] as? String }

    /// The fields a problem+json answer names: `errors[].field`, or the top-level `field`.
    public var problemFields: [String] {
        let listed = (json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
        if !listed.isEmpty { return listed }
        return (json["field"] as? String).map { [$0] } ?? []
    }

    /// The rule codes a problem+json answer names (`errors[].code`).
    public var problemCodes: [String] {
        (json["errors"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    }

    /// Whether the answer is problem+json (`Content-Type: application/problem+json`).
    public var isProblem: Bool { header("Content-Type")?.hasPrefix("application/problem+json") ?? false }
}
