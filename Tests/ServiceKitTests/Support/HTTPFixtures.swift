import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import ServiceKit

/// The router every service starts from (``HTTPRouterFactory``), plus routes that exercise the error paths, served
/// in process by HummingbirdTesting.
enum HTTPFixtures {
    /// A request body with nested objects and arrays, for field paths in validation problems.
    struct Applicant: Decodable {
        struct Address: Decodable { var city: String }
        var name: String
        var age: Int
        var address: Address
        var tags: [String]
    }

    /// A domain error that knows its problem.
    struct AlreadyRegistered: ProblemConvertible {
        var problem: Problem { .conflict(type: "already-registered", "This NIK is already registered.") }
    }

    /// An unexpected error carrying internals that must never reach the client.
    struct DatabaseExploded: Error, CustomStringConvertible {
        var description: String { "connection to postgres://admin:hunter2@db-internal failed" }
    }

    static let maxBody = 1024

    static func application(
        corsOrigins: [String] = [], checks: [ReadinessCheck] = []
    ) throws -> some ApplicationProtocol {
        var environment = [
            "ASN_POSTGRES_URL": "postgres://unused@127.0.0.1/unused", "ASN_KAFKA_BROKERS": "127.0.0.1:1",
            "ASN_MAX_JSON_BODY_BYTES": String(maxBody),
        ]
        if !corsOrigins.isEmpty { environment["ASN_CORS_ALLOWED_ORIGINS"] = corsOrigins.joined(separator: ",") }
        let configuration = try ServiceConfiguration(
            serviceName: "httptest", defaultPort: 8080, reader: ConfigurationReader(environment: environment))
        let operations = OperationsRoutes(
            readinessChecks: checks, registry: MetricsBootstrap.registry,
            info: {
                ServiceInfo(service: "httptest", version: SuiteVersion.current, build: "test", startedAt: Date(),
                            publishes: [], consumes: [], outbox: nil)
            })
        let router = HTTPRouterFactory.makeRouter(configuration: configuration, operations: operations)
        let limit = configuration.maxJSONBodyBytes
        router.post("/v1/applicants") { request, _ in
            let applicant = try await request.decodeJSON(Applicant.self, maxBytes: limit)
            return JSONResponse(value: ["name": applicant.name], status: .created)
        }
        router.post("/v1/raw") { request, _ -> Response in
            var request = request
            _ = try await request.collectBody(upTo: 16)
            return Response(status: .noContent)
        }
        router.get("/v1/conflict") { _, _ -> Response in throw AlreadyRegistered() }
        router.get("/v1/explode") { _, _ -> Response in throw DatabaseExploded() }
        return Application(router: router)
    }

    static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
    static let jsonHeaders: HTTPFields = [.contentType: "application/json"]
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// The `errors` of a problem body.
    var fieldIssues: [(field: String, code: String)] {
        ((object["errors"] as? [[String: Any]]) ?? []).map { ($0["field"] as? String ?? "", $0["code"] as? String ?? "") }
    }

    /// Records an issue unless this is an RFC 9457 problem with `status` and `type`.
    func expectProblem(_ status: HTTPResponse.Status, type: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(self.status == status, "\(text)", sourceLocation: sourceLocation)
        #expect(headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
        #expect(object["type"] as? String == type, "\(text)", sourceLocation: sourceLocation)
        #expect(object["status"] as? Int == Int(status.code), sourceLocation: sourceLocation)
        #expect(object["title"] is String, sourceLocation: sourceLocation)
    }
}
