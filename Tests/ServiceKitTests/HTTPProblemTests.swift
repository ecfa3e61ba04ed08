import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import ServiceKit

/// Every error reaches the client as an RFC 9457 problem naming what is wrong, and nothing more.
@Suite struct HTTPProblemTests {
    static let valid = #"{"name": "Maria", "age": 30, "address": {"city": "Kupang"}, "tags": ["a"]}"#

    @Test func aValidBodyIsAccepted() async throws {
        try await HTTPFixtures.application().test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/applicants", method: .post, headers: HTTPFixtures.jsonHeaders,
                body: HTTPFixtures.json(Self.valid))
            #expect(response.status == .created, "\(response.text)")
            #expect(response.object["name"] as? String == "Maria")
        }
    }

    @Test(arguments: [
        (#"{"name": "#, "body", "malformed-json"),
        (#"[1, 2]"#, "body", "type"),
        (#"{"name": 5, "age": 30, "address": {"city": "Kupang"}, "tags": []}"#, "name", "type"),
        (#"{"name": "M", "age": "thirty", "address": {"city": "Kupang"}, "tags": []}"#, "age", "type"),
        (#"{"name": "M", "age": 30, "address": {"city": 7}, "tags": []}"#, "address.city", "type"),
        (#"{"name": "M", "age": 30, "address": {"city": "K"}, "tags": ["a", 3]}"#, "tags[1]", "type"),
        (#"{"age": 30, "address": {"city": "Kupang"}, "tags": []}"#, "name", "required"),
        (#"{"name": "M", "age": 30, "address": {}, "tags": []}"#, "address.city", "required"),
        (#"{"name": null, "age": 30, "address": {"city": "K"}, "tags": []}"#, "name", "required"),
    ])
    func aBadBodyIsA400NamingTheField(body: String, field: String, code: String) async throws {
        try await HTTPFixtures.application().test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/applicants", method: .post, headers: HTTPFixtures.jsonHeaders, body: HTTPFixtures.json(body))
            response.expectProblem(.badRequest, type: "/problems/validation-failed")
            #expect(response.fieldIssues.map(\.field) == [field], "\(response.text)")
            #expect(response.fieldIssues.map(\.code) == [code], "\(response.text)")
            #expect((response.object["detail"] as? String)?.contains(field) == true)
            #expect(response.object["instance"] as? String == "/v1/applicants")
        }
    }

    @Test func anOversizeBodyIsA413() async throws {
        let padding = String(repeating: "x", count: HTTPFixtures.maxBody)
        let body = #"{"name": "\#(padding)", "age": 30, "address": {"city": "Kupang"}, "tags": []}"#
        try await HTTPFixtures.application().test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/applicants", method: .post, headers: HTTPFixtures.jsonHeaders, body: HTTPFixtures.json(body))
            response.expectProblem(.contentTooLarge, type: "/problems/payload-too-large")
            #expect(response.fieldIssues.map(\.field) == ["body"])
            #expect((response.object["detail"] as? String)?.contains("\(HTTPFixtures.maxBody)") == true)
            // A route collecting a raw body past its own limit gets the same problem.
            let raw = try await client.execute(uri: "/v1/raw", method: .post, body: HTTPFixtures.json(padding))
            raw.expectProblem(.contentTooLarge, type: "/problems/payload-too-large")
        }
    }

    @Test func aBodyThatIsNotJSONIsA415() async throws {
        try await HTTPFixtures.application().test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/applicants", method: .post, headers: [.contentType: "text/plain"],
                body: HTTPFixtures.json(Self.valid))
            response.expectProblem(.unsupportedMediaType, type: "/problems/unsupported-media-type")
            #expect(response.fieldIssues.map(\.field) == ["content-type"])
            // JSON with parameters is still JSON.
            let withCharset = try await client.execute(
                uri: "/v1/applicants", method: .post, headers: [.contentType: "application/json; charset=utf-8"],
                body: HTTPFixtures.json(Self.valid))
            #expect(withCharset.status == .created)
        }
    }

    @Test func anUnknownRouteIsA404Problem() async throws {
        try await HTTPFixtures.application().test(.router) { client in
            let response = try await client.execute(uri: "/v1/no-such-thing", method: .get)
            response.expectProblem(.notFound, type: "/problems/not-found")
            #expect(response.object["instance"] as? String == "/v1/no-such-thing")
        }
    }

    @Test func aProblemConvertibleErrorReachesTheClientUnchanged() async throws {
        try await HTTPFixtures.application().test(.router) { client in
            let response = try await client.execute(uri: "/v1/conflict", method: .get)
            response.expectProblem(.conflict, type: "/problems/already-registered")
            #expect(response.object["detail"] as? String == "This NIK is already registered.")
        }
    }

    @Test func anUnexpectedErrorIsA500WithoutInternals() async throws {
        try await HTTPFixtures.application().test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/explode", method: .get, headers: [CorrelationMiddleware.header: "trace-me-42"])
            response.expectProblem(.internalServerError, type: "/problems/internal-error")
            #expect(!response.text.contains("hunter2"))
            #expect(!response.text.contains("postgres"))
            #expect(!response.text.contains("DatabaseExploded"))
            #expect(response.object["correlationId"] as? String == "trace-me-42")
        }
    }
}
