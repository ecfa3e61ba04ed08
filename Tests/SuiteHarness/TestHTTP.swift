import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A minimal HTTP client for tests and benchmarks against real service processes (AsyncHTTPClient's shared client).
public enum TestHTTP {
    /// A complete response: status, headers and the whole body.
    public struct Response: Sendable {
        /// The HTTP status code.
        public var status: Int
        /// The response headers, in order.
        public var headers: [(String, String)]
        /// The body bytes.
        public var body: [UInt8]

        /// The body as UTF-8 text.
        public var text: String { String(decoding: body, as: UTF8.self) }

        /// The first header named `name` (case-insensitive).
        public func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }

        /// The body parsed as a JSON object (empty if it is not one).
        public var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }

        /// The body decoded as `T` (ISO-8601 dates).
        public func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(T.self, from: Data(body))
        }
    }

    /// `GET url`.
    public static func get(_ url: String, headers: [(String, String)] = []) async throws -> Response {
        try await send("GET", url, headers: headers, body: nil)
    }

    /// `POST url` with `json` (a `JSONSerialization`-compatible value) as an `application/json` body.
    public static func post(_ url: String, json: Any, headers: [(String, String)] = []) async throws -> Response {
        let body = try JSONSerialization.data(withJSONObject: json)
        return try await send("POST", url, headers: [("Content-Type", "application/json")] + headers, body: Array(body))
    }

    /// Any request; waits at most 30 s and reads at most 16 MiB of body.
    public static func send(_ method: String, _ url: String, headers: [(String, String)], body: [UInt8]?)
        async throws -> Response
    {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let collected = try await response.body.collect(upTo: 16 << 20)
        return Response(
            status: Int(response.status.code),
            headers: response.headers.map { ($0.name, $0.value) },
            body: Array(collected.readableBytesView))
    }
}
