/// A path, query or header parameter of an operation.
public struct OpenAPIParameter: Sendable, Equatable {
    /// Where the parameter is sent (OpenAPI `in`).
    public enum Location: String, Sendable {
        case path, query, header
    }

    /// The name as sent (path placeholder, query key or header name).
    public var name: String
    public var location: Location
    /// The schema of the value.
    public var type: OpenAPIValueType
    /// Always true for path parameters.
    public var required: Bool
    public var description: String?

    /// A parameter; prefer ``path(_:_:description:)``, ``query(_:_:required:description:)`` or
    /// ``header(_:_:required:description:)``.
    public init(name: String, location: Location, type: OpenAPIValueType, required: Bool, description: String? = nil) {
        self.name = name
        self.location = location
        self.type = type
        self.required = location == .path ? true : required
        self.description = description
    }

    /// A path parameter named as in the template (`{periodId}`); a UUID unless said otherwise.
    public static func path(_ name: String, _ type: OpenAPIValueType = .uuid, description: String? = nil)
        -> OpenAPIParameter
    {
        OpenAPIParameter(name: name, location: .path, type: type, required: true, description: description)
    }

    /// A query parameter, optional unless said otherwise.
    public static func query(
        _ name: String, _ type: OpenAPIValueType = .string, required: Bool = false, description: String? = nil
    ) -> OpenAPIParameter {
        OpenAPIParameter(name: name, location: .query, type: type, required: required, description: description)
    }

    /// A request header (other than `Authorization`, which the security requirement describes).
    public static func header(
        _ name: String, _ type: OpenAPIValueType = .string, required: Bool = false, description: String? = nil
    ) -> OpenAPIParameter {
        OpenAPIParameter(name: name, location: .header, type: type, required: required, description: description)
    }
}

/// Who may call an operation.
public enum OpenAPISecurity: Sendable, Equatable {
    /// No authentication (the operation's `security` is `[]`).
    case `public`
    /// A bearer JWT. With roles, the token must carry at least one of them: they are listed in the operation's
    /// description and in its `x-required-roles` extension. Without roles, any signed-in caller.
    case bearer(roles: [String] = [])

    /// The roles, for `.bearer`.
    var roles: [String] {
        switch self {
        case .public: []
        case .bearer(let roles): roles
        }
    }
}

/// The HTTP method of an operation.
public enum OpenAPIMethod: String, Sendable, CaseIterable {
    case get, put, post, delete, patch, head, options
}
