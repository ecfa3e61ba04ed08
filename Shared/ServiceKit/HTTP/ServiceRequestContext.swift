public import Hummingbird
import NIOCore
import Logging

/// The request context of every service: Hummingbird's core storage plus the request's correlation and trace ids.
public struct ServiceRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Correlation id of the request (from `X-Correlation-ID` or generated); carried into the events it causes.
    public var correlationId: String
    /// W3C `traceparent` of the request, if the caller sent one.
    public var traceparent: String?
    /// The caller, once ``AuthenticationMiddleware`` has verified its access token; `nil` for anonymous requests.
    public var identity: AuthenticatedIdentity?
    /// The peer's IP address (the reverse proxy's, behind one): the key of per-client rate limits.
    public var clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
        self.correlationId = ""
        self.traceparent = nil
        self.identity = nil
    }
}
