import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PostgresNIO

/// Turns every error into an RFC 9457 `application/problem+json` response.
///
/// Domain errors reach the client through ``ProblemConvertible``; Hummingbird's own errors (unknown route, body too
/// large) keep their status; Postgres connection failures become 503; anything else is logged with the correlation
/// id and answered with a 500 that reveals no internals.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            var problem = Self.problem(for: error, logger: context.logger)
            problem.correlationId = context.correlationId
            return try problem.response(from: request, context: context)
        }
    }

    static func problem(for error: any Error, logger: Logger) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let convertible as any ProblemConvertible:
            return convertible.problem
        case let transaction as PostgresTransactionError:
            if let closureError = transaction.closureError { return problem(for: closureError, logger: logger) }
            return problem(for: transaction.commitError ?? transaction.beginError ?? error, logger: logger)
        case let http as HTTPError:
            switch http.status {
            case .contentTooLarge:
                return Problem(type: "/problems/payload-too-large", title: "The request body is too large",
                               status: .contentTooLarge, detail: http.body,
                               errors: [FieldIssue(field: "body", code: "too-large", message: "the body is too large")])
            case .notFound:
                return Problem.notFound(http.body ?? "No such resource.")
            default:
                return Problem.status(http.status, detail: http.body)
            }
        case let response as any HTTPResponseError:
            // Other errors that carry their HTTP status, e.g. `NIOTooManyBytesError` (413) from `collectBody(upTo:)`;
            // their bodies are not passed on.
            if response.status == .contentTooLarge { return problem(for: HTTPError(.contentTooLarge), logger: logger) }
            return Problem.status(response.status)
        case let decoding as DecodingError:
            return JSONRequestDecoding.problem(for: decoding)
        case _ where DatabaseFailure.isTransient(error):
            logger.warning("database unavailable", metadata: ["error": "\(error)"])
            return Problem.unavailable("The database is not reachable; retry shortly.")
        default:
            logger.error("unhandled error", metadata: ["error.type": "\(type(of: error))", "error": "\(error)"])
            return Problem.internalError()
        }
    }
}
