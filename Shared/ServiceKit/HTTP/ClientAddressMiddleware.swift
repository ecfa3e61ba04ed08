import HTTPTypes
public import Hummingbird

/// Sets ``ServiceRequestContext/clientAddress`` to the real client behind trusted reverse proxies
/// (``ClientAddressResolver``), so every per-client limit of every service keys on the same, unforgeable address.
public struct ClientAddressMiddleware: RouterMiddleware {
    public typealias Context = ServiceRequestContext

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    let resolver: ClientAddressResolver

    public init(resolver: ClientAddressResolver) {
        self.resolver = resolver
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        context.clientAddress = resolver.client(
            peer: context.clientAddress, forwardedFor: request.headers[values: Self.forwardedFor])
        return try await next(request, context)
    }
}
