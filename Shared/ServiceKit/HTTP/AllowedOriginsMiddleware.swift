import HTTPTypes
import Hummingbird

/// CORS for a configured list of origins (`*` allows any): answers preflight requests and adds the response headers
/// browsers need to let a portal on another origin call the API.
struct AllowedOriginsMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let allowedOrigins: [String]

    static let allowedMethods = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
    static let allowedHeaders = "Authorization, Content-Type, X-Correlation-ID, traceparent"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let origin = request.headers[.origin], isAllowed(origin) else {
            return try await next(request, context)
        }
        var response: Response
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            response = Response(status: .noContent)
            response.headers[.accessControlAllowMethods] = Self.allowedMethods
            response.headers[.accessControlAllowHeaders] = Self.allowedHeaders
            response.headers[.accessControlMaxAge] = "600"
        } else {
            response = try await next(request, context)
        }
        response.headers[.accessControlAllowOrigin] = allowedOrigins.contains("*") ? "*" : origin
        response.headers[.accessControlExposeHeaders] = "X-Correlation-ID, Location"
        response.headers[.vary] = "Origin"
        return response
    }

    func isAllowed(_ origin: String) -> Bool {
        allowedOrigins.contains("*") || allowedOrigins.contains(origin)
    }
}
