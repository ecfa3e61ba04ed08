public import Hummingbird
import Logging

/// The request context of every service: Hummingbird's core storage plus the request's correlation and trace ids.
public struct ServiceRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Correlation id of the request (from `X-Correlation-ID` or generated); carried into the events it causes.
    public var correlationId: String
    /// W3C `traceparent` of the request, if the caller sent one.
    public var traceparent: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.correlationId = ""
        self.traceparent = nil
    }
}
