/// One operation (method + path template) of a service's API, added to an ``OpenAPIDocument``:
///
/// ```swift
/// document.add(.get(
///     "/v1/periods/{periodId}", operationId: "getPeriod", summary: "One selection period",
///     tags: ["periods"], parameters: [.path("periodId")],
///     responses: [.json(200, PeriodView.self)]))
/// ```
///
/// Problem responses: unless ``includesCommonProblems`` is false, the responses every route of the shared runtime
/// can give are added from the operation's shape (400 with parameters or a body; 401 always: a token that is sent must
/// be valid even where none is needed, see ``AuthenticationMiddleware``; 403 with roles; 404 with path parameters; 413
/// and 415 with a body; 500; 503 while the database is down), plus the
/// domain-specific ``problems`` (e.g. 409, 422, 429). A response given explicitly in ``responses`` wins.
public struct OpenAPIOperation: Sendable {
    public var method: OpenAPIMethod
    /// The path template, e.g. `/v1/periods/{periodId}`.
    public var path: String
    /// Unique in the document; the name generated clients give the call.
    public var operationId: String
    /// One line for humans.
    public var summary: String
    /// Details (Markdown); required roles are appended.
    public var description: String?
    /// Groups, e.g. `["periods"]`.
    public var tags: [String]
    /// Path, query and header parameters; every `{name}` of ``path`` must be declared with `.path(name)`.
    public var parameters: [OpenAPIParameter]
    public var requestBody: OpenAPIRequestBody?
    /// The documented responses (success and any problem with a specific description).
    public var responses: [OpenAPIResponse]
    public var security: OpenAPISecurity
    /// Extra problem statuses this operation can answer with (beyond the common ones).
    public var problems: [Int]
    /// Whether the common problem responses are added (see the type's documentation).
    public var includesCommonProblems: Bool
    /// Marks the operation deprecated.
    public var deprecated: Bool = false

    /// An operation of any method; the static helpers (``get(_:operationId:summary:description:tags:parameters:security:responses:problems:)``,
    /// `post`, `put`, `patch`, `delete`) read better.
    public init(
        method: OpenAPIMethod, path: String, operationId: String, summary: String, description: String? = nil,
        tags: [String] = [], parameters: [OpenAPIParameter] = [], requestBody: OpenAPIRequestBody? = nil,
        security: OpenAPISecurity = .public, responses: [OpenAPIResponse], problems: [Int] = [],
        includesCommonProblems: Bool = true
    ) {
        self.method = method
        self.path = path
        self.operationId = operationId
        self.summary = summary
        self.description = description
        self.tags = tags
        self.parameters = parameters
        self.requestBody = requestBody
        self.security = security
        self.responses = responses
        self.problems = problems
        self.includesCommonProblems = includesCommonProblems
    }

    /// A `GET` operation.
    public static func get(
        _ path: String, operationId: String, summary: String, description: String? = nil, tags: [String] = [],
        parameters: [OpenAPIParameter] = [], security: OpenAPISecurity = .public, responses: [OpenAPIResponse],
        problems: [Int] = []
    ) -> OpenAPIOperation {
        OpenAPIOperation(
            method: .get, path: path, operationId: operationId, summary: summary, description: description,
            tags: tags, parameters: parameters, security: security, responses: responses, problems: problems)
    }

    /// A `POST` operation.
    public static func post(
        _ path: String, operationId: String, summary: String, description: String? = nil, tags: [String] = [],
        parameters: [OpenAPIParameter] = [], body: OpenAPIRequestBody? = nil, security: OpenAPISecurity = .public,
        responses: [OpenAPIResponse], problems: [Int] = []
    ) -> OpenAPIOperation {
        OpenAPIOperation(
            method: .post, path: path, operationId: operationId, summary: summary, description: description,
            tags: tags, parameters: parameters, requestBody: body, security: security, responses: responses,
            problems: problems)
    }

    /// A `PUT` operation.
    public static func put(
        _ path: String, operationId: String, summary: String, description: String? = nil, tags: [String] = [],
        parameters: [OpenAPIParameter] = [], body: OpenAPIRequestBody? = nil, security: OpenAPISecurity = .public,
        responses: [OpenAPIResponse], problems: [Int] = []
    ) -> OpenAPIOperation {
        OpenAPIOperation(
            method: .put, path: path, operationId: operationId, summary: summary, description: description,
            tags: tags, parameters: parameters, requestBody: body, security: security, responses: responses,
            problems: problems)
    }

    /// A `PATCH` operation.
    public static func patch(
        _ path: String, operationId: String, summary: String, description: String? = nil, tags: [String] = [],
        parameters: [OpenAPIParameter] = [], body: OpenAPIRequestBody? = nil, security: OpenAPISecurity = .public,
        responses: [OpenAPIResponse], problems: [Int] = []
    ) -> OpenAPIOperation {
        OpenAPIOperation(
            method: .patch, path: path, operationId: operationId, summary: summary, description: description,
            tags: tags, parameters: parameters, requestBody: body, security: security, responses: responses,
            problems: problems)
    }

    /// A `DELETE` operation.
    public static func delete(
        _ path: String, operationId: String, summary: String, description: String? = nil, tags: [String] = [],
        parameters: [OpenAPIParameter] = [], security: OpenAPISecurity = .public, responses: [OpenAPIResponse],
        problems: [Int] = []
    ) -> OpenAPIOperation {
        OpenAPIOperation(
            method: .delete, path: path, operationId: operationId, summary: summary, description: description,
            tags: tags, parameters: parameters, security: security, responses: responses, problems: problems)
    }

    /// The same operation without the common problem responses (only ``problems`` and explicit ones).
    public func withoutCommonProblems() -> OpenAPIOperation {
        var operation = self
        operation.includesCommonProblems = false
        return operation
    }

    /// The problem statuses that follow from the operation's shape (see the type's documentation).
    public var commonProblemStatuses: [Int] {
        var statuses: Set<Int> = [500, 503]
        let hasInput = !parameters.isEmpty || requestBody != nil
        if hasInput { statuses.insert(400) }
        // Every service route sits behind the authentication middleware, which refuses a token that is sent and
        // not valid, on public operations too (the operations endpoints, registered before it, leave these out).
        statuses.insert(401)
        if case .bearer(let roles) = security, !roles.isEmpty { statuses.insert(403) }
        if !pathTemplateNames.isEmpty { statuses.insert(404) }
        if requestBody != nil { statuses.formUnion([413, 415]) }
        return statuses.sorted()
    }

    /// Every response to document: the explicit ones, then problems for the common and extra statuses not given.
    var allResponses: [OpenAPIResponse] {
        var result = responses
        let given = Set(responses.map(\.status))
        let statuses = Set((includesCommonProblems ? commonProblemStatuses : []) + problems)
        for status in statuses.sorted() where !given.contains(.code(status)) {
            let publicRefusal = status == 401 && security == .public
            let description = publicRefusal ? "A bearer token was sent and is not valid (none is needed)" : nil
            result.append(.problem(.code(status), description: description))
        }
        return result.sorted { $0.status < $1.status }
    }

    /// The names of the `{…}` placeholders of ``path``, in order.
    var pathTemplateNames: [String] {
        var names: [String] = []
        var current: String?
        for character in path {
            switch character {
            case "{": current = ""
            case "}":
                if let name = current { names.append(name) }
                current = nil
            default: current?.append(character)
            }
        }
        return names
    }
}
