public import Logging
public import PostgresNIO

extension PostgresConfiguration {
    /// The PostgresNIO client configuration for these settings.
    ///
    /// - Parameters:
    ///   - maximumConnections: the size of the client's connection pool.
    ///   - keepAlive: how long a connection may sit idle in the pool before it is checked with a query, or `nil` for
    ///     no check (an idle connection is still closed after PostgresNIO's idle timeout, 60 s). The pool arms this
    ///     timer every time a connection comes back, so under load it costs CPU on every query.
    public func clientConfiguration(maximumConnections: Int = 20, keepAlive: Duration? = .seconds(30))
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
        configuration.options.keepAliveBehavior = keepAlive.map { .init(frequency: $0) }
        configuration.options.connectTimeout = connectTimeout
        if let applicationName {
            configuration.options.additionalStartupParameters.append(("application_name", applicationName))
        }
        return configuration
    }

    /// Creates a connection pool for these settings.
    ///
    /// The client does nothing until its `run()` method is running (as a ServiceLifecycle service or in a task). See
    /// ``clientConfiguration(maximumConnections:keepAlive:)`` for the parameters.
    public func makeClient(maximumConnections: Int = 20, keepAlive: Duration? = .seconds(30), backgroundLogger: Logger)
        -> PostgresClient
    {
        PostgresClient(
            configuration: clientConfiguration(maximumConnections: maximumConnections, keepAlive: keepAlive),
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
