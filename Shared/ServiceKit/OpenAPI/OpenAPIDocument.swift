public import Foundation
public import RecruitmentEvents

/// A server a document names (OpenAPI `servers`).
public struct OpenAPIServer: Sendable, Equatable {
    /// The base URL, e.g. `https://rekrutmen.kupangkota.go.id`.
    public var url: String
    public var description: String?

    public init(url: String, description: String? = nil) {
        self.url = url
        self.description = description
    }
}

/// A group of operations (OpenAPI `tags`).
public struct OpenAPITag: Sendable, Equatable {
    public var name: String
    public var description: String?

    public init(name: String, description: String? = nil) {
        self.name = name
        self.description = description
    }
}

/// The OpenAPI 3.1 document of one service, built from typed values and served at `GET /openapi.json`.
///
/// Bodies are described by Swift types (``OpenAPISchema/type(_:)``), derived with the event schema generator when the
/// document is rendered, so the contract cannot drift from the code: each named type is one component schema under
/// `#/components/schemas/<SwiftName>`, and every problem response refers to the shared ``Problem`` schema. The
/// runtime adds the operations endpoints and `/openapi.json`; a service adds its own operations in
/// ``RecruitmentService/openAPI(into:)``:
///
/// ```swift
/// func openAPI(into document: inout OpenAPIDocument) {
///     document.add(.post(
///         "/v1/registrations", operationId: "register", summary: "Register and apply to a formation",
///         tags: ["registration"], body: .json(RegistrationRequest.self),
///         responses: [.json(201, RegistrationReceipt.self, description: "Registered")],
///         problems: [409, 422, 429]))
/// }
/// ```
///
/// Rendering (``jsonData(pretty:)``) is deterministic: sorted keys, components named in the order types are first met.
public struct OpenAPIDocument: Sendable {
    /// The OpenAPI version written to `openapi`.
    public static let openAPIVersion = "3.1.0"
    /// The name of the bearer-JWT security scheme.
    public static let bearerSchemeName = "bearerAuth"
    /// The prefix of component schema references.
    public static let schemaReferencePrefix = "#/components/schemas/"

    /// `info.title`.
    public var title: String
    /// `info.version`: the suite's version, not the OpenAPI version.
    public var version: String
    /// `info.description` (Markdown).
    public var description: String?
    /// Where the API is served; optional.
    public var servers: [OpenAPIServer]
    /// Declared tags, in display order; tags operations use without declaring them are appended when rendering.
    public var tags: [OpenAPITag]
    /// The operations, in the order they were added.
    public private(set) var operations: [OpenAPIOperation] = []

    /// An empty document; the runtime starts services from ``runtime(serviceName:version:)`` instead.
    public init(title: String, version: String, description: String? = nil, servers: [OpenAPIServer] = [],
                tags: [OpenAPITag] = []) {
        self.title = title
        self.version = version
        self.description = description
        self.servers = servers
        self.tags = tags
    }

    /// Adds an operation. Mistakes (a duplicate, a path parameter not declared) surface when rendering.
    public mutating func add(_ operation: OpenAPIOperation) {
        operations.append(operation)
    }

    /// Declares a tag (or updates the description of a declared one).
    public mutating func addTag(_ name: String, description: String? = nil) {
        if let index = tags.firstIndex(where: { $0.name == name }) {
            tags[index].description = description ?? tags[index].description
        } else {
            tags.append(OpenAPITag(name: name, description: description))
        }
    }

    /// The document as JSON bytes with sorted keys: compact, or indented with two spaces.
    public func jsonData(pretty: Bool = false) throws(OpenAPIError) -> Data {
        Data(try jsonValue().text(pretty: pretty).utf8)
    }

    /// The document as a JSON value.
    public func jsonValue() throws(OpenAPIError) -> EventJSON {
        var renderer = OpenAPIRenderer()
        return try renderer.render(self)
    }
}

/// Turns an ``OpenAPIDocument`` into its JSON, deriving component schemas on the way.
struct OpenAPIRenderer {
    var definitions = SchemaDefinitions(
        referencePrefix: OpenAPIDocument.schemaReferencePrefix, allowsStringKeyedDictionaries: true)

