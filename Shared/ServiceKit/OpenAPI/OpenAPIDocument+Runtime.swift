import Foundation
import HTTPTypes
import Hummingbird
import RecruitmentEvents

extension OpenAPIDocument {
    /// The tag of the operations endpoints.
    public static let operationsTag = "operations"

    /// The document of a service before it adds its own operations: title, version and the endpoints the shared
    /// runtime serves on every service (``addRuntimeEndpoints()``).
    public static func runtime(serviceName: String, version: String = SuiteVersion.current) -> OpenAPIDocument {
        var document = OpenAPIDocument(
            title: "ASN recruitment — \(serviceName)", version: version,
            description: "The HTTP API of the `\(serviceName)` service. Every error is `application/problem+json` "
                + "(RFC 9457) with a stable `type`; validation problems name each field in `errors[]`. Instants are "
                + "UTC ISO 8601; UUIDs may be written in either case.")
        document.addRuntimeEndpoints()
        return document
    }

    /// Adds the unauthenticated endpoints every service serves: `/health/live`, `/health/ready`, `/metrics`,
    /// `/info` and `/openapi.json` (they answer even while the database is down).
    public mutating func addRuntimeEndpoints() {
        addTag(Self.operationsTag, description: "Health, metrics and build information; no authentication.")
        let tags = [Self.operationsTag]
        add(OpenAPIOperation(
            method: .get, path: "/health/live", operationId: "getLiveness", summary: "The process is up",
            tags: tags, responses: [.json(200, [String: String].self, description: "Always `{\"status\": \"live\"}`")],
            includesCommonProblems: false))
        add(OpenAPIOperation(
            method: .get, path: "/health/ready", operationId: "getReadiness",
            summary: "PostgreSQL and the broker reachable, migrations applied, projections caught up",
            tags: tags,
            responses: [
                .json(200, ReadinessReport.self, description: "Ready; every check passed"),
                .json(503, ReadinessReport.self, description: "Not ready; the failing checks say why"),
            ],
            includesCommonProblems: false))
        add(OpenAPIOperation(
            method: .get, path: "/metrics", operationId: "getMetrics", summary: "Prometheus metrics",
            tags: tags, responses: [.text(200, description: "Prometheus text exposition format 0.0.4")],
            includesCommonProblems: false))
        add(OpenAPIOperation(
            method: .get, path: "/info", operationId: "getInfo",
            summary: "Version, build, topics and consumer positions", tags: tags,
            responses: [.json(200, ServiceInfo.self)], includesCommonProblems: false))
        add(OpenAPIOperation(
            method: .get, path: "/openapi.json", operationId: "getOpenAPIDocument", summary: "This document",
            tags: tags,
            responses: [.json(200, schema: .object([
                "type": .string("object"),
                "required": .array(["openapi", "info", "paths"].map(EventJSON.string)),
            ]), description: "The OpenAPI 3.1 document of this service")],
            includesCommonProblems: false))
    }
}

extension RecruitmentService {
    /// The complete OpenAPI document of this service: the runtime's endpoints plus what ``openAPI(into:)`` adds.
    /// Render it with ``OpenAPIDocument/jsonData(pretty:)`` (a service's tests should, to catch mistakes early).
    public func openAPIDocument() -> OpenAPIDocument {
        var document = OpenAPIDocument.runtime(serviceName: Self.name)
        openAPI(into: &document)
        return document
    }
}

/// The rendered document, served as is by `GET /openapi.json`.
struct OpenAPIDocumentResponse: ResponseGenerator {
    let data: Data

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
