import Hummingbird

/// Answers API requests with a 503 problem at once while the ``DatabaseMonitor`` sees the database down. The
/// operations endpoints (`/health/*`, `/metrics`, `/info`) always pass: they report the outage themselves.
struct DatabaseGateMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let monitor: DatabaseMonitor

    static let operationsPrefixes = ["/health/", "/metrics", "/info", "/openapi.json"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if monitor.isKnownUnavailable, !Self.operationsPrefixes.contains(where: request.uri.path.hasPrefix) {
            throw Problem.unavailable("The database is not reachable; retry shortly.")
        }
        return try await next(request, context)
    }
}
