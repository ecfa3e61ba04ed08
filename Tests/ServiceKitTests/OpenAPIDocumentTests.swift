import Foundation
import RecruitmentEvents
import Testing
@testable import ServiceKit

/// Sample API types and the document describing them, shared by the OpenAPI document and validator tests.
enum OpenAPISamples {
    enum PeriodStatus: String, SchemaEnumeration { case upcoming, open, closed }

    struct Period: Codable, Sendable, Equatable {
        var periodId: UUID
        var name: String
        var status: PeriodStatus
        var opensAt: Date
        var announcedOn: CalendarDate?
        var fee: ExactDecimal?
        var quota: UInt16
        var legalBasis: [String]
    }

    struct Page<Item: Codable & Sendable>: Codable, Sendable {
        var items: [Item]
        var nextCursor: String?
    }

    struct CreatePeriod: Codable, Sendable {
        var name: String
        var opensAt: Date
        var quota: UInt16
    }

    struct Receipt: Codable, Sendable, Equatable {
        var periodId: UUID
        var createdAt: Date
    }

    struct DocumentReceipt: Codable, Sendable {
        var documentId: UUID
        var sha256: String
        var bytes: Int
    }

    static let uploadTypes = ["application/pdf", "image/jpeg", "image/png"]

    /// The sample API, on top of the runtime endpoints.
    static func document() -> OpenAPIDocument {
        var document = OpenAPIDocument.runtime(serviceName: "sample", version: "9.9.9")
        document.servers = [OpenAPIServer(url: "http://127.0.0.1:8081", description: "local")]
        document.addTag("periods", description: "Selection periods")
        document.add(.get(
            "/v1/periods", operationId: "listPeriods", summary: "Selection periods, newest first", tags: ["periods"],
            parameters: [
                .query("cursor", description: "From `nextCursor`"),
                .query("limit", .integer(minimum: 1, maximum: 100)),
                .query("status", .enumeration(PeriodStatus.self)),
            ],
            responses: [.json(200, Page<Period>.self)]))
        document.add(.get(
            "/v1/periods/{periodId}", operationId: "getPeriod", summary: "One selection period", tags: ["periods"],
            parameters: [.path("periodId")], responses: [.json(200, Period.self)]))
        document.add(.get(
            "/v1/periods/current", operationId: "getCurrentPeriod", summary: "The open period", tags: ["periods"],
            responses: [.json(200, Period.self)], problems: [404]))
        document.add(.post(
            "/v1/admin/periods", operationId: "createPeriod", summary: "Open a selection period", tags: ["admin"],
            body: .json(CreatePeriod.self, maxBytes: 65_536), security: .bearer(roles: ["admin"]),
            responses: [.json(201, Receipt.self, description: "Opened").header("Location", description: "The period")],
            problems: [409, 422]))
        document.add(.put(
            "/v1/applications/{applicationId}/documents/{documentType}", operationId: "uploadDocument",
            summary: "Upload one required document", tags: ["documents"],
            parameters: [.path("applicationId"), .path("documentType", .oneOf(["ktp", "ijazah", "transkrip"]))],
            body: .binary(uploadTypes, description: "The file itself.", maxBytes: 2_097_152),
            security: .bearer(roles: ["applicant"]),
            responses: [.json(201, DocumentReceipt.self)], problems: [429]))
        document.add(.get(
            "/v1/applications/{applicationId}/documents/{documentType}", operationId: "downloadDocument",
            summary: "Download one document", tags: ["documents"],
            parameters: [.path("applicationId"), .path("documentType", .oneOf(["ktp", "ijazah", "transkrip"]))],
            security: .bearer(),
            responses: [.binary(200, uploadTypes)]))
        document.add(.delete(
            "/v1/applications/{applicationId}", operationId: "withdrawApplication", summary: "Withdraw",
            tags: ["applications"], parameters: [.path("applicationId")], security: .bearer(roles: ["applicant"]),
            responses: [.empty(204)]))
        return document
    }

