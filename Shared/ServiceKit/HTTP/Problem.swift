import Foundation
public import HTTPTypes
public import Hummingbird

/// An RFC 9457 problem detail: the body of every error response (`application/problem+json`).
///
/// `type` is a stable identifier frontends may switch on (e.g. `/problems/validation-failed`); `errors` names every
/// field at fault for validation problems.
public struct Problem: Error, Codable, Sendable, Equatable, HTTPResponseError {
    public var type: String
    public var title: String
    /// The HTTP status code, repeated in the body as RFC 9457 asks.
    public var statusCode: Int
    public var detail: String?
    public var instance: String?
    /// The fields at fault, for validation problems.
    public var errors: [FieldIssue]?
    /// A correlation id an operator can find in the logs.
    public var correlationId: String?
    /// Extra response headers (e.g. `WWW-Authenticate` on a 401); never part of the body.
    public var headers: HTTPFields = [:]

    public init(type: String, title: String, status: HTTPResponse.Status, detail: String? = nil,
                errors: [FieldIssue]? = nil) {
        self.type = type
        self.title = title
        self.statusCode = status.code
        self.detail = detail
        self.errors = errors
    }

    /// The HTTP status of the response.
    public var status: HTTPResponse.Status { HTTPResponse.Status(code: statusCode) }

    enum CodingKeys: String, CodingKey {
        case type, title, statusCode = "status", detail, instance, errors, correlationId
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var problem = self
        if problem.instance == nil { problem.instance = request.uri.path }
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        let body = (try? ProblemCoding.encoder.encode(problem)) ?? Data()
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// One field that failed validation.
public struct FieldIssue: Codable, Sendable, Equatable {
    /// The field's path in the request, e.g. `nik` or `documents[0].type`; `body` for the request as a whole.
    public var field: String
    /// A stable machine-readable rule name, e.g. `required`, `format`, `too-long`.
    public var code: String
    /// A human-readable explanation.
    public var message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}

enum ProblemCoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
}
