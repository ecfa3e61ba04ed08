public import RecruitmentEvents

/// The request body of an operation: JSON described by a Swift type, or raw bytes (document uploads).
public struct OpenAPIRequestBody: Sendable {
    enum Content: Sendable {
        case json(OpenAPISchema)
        case binary(mediaTypes: [String])
    }

    let content: Content
    /// What the body is (Markdown); the size limit is appended.
    public var description: String?
    /// Whether a body must be sent.
    public var required: Bool
    /// The largest accepted body, in bytes (`x-max-bytes`; larger ones get 413).
    public var maxBytes: Int?

    /// A JSON body (`application/json`) decoded as `type`.
    public static func json<T: Decodable & SendableMetatype>(
        _ type: T.Type, description: String? = nil, required: Bool = true, maxBytes: Int? = nil
    ) -> OpenAPIRequestBody {
        OpenAPIRequestBody(content: .json(.type(type)), description: description, required: required,
                           maxBytes: maxBytes)
    }

    /// A JSON body described by a literal schema.
    public static func json(
        schema: EventJSON, description: String? = nil, required: Bool = true, maxBytes: Int? = nil
    ) -> OpenAPIRequestBody {
        OpenAPIRequestBody(content: .json(.literal(schema)), description: description, required: required,
                           maxBytes: maxBytes)
    }

    /// Raw bytes in one of `mediaTypes` (e.g. `application/pdf`, `image/jpeg`), sent as the whole body.
    public static func binary(
        _ mediaTypes: [String], description: String? = nil, maxBytes: Int? = nil
    ) -> OpenAPIRequestBody {
        OpenAPIRequestBody(content: .binary(mediaTypes: mediaTypes), description: description, required: true,
                           maxBytes: maxBytes)
    }
}

/// The status a response is documented for: a code, or `default` (any other).
public enum OpenAPIStatus: Sendable, Hashable, Comparable, ExpressibleByIntegerLiteral {
    case code(Int)
    case `default`

    public init(integerLiteral value: Int) {
        self = .code(value)
    }

    /// The key in the operation's `responses`.
    var key: String {
        switch self {
        case .code(let code): String(code)
        case .default: "default"
        }
    }

    public static func < (lhs: OpenAPIStatus, rhs: OpenAPIStatus) -> Bool {
        switch (lhs, rhs) {
        case (.code(let left), .code(let right)): left < right
        case (.code, .default): true
        case (.default, _): false
        }
    }
}

/// A response header.
public struct OpenAPIHeader: Sendable, Equatable {
    /// The header name, e.g. `Location`.
    public var name: String
    public var description: String
    public var type: OpenAPIValueType
    public var required: Bool

    /// A header; usually added with ``OpenAPIResponse/header(_:description:type:required:)``.
    public init(name: String, description: String, type: OpenAPIValueType = .string, required: Bool = false) {
        self.name = name
        self.description = description
        self.type = type
        self.required = required
    }
}

/// One documented response of an operation.
public struct OpenAPIResponse: Sendable {
    enum Body: Sendable {
        case none
        case json(OpenAPISchema)
        case problem
        case binary(mediaTypes: [String])
        case text(mediaType: String)
    }

    /// The status it is documented for.
    public var status: OpenAPIStatus
    /// What the response means (required by OpenAPI; defaults to the reason phrase).
    public var description: String
    let body: Body
    /// Response headers worth documenting.
    public var headers: [OpenAPIHeader] = []

    /// The media type of JSON bodies.
    public static let jsonMediaType = "application/json"
    /// The media type of problem bodies (RFC 9457).
    public static let problemMediaType = "application/problem+json"

    /// A JSON body encoded from `type` (which must also be Decodable: its decoding defines the schema).
    public static func json<T: Decodable & SendableMetatype>(
        _ status: OpenAPIStatus = 200, _ type: T.Type, description: String? = nil
    ) -> OpenAPIResponse {
        OpenAPIResponse(status: status, description: description ?? status.reasonPhrase, body: .json(.type(type)))
    }

