import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import ServiceKit

/// The operations endpoints, correlation ids and CORS of the shared router.
@Suite struct HTTPOperationsTests {
    @Test func liveAnswersWhateverTheDependenciesDo() async throws {
        let down = ReadinessCheck(name: "postgres") { .notReady("connection refused") }
        try await HTTPFixtures.application(checks: [down]).test(.router) { client in
            let response = try await client.execute(uri: "/health/live", method: .get)
            #expect(response.status == .ok)
            #expect(response.object["status"] as? String == "live")
        }
    }

    @Test func readyIs503NamingEveryFailingCheck() async throws {
        struct Unreachable: Error, CustomStringConvertible { var description: String { "broker unreachable" } }
        let checks = [
            ReadinessCheck(name: "postgres") { .ready },
            ReadinessCheck(name: "migrations") { .notReady("migrations not applied yet") },
            ReadinessCheck(name: "broker") { throw Unreachable() },
        ]
        try await HTTPFixtures.application(checks: checks).test(.router) { client in
            let response = try await client.execute(uri: "/health/ready", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(response.object["status"] as? String == "not_ready")
            let report = try #require(response.object["checks"] as? [String: [String: Any]])
            #expect(report["postgres"]?["ready"] as? Bool == true)
            #expect(report["migrations"]?["ready"] as? Bool == false)
            #expect(report["migrations"]?["detail"] as? String == "migrations not applied yet")
            #expect(report["broker"]?["ready"] as? Bool == false)
            #expect(report["broker"]?["detail"] as? String == "broker unreachable")
        }
        try await HTTPFixtures.application(checks: [checks[0]]).test(.router) { client in
            let response = try await client.execute(uri: "/health/ready", method: .get)
            #expect(response.status == .ok)
            #expect(response.object["status"] as? String == "ready")
        }
    }

    @Test func aHangingCheckCountsAsNotReady() async {
        let hanging = ReadinessCheck(name: "broker") {
            try await Task.sleep(for: .seconds(60))
            return .ready
        }
        let outcome = await OperationsRoutes.run(hanging, timeout: .milliseconds(100))
        guard case .notReady(let reason) = outcome else {
            Issue.record("a hanging check counted as ready")
            return
        }
        #expect(reason.contains("timed out"))
    }

    @Test func metricsArePrometheusTextIncludingHTTPRequests() async throws {
        try await HTTPFixtures.application().test(.router) { client in
            _ = try await client.execute(uri: "/health/live", method: .get)
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let lines = response.text.split(separator: "\n")
            #expect(lines.contains { $0.hasPrefix("# TYPE ") })
            #expect(lines.contains { $0.hasPrefix("hb_requests") && $0.contains("/health/live") },
                    "no request counter for /health/live:\n\(response.text)")
            // Every sample line is `name{labels} value`.
            for line in lines where !line.hasPrefix("#") {
                #expect(Double(line.split(separator: " ").last ?? "") != nil, "not a sample: \(line)")
            }
        }
    }

    @Test func correlationIdsAreEchoedOrGenerated() async throws {
        try await HTTPFixtures.application().test(.router) { client in
            let echoed = try await client.execute(
                uri: "/health/live", method: .get, headers: [CorrelationMiddleware.header: "portal-1234.a_b"])
            #expect(echoed.headers[CorrelationMiddleware.header] == "portal-1234.a_b")

            let generated = try await client.execute(uri: "/health/live", method: .get)
            let id = try #require(generated.headers[CorrelationMiddleware.header])
            #expect(UUID(uuidString: id) != nil)

            // An unsafe value (log injection) is replaced, never echoed.
            let unsafe = try await client.execute(
                uri: "/v1/no-such-thing", method: .get, headers: [CorrelationMiddleware.header: "x\" injected=1"])
            let replaced = try #require(unsafe.headers[CorrelationMiddleware.header])
            #expect(UUID(uuidString: replaced) != nil)
            #expect(unsafe.object["correlationId"] as? String == replaced)
        }
    }

    @Test func corsPreflightIsAnsweredForConfiguredOriginsOnly() async throws {
        let portal = "https://portal.kupangkota.go.id"
        let preflight: HTTPFields = [.origin: portal, .accessControlRequestMethod: "POST",
                                     .accessControlRequestHeaders: "content-type"]
        try await HTTPFixtures.application(corsOrigins: [portal]).test(.router) { client in
            let response = try await client.execute(uri: "/v1/applicants", method: .options, headers: preflight)
            #expect(response.status == .noContent)
            #expect(response.headers[.accessControlAllowOrigin] == portal)
            #expect(response.headers[.accessControlAllowMethods]?.contains("POST") == true)
            #expect(response.headers[.accessControlAllowHeaders]?.contains("Content-Type") == true)

            let simple = try await client.execute(uri: "/health/live", method: .get, headers: [.origin: portal])
            #expect(simple.headers[.accessControlAllowOrigin] == portal)
            #expect(simple.headers[.accessControlExposeHeaders]?.contains("X-Correlation-ID") == true)

            var other = preflight
            other[.origin] = "https://evil.example"
            let refused = try await client.execute(uri: "/v1/applicants", method: .options, headers: other)
            #expect(refused.headers[.accessControlAllowOrigin] == nil)
            #expect(refused.status != .noContent)
        }
        // Without configured origins there are no CORS headers at all.
        try await HTTPFixtures.application().test(.router) { client in
            let response = try await client.execute(uri: "/v1/applicants", method: .options, headers: preflight)
            #expect(response.headers[.accessControlAllowOrigin] == nil)
            response.expectProblem(.notFound, type: "/problems/not-found")
        }
    }
}