    mutating func render(_ document: OpenAPIDocument) throws(OpenAPIError) -> EventJSON {
        // The shared problem schema first, so it always has its plain name.
        let problem = try schema(.type(Problem.self), operationId: "(problem responses)")
        var paths: [String: [String: EventJSON]] = [:]
        var operationIds = Set<String>()
        var tags = document.tags
        for operation in document.operations {
            guard operationIds.insert(operation.operationId).inserted else {
                throw .duplicateOperationId(operation.operationId)
            }
            guard paths[operation.path]?[operation.method.rawValue] == nil else {
                throw .duplicateOperation(method: operation.method.rawValue, path: operation.path)
            }
            for tag in operation.tags where !tags.contains(where: { $0.name == tag }) {
                tags.append(OpenAPITag(name: tag))
            }
            paths[operation.path, default: [:]][operation.method.rawValue] = try render(operation, problem: problem)
        }

        var info: [String: EventJSON] = ["title": .string(document.title), "version": .string(document.version)]
        if let description = document.description { info["description"] = .string(description) }
        var root: [String: EventJSON] = [
            "openapi": .string(OpenAPIDocument.openAPIVersion),
            "info": .object(info),
            "paths": .object(paths.mapValues(EventJSON.object)),
            "components": .object([
                "schemas": .object(definitions.schemas),
                "securitySchemes": .object([
                    OpenAPIDocument.bearerSchemeName: .object([
                        "type": .string("http"),
                        "scheme": .string("bearer"),
                        "bearerFormat": .string("JWT"),
                        "description": .string(
                            "A short-lived JWT (`Authorization: Bearer <token>`). The roles an operation needs are "
                                + "listed in its description and its `x-required-roles`."),
                    ]),
                ]),
            ]),
        ]
        if !document.servers.isEmpty {
            root["servers"] = .array(document.servers.map { server in
                var object: [String: EventJSON] = ["url": .string(server.url)]
                if let description = server.description { object["description"] = .string(description) }
                return .object(object)
            })
        }
        if !tags.isEmpty {
            root["tags"] = .array(tags.map { tag in
                var object: [String: EventJSON] = ["name": .string(tag.name)]
                if let description = tag.description { object["description"] = .string(description) }
                return .object(object)
            })
        }
        return .object(root)
    }

    private mutating func render(
        _ operation: OpenAPIOperation, problem: EventJSON
    ) throws(OpenAPIError) -> EventJSON {
        try check(operation)
        var object: [String: EventJSON] = [
            "operationId": .string(operation.operationId),
            "summary": .string(operation.summary),
        ]
        let roles = operation.security.roles
        var description = operation.description ?? ""
        if !roles.isEmpty {
            if !description.isEmpty { description += "\n\n" }
            description += "Requires a bearer token with one of the roles: "
                + roles.map { "`\($0)`" }.joined(separator: ", ") + "."
        }
        if !description.isEmpty { object["description"] = .string(description) }
        if !operation.tags.isEmpty { object["tags"] = .array(operation.tags.map(EventJSON.string)) }
        if operation.deprecated { object["deprecated"] = .bool(true) }
        switch operation.security {
        case .public:
            object["security"] = .array([])
        case .bearer(let roles):
            object["security"] = .array([.object([OpenAPIDocument.bearerSchemeName: .array([])])])
            if !roles.isEmpty { object["x-required-roles"] = .array(roles.map(EventJSON.string)) }
        }
        if !operation.parameters.isEmpty {
            object["parameters"] = .array(operation.parameters.map(Self.render))
        }
        if let body = operation.requestBody {
            object["requestBody"] = try render(body, operationId: operation.operationId)
        }
        var responses: [String: EventJSON] = [:]
        for response in operation.allResponses {
            responses[response.status.key] = try render(response, operationId: operation.operationId, problem: problem)
        }
        object["responses"] = .object(responses)
        return .object(object)
    }

