import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RecruitmentEvents
import Testing
import TestSupport
@testable import ServiceKit

@Suite("OpenAPI validator against documents built from Swift types")
struct OpenAPIValidatorTests {
    let validator: OpenAPIValidator

    init() throws {
        validator = try OpenAPIValidator(documentData: OpenAPISamples.document().jsonData())
    }

    /// The sample as the services encode responses.
    static func encoded(_ value: some Encodable) throws -> Data {
        try JSONResponseCoding.encoder.encode(value)
    }

    /// `value` as a mutable JSON object, changed by `mutate`, as bytes.
    static func mutated(_ value: some Encodable, _ mutate: (inout [String: Any]) -> Void) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: encoded(value)) as? [String: Any])
        mutate(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    func violations(_ path: String = "/v1/periods/3F2504E0-4F89-11D3-9A0C-0305E82C3301", body: Data) throws
        -> [OpenAPIViolation]
    {
        try validator.violations(method: "GET", path: path, status: 200, contentType: "application/json", body: body)
    }

    // MARK: Valid bodies

    @Test func encodedSampleValuesPass() throws {
        let json = "application/json; charset=utf-8"
        try validator.validate(
            method: "GET", path: "/v1/periods/3f2504e0-4f89-11d3-9a0c-0305e82c3301", status: 200, contentType: json,
            body: Self.encoded(OpenAPISamples.period))
        var minimal = OpenAPISamples.period
        minimal.announcedOn = nil
        minimal.fee = nil
        minimal.legalBasis = []
        try validator.validate(method: "get", path: "/v1/periods/current", status: 200, contentType: json,
                               body: Self.encoded(minimal))
        let page = OpenAPISamples.Page(items: [OpenAPISamples.period, minimal], nextCursor: "abc")
        try validator.validate(method: "GET", path: "/v1/periods?limit=2", status: 200, contentType: json,
                               body: Self.encoded(page))
        try validator.validate(
            method: "POST", path: "/v1/admin/periods", status: 201, contentType: json,
            body: Self.encoded(OpenAPISamples.Receipt(periodId: UUID(), createdAt: Date())))
        try validator.validate(
            method: "DELETE", path: "/v1/applications/\(UUID())", status: 204, contentType: nil, body: Data())
        try validator.validate(
            method: "GET", path: "/v1/applications/\(UUID())/documents/ktp", status: 200,
            contentType: "image/jpeg", body: Data([0xFF, 0xD8, 0xFF, 0xE0]))
    }

    // MARK: Broken bodies

    @Test func aMissingRequiredMemberIsNamed() throws {
        let body = try Self.mutated(OpenAPISamples.period) { $0["name"] = nil }
        #expect(try violations(body: body) == [OpenAPIViolation(path: "$.name", message: "the required member is missing")])
    }

    @Test func aWrongTypeIsNamed() throws {
        let body = try Self.mutated(OpenAPISamples.period) { $0["quota"] = "many" }
        let found = try violations(body: body)
        #expect(found.map(\.path) == ["$.quota"])
        #expect(found.first?.message == #"expected integer, found string "many""#)
        let negative = try Self.mutated(OpenAPISamples.period) { $0["quota"] = -1 }
        #expect(try violations(body: negative).map(\.path) == ["$.quota"], "UInt16 has minimum 0")
        let fractional = try Self.mutated(OpenAPISamples.period) { $0["quota"] = 1.5 }
        #expect(try violations(body: fractional).map(\.path) == ["$.quota"])
    }

    @Test func anExtraMemberIsRefusedWhereObjectsAreClosed() throws {
        let body = try Self.mutated(OpenAPISamples.period) { $0["nik"] = "5371010101900001" }
        #expect(try violations(body: body) == [
            OpenAPIViolation(path: "$.nik", message: "the member is not allowed (additionalProperties: false)"),
        ])
    }

    @Test func aValueOutsideTheEnumIsNamed() throws {
        let body = try Self.mutated(OpenAPISamples.period) { $0["status"] = "pending" }
        #expect(try violations(body: body) == [
            OpenAPIViolation(path: "$.status", message: #""pending" is not one of ["upcoming", "open", "closed"]"#),
        ])
    }

    @Test func badFormatsAreNamed() throws {
        let uuid = try Self.mutated(OpenAPISamples.period) { $0["periodId"] = "3F2504E0-4F89-11D3-9A0C" }
        #expect(try violations(body: uuid).map(\.path) == ["$.periodId"])
        let instant = try Self.mutated(OpenAPISamples.period) { $0["opensAt"] = "2024-02-30T10:00:00Z" }
        #expect(try violations(body: instant).map(\.path) == ["$.opensAt"])
        let date = try Self.mutated(OpenAPISamples.period) { $0["announcedOn"] = "20-12-2024" }
        #expect(try violations(body: date).map(\.path) == ["$.announcedOn"])
        let decimal = try Self.mutated(OpenAPISamples.period) { $0["fee"] = "80,36" }
        #expect(try violations(body: decimal).map(\.path) == ["$.fee"])
        for good in ["3f2504e0-4f89-11d3-9a0c-0305e82c3301", "3F2504E0-4F89-11D3-9A0C-0305E82C3301"] {
            let body = try Self.mutated(OpenAPISamples.period) { $0["periodId"] = good }
            #expect(try violations(body: body) == [], "either case is a uuid")
        }
    }

    @Test func nestedViolationsCarryTheirPathAndAllAreReported() throws {
        let page = OpenAPISamples.Page(items: Array(repeating: OpenAPISamples.period, count: 4), nextCursor: nil)
        let body = try Self.mutated(page) { object in
            var items = object["items"] as! [[String: Any]]
            items[3]["status"] = "pending"
            items[1]["legalBasis"] = ["ok", 7]
            items[0]["odd key"] = true
            object["items"] = items
            object["nextCursor"] = NSNull()
        }
        let found = try validator.violations(
            method: "GET", path: "/v1/periods", status: 200, contentType: "application/json", body: body)
        #expect(found.map(\.path) == [
            "$.items[0][\"odd key\"]", "$.items[1].legalBasis[1]", "$.items[3].status", "$.nextCursor",
        ])
        let error = #expect(throws: OpenAPIValidationError.self) {
            try validator.validate(method: "GET", path: "/v1/periods", status: 200,
                                   contentType: "application/json", body: body)
        }
        #expect(error?.violations == found)
        let text = error.map(String.init(describing:)) ?? ""
        #expect(text.contains("GET /v1/periods [GET /v1/periods (listPeriods)] → 200"), "\(text)")
        #expect(text.contains("\n  $.items[3].status: \"pending\" is not one of"), "\(text)")
        #expect(try violations(body: Data("not json".utf8)).map(\.path) == ["$"])
    }

    // MARK: Lookup

    @Test func pathTemplatesMatchConcretePaths() throws {
        let id = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
        let period = try validator.operation(method: "GET", path: "/v1/periods/\(id)")
        #expect(period.operationId == "getPeriod")
        #expect(period.template == "/v1/periods/{periodId}")
        #expect(period.pathParameters == ["periodId": id])
        #expect(try validator.operation(method: "get", path: "/v1/periods/current").operationId == "getCurrentPeriod",
                "a literal segment beats a template")
        let document = try validator.operation(method: "PUT", path: "/v1/applications/\(id)/documents/ijazah?x=1")
        #expect(document.operationId == "uploadDocument")
        #expect(document.pathParameters == ["applicationId": id, "documentType": "ijazah"])
        #expect(try validator.operation(method: "GET", path: "/v1/periods/a%20b").pathParameters["periodId"] == "a b")

        #expect(throws: OpenAPIValidationError.unknownPath(method: "GET", path: "/v1/periods/\(id)/formations")) {
            try validator.operation(method: "GET", path: "/v1/periods/\(id)/formations")
        }
        #expect(throws: OpenAPIValidationError.unknownPath(method: "GET", path: "/v1/periods/")) {
            try validator.operation(method: "GET", path: "/v1/periods/")
        }
    }

    @Test func unknownOperationsStatusesAndContentTypesAreRefused() throws {
        let body = try Self.encoded(OpenAPISamples.period)
        #expect(throws: OpenAPIValidationError.unknownMethod(
            method: "PATCH", path: "/v1/periods/current", template: "/v1/periods/current", documented: ["GET"])
        ) {
            try validator.validate(method: "PATCH", path: "/v1/periods/current", status: 200,
                                   contentType: "application/json", body: body)
        }
        #expect(throws: OpenAPIValidationError.unknownPath(method: "GET", path: "/v2/periods")) {
            try validator.validate(method: "GET", path: "/v2/periods", status: 200,
                                   contentType: "application/json", body: body)
        }
        let undocumented = #expect(throws: OpenAPIValidationError.self) {
            try validator.validate(method: "GET", path: "/v1/periods/current", status: 418,
                                   contentType: "application/json", body: body)
        }
        guard case .undocumentedStatus(_, 418, let documented)? = undocumented else {
            Issue.record("expected undocumentedStatus, got \(String(describing: undocumented))")
            return
        }
        #expect(documented == ["200", "401", "404", "500", "503"])
        // A problem status must come as problem+json, not plain JSON.
        let problem = Data(#"{"type":"/problems/not-found","title":"Not found","status":404}"#.utf8)
        #expect(throws: OpenAPIValidationError.self) {
            try validator.validate(method: "GET", path: "/v1/periods/current", status: 404,
                                   contentType: "application/json", body: problem)
        }
        try validator.validate(method: "GET", path: "/v1/periods/current", status: 404,
                               contentType: "application/problem+json", body: problem)
        // Binary: the media type must be listed; a body where none is documented is refused.
        #expect(throws: OpenAPIValidationError.self) {
            try validator.validate(method: "GET", path: "/v1/applications/\(UUID())/documents/ktp", status: 200,
                                   contentType: "application/zip", body: Data([0x50, 0x4B]))
        }
        #expect(throws: OpenAPIValidationError.self) {
            try validator.validate(method: "DELETE", path: "/v1/applications/\(UUID())", status: 204,
                                   contentType: "application/json", body: Data("{}".utf8))
        }
    }

    @Test func theDocumentMustBeOpenAPI31() throws {
        #expect(throws: OpenAPIValidationError.self) { try OpenAPIValidator(documentData: Data("[]".utf8)) }
        #expect(throws: OpenAPIValidationError.self) {
            try OpenAPIValidator(documentData: Data(#"{"openapi":"3.0.3","paths":{}}"#.utf8))
        }
        #expect(validator.openAPIVersion == OpenAPIDocument.openAPIVersion)
    }

    // MARK: Keywords

    @Test func schemaKeywordsOfHandwrittenDocuments() throws {
        let document = #"""
        {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
         "paths": {"/x": {"get": {"responses": {
           "2XX": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/X"}}}},
           "default": {"description": "any", "content": {"text/*": {"schema": {"type": "string"}}}}}}}},
         "components": {"schemas": {"X": {"type": "object", "required": ["kind"], "properties": {
           "kind": {"const": "x"},
           "note": {"type": ["string", "null"], "minLength": 2, "maxLength": 4, "pattern": "^[a-z]+$"},
           "score": {"type": "number", "minimum": 0, "exclusiveMaximum": 100},
           "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 2, "uniqueItems": true},
           "either": {"oneOf": [{"type": "integer"}, {"type": "string", "format": "uuid"}]},
           "any": {"anyOf": [{"type": "boolean"}, {"type": "string", "format": "date"}]},
           "map": {"type": "object", "additionalProperties": {"type": "integer"}}}}}}}
        """#
        let validator = try OpenAPIValidator(documentData: Data(document.utf8))
        func paths(_ json: String, status: Int = 200) throws -> [String] {
            try validator.violations(method: "GET", path: "/x", status: status, contentType: "application/json",
                                     body: Data(json.utf8)).map(\.path)
        }
        #expect(try paths(#"{"kind": "x", "note": null, "score": 99.5, "tags": ["a"], "either": 3, "any": true}"#)
            == [])
        #expect(try paths(#"{"kind": "x", "note": "abc", "either": "3f2504e0-4f89-11d3-9a0c-0305e82c3301"}"#) == [])
        #expect(try paths(#"{"kind": "y"}"#) == ["$.kind"])
        #expect(try paths(#"{"kind": "x", "note": "a"}"#) == ["$.note"])
        #expect(try paths(#"{"kind": "x", "note": "abcde"}"#) == ["$.note"])
        #expect(try paths(#"{"kind": "x", "note": "AB"}"#) == ["$.note"])
        #expect(try paths(#"{"kind": "x", "score": 100}"#) == ["$.score"])
        #expect(try paths(#"{"kind": "x", "score": -1}"#) == ["$.score"])
        #expect(try paths(#"{"kind": "x", "tags": ["a", "a"]}"#) == ["$.tags[1]"])
        #expect(try paths(#"{"kind": "x", "tags": ["a", "b", "c"]}"#) == ["$.tags"])
        #expect(try paths(#"{"kind": "x", "either": 1.5}"#) == ["$.either"])
        #expect(try paths(#"{"kind": "x", "any": "2024-13-01"}"#) == ["$.any"])
        #expect(try paths(#"{"kind": "x", "any": "2024-02-29"}"#) == [])
        #expect(try paths(#"{"kind": "x", "map": {"a": 1, "b": "2"}}"#) == ["$.map.b"])
        #expect(try paths(#"{"kind": "x", "unknown": 1}"#) == [], "objects without additionalProperties are open")
        // `2XX` and `default` ranges; wildcard media types.
        #expect(try paths(#"{"kind": "x"}"#, status: 204) == [])
        try validator.validate(method: "GET", path: "/x", status: 500, contentType: "text/plain", body: Data("oops".utf8))
    }

    // MARK: Problems encoded by ServiceKit

    @Test func theProblemSchemaValidatesRealProblems() throws {
        let problems: [Problem] = [
            .validation([FieldIssue(field: "nik", code: "format", message: "16 digits")]),
            .notFound("No such period."),
            .payloadTooLarge(limit: 10),
            .unsupportedMediaType(expected: "application/json"),
            .unavailable("down"),
            .internalError(),
            .status(.tooManyRequests),
        ]
        for var problem in problems {
            problem.instance = "/v1/periods"
            problem.correlationId = "c0ffee"
            let body = try ProblemCoding.encoder.encode(problem)
            #expect(try validator.violations(of: body, againstSchemaNamed: "Problem") == [], "\(problem)")
            try validator.validate(
                method: "PUT", path: "/v1/applications/\(UUID())/documents/ktp", status: problem.statusCode,
                contentType: "application/problem+json", body: body)
        }
        #expect(throws: OpenAPIValidationError.unknownSchema("Nope")) {
            try validator.violations(of: Data("{}".utf8), againstSchemaNamed: "Nope")
        }
        let broken = Data(#"{"type":"/problems/x","title":"X","status":"400","errors":[{"field":"a"}]}"#.utf8)
        #expect(try validator.violations(of: broken, againstSchemaNamed: "Problem").map(\.path)
            == ["$.errors[0].code", "$.errors[0].message", "$.status"])
    }

    // MARK: Served by the runtime

    @Test func theRuntimeServesTheDocumentAndItsResponsesMatchIt() async throws {
        var document = OpenAPIDocument.runtime(serviceName: "openapitest")
        document.add(.post(
            "/v1/periods", operationId: "createPeriod", summary: "Open a period",
            body: .json(OpenAPISamples.CreatePeriod.self), responses: [.json(201, OpenAPISamples.Receipt.self)],
            problems: [422]))
        let data = try document.jsonData()
        let environment = ["ASN_POSTGRES_URL": "postgres://unused@127.0.0.1/unused", "ASN_KAFKA_BROKERS": "127.0.0.1:1"]
        let configuration = try ServiceConfiguration(
            serviceName: "openapitest", defaultPort: 8080, reader: ConfigurationReader(environment: environment))
        let operations = OperationsRoutes(
            readinessChecks: [ReadinessCheck(name: "postgres") { .notReady("connection refused") }],
            registry: MetricsBootstrap.registry,
            info: {
                ServiceInfo(
                    service: "openapitest", version: SuiteVersion.current, build: "test", startedAt: Date(),
                    publishes: ["recruitment.registration"],
                    consumes: [.init(projection: "counts", topic: "recruitment.registration", partition: 0, lag: 3)],
                    outbox: .init(unpublished: 2, oldestUnpublishedAgeSeconds: 1.5))
            },
            openAPIDocument: data)
        let router = HTTPRouterFactory.makeRouter(configuration: configuration, operations: operations)
        router.post("/v1/periods") { request, _ in
            let create = try await request.decodeJSON(OpenAPISamples.CreatePeriod.self, maxBytes: 1024)
            guard create.quota > 0 else { throw Problem.invalidField("quota", code: "range", "at least 1") }
            return JSONResponse(value: OpenAPISamples.Receipt(periodId: UUID(), createdAt: Date()), status: .created)
        }
        try await Application(router: router).test(.router) { client in
            let served = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(served.status == .ok)
            #expect(served.headers[.contentType] == "application/json; charset=utf-8")
            #expect(Data(served.body.readableBytesView) == data, "served as rendered at start")
            let validator = try OpenAPIValidator(documentData: Data(served.body.readableBytesView))

            func check(_ method: HTTPRequest.Method, _ uri: String, body: String? = nil) async throws -> Int {
                let response = try await client.execute(
                    uri: uri, method: method, headers: body == nil ? [:] : [.contentType: "application/json"],
                    body: body.map { ByteBuffer(string: $0) })
                try validator.validate(
                    method: method.rawValue, path: uri, status: Int(response.status.code),
                    contentType: response.headers[.contentType], body: Data(response.body.readableBytesView))
                return Int(response.status.code)
            }
            #expect(try await check(.get, "/health/live") == 200)
            #expect(try await check(.get, "/health/ready") == 503)
            #expect(try await check(.get, "/info") == 200)
            #expect(try await check(.get, "/metrics") == 200)
            #expect(try await check(.get, "/openapi.json") == 200)
            #expect(try await check(.post, "/v1/periods", body: #"{"name":"A","opensAt":"2024-09-01T00:00:00Z","quota":3}"#)
                == 201)
            #expect(try await check(.post, "/v1/periods", body: #"{"name":"A"}"#) == 400)
            #expect(try await check(.post, "/v1/periods", body: #"{"name":"A","opensAt":"2024-09-01T00:00:00Z","quota":0}"#)
                == 400)
            #expect(try await check(.post, "/v1/periods", body: String(repeating: " ", count: 2048) + "{}") == 413)
        }
    }
}
