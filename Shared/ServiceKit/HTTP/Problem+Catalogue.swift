public import HTTPTypes

/// The problem types every service shares. Services add their own in the same style (`/problems/<slug>`).
extension Problem {
    /// One or more fields are invalid (400, or 422 when the request was well-formed but breaks a rule).
    public static func validation(_ errors: [FieldIssue], status: HTTPResponse.Status = .badRequest) -> Problem {
        Problem(
            type: "/problems/validation-failed", title: "The request is not valid", status: status,
            detail: errors.map { "\($0.field): \($0.message)" }.joined(separator: "; "), errors: errors)
    }

    /// A single invalid field.
    public static func invalidField(_ field: String, code: String, _ message: String) -> Problem {
        validation([FieldIssue(field: field, code: code, message: message)])
    }

    public static func notFound(_ detail: String) -> Problem {
        Problem(type: "/problems/not-found", title: "Not found", status: .notFound, detail: detail)
    }

    public static func conflict(type slug: String, _ detail: String) -> Problem {
        Problem(type: "/problems/\(slug)", title: "Conflict", status: .conflict, detail: detail)
    }

    public static func payloadTooLarge(limit: Int) -> Problem {
        Problem(
            type: "/problems/payload-too-large", title: "The request body is too large", status: .contentTooLarge,
            detail: "The body must not exceed \(limit) bytes.",
            errors: [FieldIssue(field: "body", code: "too-large", message: "at most \(limit) bytes")])
    }

    public static func unsupportedMediaType(expected: String) -> Problem {
        Problem(
            type: "/problems/unsupported-media-type", title: "Unsupported media type", status: .unsupportedMediaType,
            detail: "Send the body as \(expected).",
            errors: [FieldIssue(field: "content-type", code: "unsupported", message: "expected \(expected)")])
    }

    /// A dependency (database, broker) is down; the client may retry.
    public static func unavailable(_ detail: String) -> Problem {
        Problem(type: "/problems/service-unavailable", title: "Service temporarily unavailable",
                status: .serviceUnavailable, detail: detail)
    }

    /// An unexpected failure on our side; the body carries no internals, the log does.
    public static func internalError() -> Problem {
        Problem(type: "/problems/internal-error", title: "Internal error", status: .internalServerError,
                detail: "The error has been logged; quote the correlation id when reporting it.")
    }

    /// A generic problem for a status without a more specific type.
    public static func status(_ status: HTTPResponse.Status, detail: String? = nil) -> Problem {
        Problem(type: "about:blank", title: status.reasonPhrase, status: status, detail: detail)
    }
}

/// An error that knows which problem it is (domain errors conform to this to reach clients unchanged).
public protocol ProblemConvertible: Error {
    var problem: Problem { get }
}