    private func check(_ operation: OpenAPIOperation) throws(OpenAPIError) {
        let path = operation.path
        let opens = path.filter { $0 == "{" }.count
        let closes = path.filter { $0 == "}" }.count
        guard path.hasPrefix("/"), opens == closes, !path.contains("{}"), !path.contains("?") else {
            throw .invalidPath(operationId: operation.operationId, path: path)
        }
        var seen = Set<String>()
        for parameter in operation.parameters {
            guard seen.insert(parameter.location.rawValue + ":" + parameter.name).inserted else {
                throw .duplicateParameter(operationId: operation.operationId, name: parameter.name)
            }
        }
        let template = operation.pathTemplateNames
        let declared = operation.parameters.filter { $0.location == .path }.map(\.name)
        guard Set(template) == Set(declared), template.count == Set(template).count else {
            throw .pathParameterMismatch(operationId: operation.operationId, template: template, declared: declared)
        }
        guard !operation.allResponses.isEmpty else { throw .noResponses(operationId: operation.operationId) }
        for response in operation.responses {
            if case .code(let code) = response.status, !(100...599).contains(code) {
                throw .invalidStatus(operationId: operation.operationId, status: code)
            }
        }
        for status in operation.problems where !(400...599).contains(status) {
            throw .invalidStatus(operationId: operation.operationId, status: status)
        }
    }

    private static func render(_ parameter: OpenAPIParameter) -> EventJSON {
        var object: [String: EventJSON] = [
            "name": .string(parameter.name),
            "in": .string(parameter.location.rawValue),
            "required": .bool(parameter.required),
            "schema": parameter.type.jsonSchema,
        ]
        if let description = parameter.description { object["description"] = .string(description) }
        return .object(object)
    }

    private mutating func render(
        _ body: OpenAPIRequestBody, operationId: String
    ) throws(OpenAPIError) -> EventJSON {
        var object: [String: EventJSON] = ["required": .bool(body.required)]
        switch body.content {
        case .json(let source):
            object["content"] = .object([
                OpenAPIResponse.jsonMediaType: .object(["schema": try schema(source, operationId: operationId)]),
            ])
        case .binary(let mediaTypes):
            object["content"] = .object(Dictionary(
                mediaTypes.map { ($0, EventJSON.object([:])) }, uniquingKeysWith: { first, _ in first }))
        }
        var description = body.description ?? ""
        if let maxBytes = body.maxBytes {
            object["x-max-bytes"] = .integer(Int64(maxBytes))
            if !description.isEmpty { description += " " }
            description += "At most \(maxBytes) bytes."
        }
        if !description.isEmpty { object["description"] = .string(description) }
        return .object(object)
    }

    private mutating func render(
        _ response: OpenAPIResponse, operationId: String, problem: EventJSON
    ) throws(OpenAPIError) -> EventJSON {
        var object: [String: EventJSON] = ["description": .string(response.description)]
        switch response.body {
        case .none:
            break
        case .json(let source):
            object["content"] = .object([
                OpenAPIResponse.jsonMediaType: .object(["schema": try schema(source, operationId: operationId)]),
            ])
        case .problem:
            object["content"] = .object([OpenAPIResponse.problemMediaType: .object(["schema": problem])])
        case .binary(let mediaTypes):
            object["content"] = .object(Dictionary(
                mediaTypes.map { ($0, EventJSON.object([:])) }, uniquingKeysWith: { first, _ in first }))
        case .text(let mediaType):
            object["content"] = .object([mediaType: .object(["schema": .object(["type": .string("string")])])])
        }
        if !response.headers.isEmpty {
            var headers: [String: EventJSON] = [:]
            for header in response.headers {
                var value: [String: EventJSON] = [
                    "description": .string(header.description), "schema": header.type.jsonSchema,
                ]
                if header.required { value["required"] = .bool(true) }
                headers[header.name] = .object(value)
            }
            object["headers"] = .object(headers)
        }
        return .object(object)
    }

    private mutating func schema(_ source: OpenAPISchema, operationId: String) throws(OpenAPIError) -> EventJSON {
        do {
            return try source.derive(&definitions)
        } catch {
            throw .schema(operationId: operationId, source: source.source, error)
        }
    }
}
