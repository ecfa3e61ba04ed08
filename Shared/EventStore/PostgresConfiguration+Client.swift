public import Logging
public import PostgresNIO

extension PostgresConfiguration {
    /// The PostgresNIO client configuration for these settings.
    ///
    /// - Parameters:
    ///   - maximumConnections: the size of the client's connection pool.
    ///   - keepingConnectionsOpen: a long-running service's pool: it opens all its connections and keeps them, with
    ///     no idle timeout and no keep-alive query. PostgresNIO arms those two timers every time a connection returns to
    ///     the pool, hundreds of times a second under load, and each armed timer is a task group of two tasks and a
    ///     sleep; a cancelled sleep still holds a dispatch timer until its deadline passes. A connection the server
    ///     closes is replaced; one lost silently fails its next query, which the service answers with a 503 (the
    ///     service's own database check pings PostgreSQL every second).
    public func clientConfiguration(maximumConnections: Int = 20, keepingConnectionsOpen: Bool = false)
        -> PostgresClient.Configuration
    {
        var configuration: PostgresClient.Configuration
        if let unixSocketPath {
            configuration = .init(
                unixSocketPath: unixSocketPath,
                username: username,
                password: password,
                database: database
            )
        } else {
            configuration = .init(
                host: host,
                port: port,
                username: username,
                password: password,
                database: database,
                tls: tlsMode.clientTLS
            )
        }
        configuration.options.maximumConnections = maximumConnections
        if keepingConnectionsOpen {
            configuration.options.minimumConnections = maximumConnections
            configuration.options.keepAliveBehavior = nil
        }
        configuration.options.connectTimeout = connectTimeout
        if let applicationName {
            configuration.options.additionalStartupParameters.append(("application_name", applicationName))
        }
        return configuration
    }

    /// Creates a connection pool for these settings.
    ///
    /// The client does nothing until its `run()` method is running (as a ServiceLifecycle service or in a task).
    /// See ``clientConfiguration(maximumConnections:keepingConnectionsOpen:)`` for the parameters.
    public func makeClient(maximumConnections: Int = 20, keepingConnectionsOpen: Bool = false, backgroundLogger: Logger)
        -> PostgresClient
    {
        PostgresClient(
            configuration: clientConfiguration(
                maximumConnections: maximumConnections, keepingConnectionsOpen: keepingConnectionsOpen),
            backgroundLogger: backgroundLogger
        )
    }
}

extension PostgresConfiguration.TLSMode {
    var clientTLS: PostgresClient.Configuration.TLS {
        switch self {
        case .disable:
            return .disable
        case .allow, .prefer:
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .none
            return .prefer(tls)
        case .require:
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .none
            return .require(tls)
        case .verifyCA:
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .noHostnameVerification
            return .require(tls)
        case .verifyFull:
            return .require(.makeClientConfiguration())
        }
    }
}
