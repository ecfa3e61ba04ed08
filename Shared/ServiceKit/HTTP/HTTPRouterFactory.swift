import Hummingbird

/// Builds the router every service starts from: metrics, correlation ids, problem+json errors, CORS and the
/// operations endpoints.
enum HTTPRouterFactory {
    static func makeRouter(
        configuration: ServiceConfiguration, operations: OperationsRoutes, databaseMonitor: DatabaseMonitor? = nil
    ) -> Router<ServiceRequestContext> {
        let router = Router(context: ServiceRequestContext.self)
        // Outermost first: metrics see the final status of every request, including problem responses.
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: CorrelationMiddleware())
        router.add(middleware: ClientAddressMiddleware(resolver: ClientAddressResolver(
            trustedProxies: configuration.trustedProxies)))
        if !configuration.corsAllowedOrigins.isEmpty {
            router.add(middleware: AllowedOriginsMiddleware(allowedOrigins: configuration.corsAllowedOrigins))
        }
        router.add(middleware: ProblemMiddleware())
        if let databaseMonitor {
            router.add(middleware: DatabaseGateMiddleware(monitor: databaseMonitor))
        }
        operations.register(on: router)
        return router
    }
}
