/// One place where a body breaks its schema: a JSON path (`$.items[3].status`) and what is wrong there.
public struct OpenAPIViolation: Sendable, Equatable, CustomStringConvertible {
    /// The JSON path of the offending value (for a missing required member: the member's path).
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Why a response does not match the OpenAPI document (or why the document cannot be used).
public enum OpenAPIValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The document is not JSON or lacks what validation needs.
    case invalidDocument(String)
    /// No path template of the document matches the path.
    case unknownPath(method: String, path: String)
    /// A template matches, but it has no operation for the method.
    case unknownMethod(method: String, path: String, template: String, documented: [String])
    /// The operation documents neither the status, nor its `nXX` range, nor `default`.
    case undocumentedStatus(operation: String, status: Int, documented: [String])
    /// The response's content type is not one the document lists for the status (or a body-less response has one
    /// with a body).
    case undocumentedContentType(operation: String, status: Int, contentType: String?, documented: [String])
    /// A component schema the caller named does not exist.
    case unknownSchema(String)
    /// The body breaks the schema: every violation, with its JSON path.
    case invalidBody(operation: String, status: Int, violations: [OpenAPIViolation])

    /// The schema violations (empty for the other cases).
    public var violations: [OpenAPIViolation] {
        if case .invalidBody(_, _, let violations) = self { return violations }
        return []
    }

    public var description: String {
        switch self {
        case .invalidDocument(let reason):
            return "the OpenAPI document cannot be used: \(reason)"
        case .unknownPath(let method, let path):
            return "\(method) \(path): no path of the OpenAPI document matches"
        case .unknownMethod(let method, let path, let template, let documented):
            return "\(method) \(path): \(template) is documented only for \(documented.joined(separator: ", "))"
        case .undocumentedStatus(let operation, let status, let documented):
            return "\(operation): status \(status) is not documented (documented: \(documented.joined(separator: ", ")))"
        case .undocumentedContentType(let operation, let status, let contentType, let documented):
            let documentedText = documented.isEmpty ? "no body" : documented.joined(separator: ", ")
            return "\(operation) → \(status): content type \(contentType ?? "(none)") is not documented "
                + "(documented: \(documentedText))"
        case .unknownSchema(let name):
            return "the OpenAPI document has no component schema \(name)"
        case .invalidBody(let operation, let status, let violations):
            return "\(operation) → \(status): the body breaks the OpenAPI schema in \(violations.count) place(s):\n"
                + violations.map { "  \($0)" }.joined(separator: "\n")
        }
    }
}
