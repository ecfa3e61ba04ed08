public import RecruitmentEvents

/// Why an ``OpenAPIDocument`` could not be rendered: a programming error in a service's description, found when the
/// service starts (it refuses to) and by the service's tests.
public enum OpenAPIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The schema of a Swift type could not be derived.
    case schema(operationId: String, source: String, SchemaGenerationError)
    /// Two operations share an `operationId`.
    case duplicateOperationId(String)
    /// Two operations share a method and path.
    case duplicateOperation(method: String, path: String)
    /// A path does not start with `/` or has unbalanced braces.
    case invalidPath(operationId: String, path: String)
    /// A `{name}` of the path has no path parameter, or a path parameter is not in the path.
    case pathParameterMismatch(operationId: String, template: [String], declared: [String])
    /// Two parameters share a name and location.
    case duplicateParameter(operationId: String, name: String)
    /// The operation documents no response.
    case noResponses(operationId: String)
    /// A response status outside 100...599.
    case invalidStatus(operationId: String, status: Int)

    public var description: String {
        switch self {
        case .schema(let operationId, let source, let error):
            "OpenAPI operation \(operationId): cannot derive the schema of \(source): \(error)"
        case .duplicateOperationId(let operationId):
            "OpenAPI operationId \(operationId) is used twice"
        case .duplicateOperation(let method, let path):
            "OpenAPI operation \(method.uppercased()) \(path) is described twice"
        case .invalidPath(let operationId, let path):
            "OpenAPI operation \(operationId): invalid path template \(path)"
        case .pathParameterMismatch(let operationId, let template, let declared):
            "OpenAPI operation \(operationId): the path has parameters \(template) but declares \(declared)"
        case .duplicateParameter(let operationId, let name):
            "OpenAPI operation \(operationId): parameter \(name) is declared twice"
        case .noResponses(let operationId):
            "OpenAPI operation \(operationId) documents no response"
        case .invalidStatus(let operationId, let status):
            "OpenAPI operation \(operationId): invalid status \(status)"
        }
    }
}