    /// A JSON body described by a literal schema.
    public static func json(
        _ status: OpenAPIStatus = 200, schema: EventJSON, description: String? = nil
    ) -> OpenAPIResponse {
        OpenAPIResponse(status: status, description: description ?? status.reasonPhrase, body: .json(.literal(schema)))
    }

    /// An `application/problem+json` body (the shared ``Problem`` schema).
    public static func problem(_ status: OpenAPIStatus, description: String? = nil) -> OpenAPIResponse {
        OpenAPIResponse(
            status: status, description: description ?? OpenAPIResponse.problemDescription(status), body: .problem)
    }

    /// Raw bytes in one of `mediaTypes` (e.g. a stored document).
    public static func binary(
        _ status: OpenAPIStatus = 200, _ mediaTypes: [String], description: String? = nil
    ) -> OpenAPIResponse {
        OpenAPIResponse(status: status, description: description ?? status.reasonPhrase,
                        body: .binary(mediaTypes: mediaTypes))
    }

    /// A text body (e.g. `text/plain` Prometheus metrics, `text/csv` open data).
    public static func text(
        _ status: OpenAPIStatus = 200, mediaType: String = "text/plain", description: String? = nil
    ) -> OpenAPIResponse {
        OpenAPIResponse(status: status, description: description ?? status.reasonPhrase,
                        body: .text(mediaType: mediaType))
    }

    /// No body (e.g. 204).
    public static func empty(_ status: OpenAPIStatus = 204, description: String? = nil) -> OpenAPIResponse {
        OpenAPIResponse(status: status, description: description ?? status.reasonPhrase, body: .none)
    }

    /// The same response with a header added (e.g. `Location` on a 201, `Retry-After` on a 429).
    public func header(
        _ name: String, description: String, type: OpenAPIValueType = .string, required: Bool = false
    ) -> OpenAPIResponse {
        var response = self
        response.headers.append(OpenAPIHeader(name: name, description: description, type: type, required: required))
        return response
    }

    /// Problem responses for `statuses`, each with the standard description.
    public static func problems(_ statuses: [Int]) -> [OpenAPIResponse] {
        statuses.map { problem(.code($0)) }
    }

    /// What a problem response of `status` means in this suite.
    static func problemDescription(_ status: OpenAPIStatus) -> String {
        guard case .code(let code) = status else { return "An error (problem details)" }
        return switch code {
        case 400: "The request is not valid (`/problems/validation-failed`, `errors[]` names each field)"
        case 401: "No valid bearer token"
        case 403: "The token lacks a required role"
        case 404: "No such resource (`/problems/not-found`)"
        case 409: "The request conflicts with the current state"
        case 413: "The request body is too large (`/problems/payload-too-large`)"
        case 415: "The request body has an unsupported media type (`/problems/unsupported-media-type`)"
        case 422: "The request is well-formed but breaks a rule (`errors[]` names each field)"
        case 429: "Too many requests; retry later"
        case 500: "An unexpected failure; quote the correlation id (`/problems/internal-error`)"
        case 503: "A dependency is down; retry shortly (`/problems/service-unavailable`)"
        default: status.reasonPhrase
        }
    }
}

extension OpenAPIStatus {
    /// The HTTP reason phrase, the default description of a response.
    var reasonPhrase: String {
        switch self {
        case .code(let code):
            let phrase = HTTPStatusPhrase.phrase(code)
            return phrase.isEmpty ? "Status \(code)" : phrase
        case .default:
            return "Any other status"
        }
    }
}

/// Reason phrases, without pulling HTTPTypes into the public API.
enum HTTPStatusPhrase {
    static func phrase(_ code: Int) -> String {
        switch code {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 206: "Partial Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 410: "Gone"
        case 412: "Precondition Failed"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 428: "Precondition Required"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: ""
        }
    }
}
