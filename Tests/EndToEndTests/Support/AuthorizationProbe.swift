import Foundation
import SuiteHarness
import Synchronization

/// Who calls: nobody, an account of one role, or the bearer of a token that must not open anything.
struct AuthorizationCaller: Sendable, CustomStringConvertible {
    var name: String
    /// The bearer token, if any.
    var token: String?
    /// The role of a valid token.
    var role: String?
    /// What is wrong with an invalid token.
    var flaw: AuthorizationTokens.Flaw?

    var description: String { name }

    static let anonymous = AuthorizationCaller(name: "no token")

    var headers: [(String, String)] { token.map { [("Authorization", "Bearer \($0)")] } ?? [] }
}

/// What one call answered.
struct AuthorizationObservation: Sendable {
    var status: Int
    var contentType: String?
    var headers: [(String, String)]
    var body: [UInt8]
    /// The concrete path called (for the OpenAPI check and messages).
    var path: String

    /// The problem's `type`, if the body is a problem.
    var problemType: String? {
        ((try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any])?["type"] as? String
    }

    var isProblem: Bool { contentType?.lowercased().hasPrefix("application/problem+json") == true }

    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }

    var brief: String {
        "HTTP \(status) \(problemType ?? "") \(String(decoding: body.prefix(200), as: UTF8.self))"
    }
}

/// Sends the matrix' requests: path parameters from the real ids of the test (random UUIDs for the rest), the
/// required query parameters, and minimal bodies (`{}`, or empty in the documented non-JSON type): authorisation is
/// decided before a body is looked at, so a 400/404/409/422 still proves the caller got past it.
struct AuthorizationProbe: Sendable {
    /// Real values by parameter name (`applicationId`, `caseId`, …).
    var values: [String: String]
    let streams = EventStreamClient(connections: 16)

    /// `template` with every `{name}` replaced.
    func path(_ operation: DocumentedOperation) -> String {
        var path = operation.template
        while let open = path.firstIndex(of: "{"), let close = path[open...].firstIndex(of: "}") {
            let name = String(path[path.index(after: open)..<close])
            path.replaceSubrange(open...close, with: values[name] ?? UUID().uuidString.lowercased())
        }
        let query = operation.requiredQuery.compactMap { name in values[name].map { "\(name)=\($0)" } }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }

    func call(_ operation: DocumentedOperation, on baseURL: String, as caller: AuthorizationCaller) async throws
        -> AuthorizationObservation
    {
        let path = path(operation)
        if operation.streams { return try await head(baseURL + path, path: path, as: caller) }
        var headers = caller.headers
        var body: [UInt8]?
        if let type = operation.requestMediaType {
            headers.append(("Content-Type", type))
            body = type.contains("json") ? Array("{}".utf8) : []
        }
        let response = try await TestHTTP.send(operation.method, baseURL + path, headers: headers, body: body)
        return AuthorizationObservation(
            status: response.status, contentType: response.header("Content-Type"), headers: response.headers,
            body: response.body, path: path)
    }

    /// A Server-Sent Events operation: the status and headers, then the stream is closed (at its first message or
    /// after two seconds).
    func head(_ url: String, path: String, as caller: AuthorizationCaller) async throws -> AuthorizationObservation {
        let opened = StreamHead()
        let (streams, headers) = (self.streams, caller.headers)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await streams.read(url, headers: headers, opened: { status, headers in
                    opened.value.withLock { $0 = (status, headers) }
                }, handle: { _ in false })
            }
            group.addTask { try await Task.sleep(for: .seconds(2)) }
            _ = try await group.next()
            group.cancelAll()
        }
        guard let (status, headers) = opened.value.withLock({ $0 }) else {
            throw AuthorizationProbeError(description: "GET \(path) as \(caller): no response head in 2 s")
        }
        return AuthorizationObservation(
            status: status, contentType: headers.first { $0.0.lowercased() == "content-type" }?.1, headers: headers,
            body: [], path: path)
    }

    func shutdown() async { await streams.shutdown() }

    /// Runs `calls` with at most `width` in flight; answers in the order of `calls`.
    static func bounded<T: Sendable>(_ calls: [@Sendable () async throws -> T], width: Int) async throws -> [T] {
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            var results = [T?](repeating: nil, count: calls.count)
            var next = 0
            while next < min(width, calls.count) {
                let (index, call) = (next, calls[next])
                group.addTask { (index, try await call()) }
                next += 1
            }
            while let (index, result) = try await group.next() {
                results[index] = result
                if next < calls.count {
                    let (index, call) = (next, calls[next])
                    group.addTask { (index, try await call()) }
                    next += 1
                }
            }
            return results.compactMap { $0 }
        }
    }
}

/// The status and headers of a stream, once they arrived.
final class StreamHead: Sendable {
    let value = Mutex<(Int, [(String, String)])?>(nil)
}

struct AuthorizationProbeError: Error, CustomStringConvertible {
    var description: String
}