    static let period = Period(
        periodId: UUID(uuidString: "3F2504E0-4F89-11D3-9A0C-0305E82C3301")!, name: "CPNS Kota Kupang 2024",
        status: .open, opensAt: Date(timeIntervalSince1970: 1_725_000_000.25),
        announcedOn: CalendarDate(year: 2024, month: 12, day: 20), fee: ExactDecimal("80.36"), quota: 120,
        legalBasis: ["PermenPANRB 6/2024"])
}

extension EventJSON {
    /// The members of the object at a chain of keys.
    func at(_ keys: String...) -> EventJSON? {
        keys.reduce(Optional(self)) { $0?[$1] }
    }
}

@Suite("OpenAPI document built from Swift types")
struct OpenAPIDocumentTests {
    let json: EventJSON

    init() throws {
        json = try OpenAPISamples.document().jsonValue()
    }

    @Test func hasTheShapeOfAnOpenAPI31Document() throws {
        #expect(json["openapi"]?.stringValue?.hasPrefix("3.1.") == true)
        #expect(json.at("info", "title")?.stringValue == "ASN recruitment — sample")
        #expect(json.at("info", "version")?.stringValue == "9.9.9")
        #expect(json.at("info", "description")?.stringValue != nil)
        #expect(json["servers"]?.arrayValue?.first?["url"] == .string("http://127.0.0.1:8081"))
        let paths = try #require(json["paths"]?.objectValue)
        #expect(Set(paths.keys) == [
            "/health/live", "/health/ready", "/metrics", "/info", "/openapi.json", "/v1/periods",
            "/v1/periods/{periodId}", "/v1/periods/current", "/v1/admin/periods",
            "/v1/applications/{applicationId}/documents/{documentType}", "/v1/applications/{applicationId}",
        ])
        for (path, item) in paths {
            for (method, operation) in try #require(item.objectValue) {
                #expect(OpenAPIMethod(rawValue: method) != nil, "\(path) \(method)")
                #expect(operation["operationId"]?.stringValue != nil, "\(path) \(method)")
                #expect(operation["summary"]?.stringValue != nil, "\(path) \(method)")
                let responses = try #require(operation["responses"]?.objectValue, "\(path) \(method)")
                #expect(!responses.isEmpty)
                for (status, response) in responses {
                    #expect(status == "default" || Int(status) != nil)
                    #expect(response["description"]?.stringValue?.isEmpty == false, "\(path) \(method) \(status)")
                }
            }
        }
        let tags = json["tags"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(tags == ["operations", "periods", "admin", "documents", "applications"])
        #expect(json.at("components", "securitySchemes", "bearerAuth") == .object([
            "type": .string("http"), "scheme": .string("bearer"), "bearerFormat": .string("JWT"),
            "description": json.at("components", "securitySchemes", "bearerAuth", "description")!,
        ]))
    }

    @Test func componentSchemasAreNamedAfterTheSwiftTypesAndDerivedFromThem() throws {
        let schemas = try #require(json.at("components", "schemas")?.objectValue)
        #expect(Set(schemas.keys) == [
            "Problem", "FieldIssue", "ReadinessReport", "CheckResult", "ServiceInfo", "ConsumedPartition",
            "OutboxStatus", "Page_Period", "Period", "PeriodStatus", "CreatePeriod", "Receipt", "DocumentReceipt",
        ])
        let period = try #require(schemas["Period"])
        #expect(period["type"] == .string("object"))
        #expect(period["additionalProperties"] == .bool(false))
        #expect(period["required"] == .strings(["periodId", "name", "status", "opensAt", "quota", "legalBasis"]))
        #expect(period.at("properties", "periodId") == .object(["type": .string("string"), "format": .string("uuid")]))
        #expect(period.at("properties", "opensAt", "format") == .string("date-time"))
        #expect(period.at("properties", "announcedOn", "format") == .string("date"))
        #expect(period.at("properties", "fee", "pattern") != nil)
        #expect(period.at("properties", "quota", "minimum") == .integer(0))
        #expect(period.at("properties", "status") == .object(["$ref": .string("#/components/schemas/PeriodStatus")]))
        #expect(schemas["PeriodStatus"] == .object(["type": .string("string"), "enum": .strings(["upcoming", "open", "closed"])]))
        #expect(schemas["Page_Period"]?.at("properties", "items") == .object([
            "type": .string("array"), "items": .object(["$ref": .string("#/components/schemas/Period")]),
        ]))
        // The dictionary of the readiness report is allowed here (not in events).
        #expect(schemas["ReadinessReport"]?.at("properties", "checks") == .object([
            "type": .string("object"), "additionalProperties": .object(["$ref": .string("#/components/schemas/CheckResult")]),
        ]))
        // The shared problem: `status` as the wire name, the optional members optional.
        let problem = try #require(schemas["Problem"])
        #expect(problem["required"] == .strings(["type", "title", "status"]))
        #expect(problem.at("properties", "errors", "items") == .object(["$ref": .string("#/components/schemas/FieldIssue")]))
    }

    @Test func theSameTypeUsedTwiceIsOneReference() throws {
        let reference = EventJSON.object(["$ref": .string("#/components/schemas/Period")])
        let schema = { (path: String) in
            self.json.at("paths", path, "get", "responses", "200", "content", "application/json", "schema")
        }
        #expect(schema("/v1/periods/{periodId}") == reference)
        #expect(schema("/v1/periods/current") == reference)
        #expect(schema("/v1/periods") == .object(["$ref": .string("#/components/schemas/Page_Period")]))
    }

    @Test func parametersCarryTheirSchemas() throws {
        let list = try #require(json.at("paths", "/v1/periods", "get", "parameters")?.arrayValue)
        #expect(list.map { $0["name"]?.stringValue } == ["cursor", "limit", "status"])
        #expect(list.allSatisfy { $0["in"] == .string("query") && $0["required"] == .bool(false) })
        #expect(list[1]["schema"] == .object(["type": .string("integer"), "minimum": .integer(1), "maximum": .integer(100)]))
        #expect(list[2].at("schema", "enum") == .strings(["upcoming", "open", "closed"]))
        let path = try #require(json.at("paths", "/v1/periods/{periodId}", "get", "parameters")?.arrayValue)
        #expect(path == [.object([
            "name": .string("periodId"), "in": .string("path"), "required": .bool(true),
            "schema": .object(["type": .string("string"), "format": .string("uuid")]),
        ])])
    }

    @Test func jsonAndBinaryBodiesWithSecurity() throws {
        let create = try #require(json.at("paths", "/v1/admin/periods", "post"))
        #expect(create.at("requestBody", "content", "application/json", "schema") == .object([
            "$ref": .string("#/components/schemas/CreatePeriod"),
        ]))
        #expect(create.at("requestBody", "required") == .bool(true))
        #expect(create.at("requestBody", "x-max-bytes") == .integer(65_536))
        #expect(create["security"] == .array([.object(["bearerAuth": .array([])])]))
        #expect(create["x-required-roles"] == .strings(["admin"]))
        #expect(create["description"]?.stringValue?.contains("`admin`") == true)
        #expect(create.at("responses", "201", "headers", "Location", "schema") == .object(["type": .string("string")]))

        let upload = try #require(
            json.at("paths", "/v1/applications/{applicationId}/documents/{documentType}", "put"))
        #expect(upload.at("requestBody", "content") == .object([
            "application/pdf": .object([:]), "image/jpeg": .object([:]), "image/png": .object([:]),
        ]))
        #expect(upload.at("requestBody", "description") == .string("The file itself. At most 2097152 bytes."))
        let download = try #require(
            json.at("paths", "/v1/applications/{applicationId}/documents/{documentType}", "get"))
        #expect(download.at("responses", "200", "content")?.objectValue?.keys.sorted() == OpenAPISamples.uploadTypes)
        #expect(download["security"] == .array([.object(["bearerAuth": .array([])])]))
        #expect(download["x-required-roles"] == nil)

        #expect(json.at("paths", "/v1/periods", "get", "security") == .array([]), "public operations say so")
        #expect(json.at("paths", "/v1/applications/{applicationId}", "delete", "responses", "204") == .object([
            "description": .string("No Content"),
        ]))
    }

    @Test func commonProblemResponsesFollowTheOperation() throws {
        func statuses(_ path: String, _ method: String) -> [String] {
            json.at("paths", path, method, "responses")?.objectValue?.keys.sorted() ?? []
        }
        #expect(statuses("/v1/admin/periods", "post")
            == ["201", "400", "401", "403", "409", "413", "415", "422", "500", "503"])
        #expect(statuses("/v1/periods/{periodId}", "get") == ["200", "400", "401", "404", "500", "503"])
        #expect(statuses("/v1/periods/current", "get") == ["200", "401", "404", "500", "503"])
        #expect(statuses("/v1/applications/{applicationId}/documents/{documentType}", "put")
            == ["201", "400", "401", "403", "404", "413", "415", "429", "500", "503"])
        #expect(statuses("/v1/applications/{applicationId}/documents/{documentType}", "get")
            == ["200", "400", "401", "404", "500", "503"])
        #expect(statuses("/health/ready", "get") == ["200", "503"])
        let problem = json.at("paths", "/v1/admin/periods", "post", "responses", "409")
        #expect(problem?.at("content") == .object([
            "application/problem+json": .object(["schema": .object(["$ref": .string("#/components/schemas/Problem")])]),
        ]))
        // A readiness 503 is the report, not a problem.
        #expect(json.at("paths", "/health/ready", "get", "responses", "503", "content", "application/json") != nil)
    }

    @Test func theRuntimeEndpointsAreDescribed() throws {
        #expect(json.at("paths", "/metrics", "get", "responses", "200", "content", "text/plain", "schema")
            == .object(["type": .string("string")]))
        #expect(json.at("paths", "/info", "get", "responses", "200", "content", "application/json", "schema")
            == .object(["$ref": .string("#/components/schemas/ServiceInfo")]))
        #expect(json.at("paths", "/health/live", "get", "responses", "200", "content", "application/json", "schema")
            == .object(["type": .string("object"), "additionalProperties": .object(["type": .string("string")])]))
        #expect(json.at("paths", "/openapi.json", "get", "operationId") == .string("getOpenAPIDocument"))
        for path in ["/health/live", "/health/ready", "/metrics", "/info", "/openapi.json"] {
            #expect(json.at("paths", path, "get", "security") == .array([]), "\(path)")
            #expect(json.at("paths", path, "get", "tags") == .strings(["operations"]), "\(path)")
        }
    }

    @Test func outputIsStableSortedJSON() throws {
        let first = try OpenAPISamples.document().jsonData()
        let second = try OpenAPISamples.document().jsonData()
        #expect(first == second)
        // Foundation agrees it is JSON, and re-encoding with sorted keys changes no key order.
        let parsed = try #require(try JSONSerialization.jsonObject(with: first) as? [String: Any])
        #expect(parsed["openapi"] as? String == OpenAPIDocument.openAPIVersion)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.hasPrefix(#"{"components":{"schemas":{"CheckResult":"#), "\(text.prefix(80))")
        #expect(try OpenAPISamples.document().jsonData(pretty: true).count > first.count)
    }

    @Test func mistakesAreReportedWhenRendering() throws {
        func renderingError(_ add: (inout OpenAPIDocument) -> Void) -> OpenAPIError? {
            var document = OpenAPIDocument(title: "t", version: "1")
            add(&document)
            let result = Result { () throws(OpenAPIError) -> Data in try document.jsonData() }
            if case .failure(let error) = result { return error }
            return nil
        }
        let ok = OpenAPIResponse.json(200, OpenAPISamples.Receipt.self)
        #expect(renderingError { $0.add(.get("/a", operationId: "x", summary: "", responses: [ok])) } == nil)
        #expect(renderingError {
            $0.add(.get("/a", operationId: "x", summary: "", responses: [ok]))
            $0.add(.get("/b", operationId: "x", summary: "", responses: [ok]))
        } == .duplicateOperationId("x"))
        #expect(renderingError {
            $0.add(.get("/a", operationId: "x", summary: "", responses: [ok]))
            $0.add(.get("/a", operationId: "y", summary: "", responses: [ok]))
        } == .duplicateOperation(method: "get", path: "/a"))
        #expect(renderingError { $0.add(.get("/a/{id}", operationId: "x", summary: "", responses: [ok])) }
            == .pathParameterMismatch(operationId: "x", template: ["id"], declared: []))
        #expect(renderingError {
            $0.add(.get("/a", operationId: "x", summary: "", parameters: [.path("id")], responses: [ok]))
        } == .pathParameterMismatch(operationId: "x", template: [], declared: ["id"]))
        #expect(renderingError { $0.add(.get("a", operationId: "x", summary: "", responses: [ok])) }
            == .invalidPath(operationId: "x", path: "a"))

        enum Plain: String, Codable { case only }
        struct Unsupported: Codable { var kind: Plain }
        let error = renderingError {
            $0.add(.post("/a", operationId: "x", summary: "", body: .json(Unsupported.self), responses: [ok]))
        }
        guard case .schema(let operationId, let source, let underlying)? = error else {
            Issue.record("expected a schema error, got \(String(describing: error))")
            return
        }
        #expect(operationId == "x")
        #expect(source == "Unsupported")
        #expect(underlying.description.contains("kind"))
    }

    @Test func typesWithTheSameShortNameGetDistinctComponents() throws {
        enum First { struct Item: Codable { var a: Int } }
        enum Second { struct Item: Codable { var b: String } }
        struct Both: Codable { var first: First.Item; var second: Second.Item; var again: First.Item }
        var definitions = SchemaDefinitions(referencePrefix: "#/components/schemas/")
        let root = try EventSchemaGenerator.payloadSchema(for: Both.self, definitions: &definitions)
        #expect(root == .object(["$ref": .string("#/components/schemas/Both")]))
        let both = try #require(definitions.schemas["Both"])
        #expect(both.at("properties", "first") == .object(["$ref": .string("#/components/schemas/Item")]))
        #expect(both.at("properties", "again") == .object(["$ref": .string("#/components/schemas/Item")]))
        let second = try #require(both.at("properties", "second", "$ref")?.stringValue)
        #expect(second != "#/components/schemas/Item")
        let secondName = String(second.dropFirst("#/components/schemas/".count))
        #expect(secondName.range(of: "^[A-Za-z0-9._-]+$", options: .regularExpression) != nil, "\(secondName)")
        #expect(definitions.schemas[secondName]?.at("properties", "b") == .object(["type": .string("string")]))
        #expect(definitions.schemas.count == 3)
        // Dictionaries stay refused unless allowed, as for events.
        struct Keyed: Codable { var scores: [String: Int] }
        var strict = SchemaDefinitions()
        #expect(throws: SchemaGenerationError.self) {
            try EventSchemaGenerator.payloadSchema(for: Keyed.self, definitions: &strict)
        }
        #expect(strict.schemas.isEmpty, "a failed derivation leaves the definitions unchanged")
    }

    @Test func aServiceDocumentIsTheRuntimePlusItsOwnOperations() throws {
        struct Minimal: OpenAPIDescribed {
            func openAPI(into document: inout OpenAPIDocument) {
                document.add(.get("/v1/ping", operationId: "ping", summary: "Ping", responses: [.empty(204)]))
            }
        }
        var document = OpenAPIDocument.runtime(serviceName: "minimal")
        Minimal().openAPI(into: &document)
        let json = try document.jsonValue()
        #expect(json.at("paths", "/v1/ping", "get", "operationId") == .string("ping"))
        #expect(json.at("paths", "/health/live", "get") != nil)
    }
}

/// Stands in for a ``RecruitmentService`` (whose initializer needs PostgreSQL) in the test above.
private protocol OpenAPIDescribed {
    func openAPI(into document: inout OpenAPIDocument)
}

extension EventJSON {
    /// An array of strings.
    static func strings(_ values: [String]) -> EventJSON { .array(values.map(EventJSON.string)) }
}
