public import Logging
public import PostgresNIO

extension PostgresConfiguration {
    /// The PostgresNIO client configuration for these settings.
    ///
    /// - Parameter maximumConnections: the size of the client's connection pool.
    public func clientConfiguration(maximumConnections: Int = 20) -> PostgresClient.Configuration {
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
        configuration.options.connectTimeout = connectTimeout
        if let applicationName {
            configuration.options.additionalStartupParameters.append(("application_name", applicationName))
        }
        return configuration
    }

    /// Creates a connection pool for these settings.
    ///
    /// The client does nothing until its `run()` method is running (as a ServiceLifecycle service or in a task).
    public func makeClient(maximumConnections: Int = 20, backgroundLogger: Logger) -> PostgresClient {
        PostgresClient(
            configuration: clientConfiguration(maximumConnections: maximumConnections),
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
