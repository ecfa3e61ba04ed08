import Foundation
import SuiteHarness
import TestSupport

/// The operations a service documents in its live `GET /openapi.json`, as the authorisation matrix needs them.
struct DocumentedOperation: Sendable, CustomStringConvertible {
    /// Upper-case method.
    var method: String
    /// The path template, e.g. `/v1/cases/{caseId}`.
    var template: String
    /// Whether the operation declares a security requirement (`security: [{bearerAuth: []}]`).
    var secured: Bool
    /// `x-required-roles`, if the operation names roles.
    var requiredRoles: Set<String>?
    /// Whether a success is a `text/event-stream` (read only up to its head).
    var streams: Bool
    /// The first media type of the request body, if the operation takes one.
    var requestMediaType: String?
    /// Names of the required query parameters.
    var requiredQuery: [String]

    /// `METHOD /template`, the key of ``AuthorizationTable``.
    var key: String { "\(method) \(template)" }
    var description: String { key }

    /// The access the document claims: what a client reads before it calls.
    var documentedAccess: AuthorizationTable.Access? {
        guard secured else { return nil }
        return requiredRoles.map { .roles($0) } ?? .signedIn
    }
}

/// One service under test: its name, base URL, live document and expected table.
struct ServiceUnderTest: Sendable {
    var name: String
    var baseURL: String
    var operations: [DocumentedOperation]
    var validator: OpenAPIValidator
    var expected: [String: AuthorizationTable.Access]

    struct DocumentError: Error, CustomStringConvertible {
        var description: String
    }

    /// Fetches and reads `baseURL/openapi.json`.
    static func load(_ name: String, baseURL: String, expected: [String: AuthorizationTable.Access]) async throws
        -> ServiceUnderTest
    {
        let response = try await TestHTTP.get("\(baseURL)/openapi.json")
        guard response.status == 200,
              let document = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
              let paths = document["paths"] as? [String: Any]
        else { throw DocumentError(description: "\(name): no OpenAPI document (HTTP \(response.status))") }
        var operations: [DocumentedOperation] = []
        for (template, item) in paths {
            guard let item = item as? [String: Any] else { continue }
            for method in ["get", "put", "post", "delete", "patch"] {
                guard let operation = item[method] as? [String: Any] else { continue }
                operations.append(Self.read(operation, method: method, template: template,
                                            shared: item["parameters"] as? [[String: Any]] ?? []))
            }
        }
        operations.sort { ($0.template, $0.method) < ($1.template, $1.method) }
        return ServiceUnderTest(
            name: name, baseURL: baseURL, operations: operations,
            validator: try OpenAPIValidator(documentData: Data(response.body)), expected: expected)
    }

    static func read(_ operation: [String: Any], method: String, template: String, shared: [[String: Any]])
        -> DocumentedOperation
    {
        let security = operation["security"] as? [[String: Any]] ?? []
        let parameters = shared + (operation["parameters"] as? [[String: Any]] ?? [])
        let success = (operation["responses"] as? [String: Any])?["200"] as? [String: Any]
        let successTypes = (success?["content"] as? [String: Any])?.keys.map { $0 } ?? []
        let requestTypes = ((operation["requestBody"] as? [String: Any])?["content"] as? [String: Any])?.keys
            .sorted() ?? []
        return DocumentedOperation(
            method: method.uppercased(), template: template,
            secured: security.contains { !$0.isEmpty },
            requiredRoles: (operation["x-required-roles"] as? [String]).map(Set.init),
            streams: successTypes.contains("text/event-stream"),
            requestMediaType: requestTypes.first { $0.contains("json") } ?? requestTypes.first,
            requiredQuery: parameters.filter { $0["in"] as? String == "query" && $0["required"] as? Bool == true }
                .compactMap { $0["name"] as? String })
    }
}
