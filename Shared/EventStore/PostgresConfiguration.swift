import Foundation

/// Where and how to connect to PostgreSQL, parsed from a libpq-style connection URL.
///
/// Accepted form: `postgres://user:password@host:port/database?sslmode=disable` (the scheme `postgresql` works too).
/// User name, password and database name are percent-decoded. The port defaults to 5432 and the database to the user
/// name, as with libpq. Supported query parameters:
/// - `sslmode`: `disable`, `allow`, `prefer` (the default), `require`, `verify-ca` or `verify-full`;
/// - `host`: a directory holding the server's Unix-domain socket (e.g. `/var/run/postgresql`), instead of TCP;
/// - `application_name`: reported to the server (visible in `pg_stat_activity`);
/// - `connect_timeout`: seconds to wait for a connection.
///
/// Any other parameter is refused with ``PostgresConfigurationError/unsupportedParameter(_:)`` rather than silently
/// ignored.
public struct PostgresConfiguration: Sendable, Hashable {
    /// How the connection is encrypted, with libpq's `sslmode` semantics.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Plain TCP only.
        case disable
        /// Treated like ``prefer``: TLS when the server offers it, without certificate checks.
        case allow
        /// TLS when the server offers it, without certificate checks; plain TCP otherwise.
        case prefer
        /// TLS is required, without certificate checks.
        case require
        /// TLS is required and the server certificate must chain to a trusted root (host name not checked).
        case verifyCA = "verify-ca"
        /// TLS is required, the certificate must chain to a trusted root and match the host name.
        case verifyFull = "verify-full"
    }

    /// The server's host name or IP address (ignored when ``unixSocketPath`` is set).
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// The role to log in as.
    public var username: String
    /// The role's password, if the server asks for one.
    public var password: String?
    /// The database to connect to.
    public var database: String
    /// How the connection is encrypted.
    public var tlsMode: TLSMode
    /// The full path of the server's Unix-domain socket (`<dir>/.s.PGSQL.<port>`), when connecting over a socket.
    public var unixSocketPath: String?
    /// The `application_name` reported to the server.
    public var applicationName: String?
    /// How long to wait for a connection to be established.
    public var connectTimeout: Duration

    /// Creates a configuration from its parts.
    public init(
        host: String,
        port: Int = 5432,
        username: String,
        password: String? = nil,
        database: String,
        tlsMode: TLSMode = .prefer,
        unixSocketPath: String? = nil,
        applicationName: String? = nil,
        connectTimeout: Duration = .seconds(10)
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tlsMode = tlsMode
        self.unixSocketPath = unixSocketPath
        self.applicationName = applicationName
        self.connectTimeout = connectTimeout
    }

    /// Parses a `postgres://` connection URL.
    ///
    /// - Throws: ``PostgresConfigurationError`` naming what is wrong with the URL.
    public init(url string: String) throws(PostgresConfigurationError) {
        guard let components = URLComponents(string: string) else {
            throw .malformedURL
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw .unsupportedScheme(components.scheme ?? "")
        }
        guard let username = components.user, !username.isEmpty else {
            throw .missingUsername
        }
        var host = components.host ?? ""
        if host.hasPrefix("["), host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        }
        let port: Int
        if let explicitPort = components.port {
            guard (1...65_535).contains(explicitPort) else { throw .invalidPort(String(explicitPort)) }
            port = explicitPort
        } else {
            port = 5432
        }
        var database = components.path
        if database.hasPrefix("/") { database.removeFirst() }
        if database.isEmpty { database = username }
        guard !database.contains("/") else { throw .invalidDatabaseName(database) }

        var tlsMode = TLSMode.prefer
        var socketDirectory: String?
        var applicationName: String?
        var connectTimeout = Duration.seconds(10)
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode":
                guard let mode = TLSMode(rawValue: value) else { throw .invalidSSLMode(value) }
                tlsMode = mode
            case "host":
                guard value.hasPrefix("/") else { throw .invalidParameter(name: "host", value: value) }
                socketDirectory = value
            case "application_name":
                applicationName = value
            case "connect_timeout":
                guard let seconds = Int(value), seconds > 0 else {
                    throw .invalidParameter(name: "connect_timeout", value: value)
                }
                connectTimeout = .seconds(seconds)
            default:
                throw .unsupportedParameter(item.name)
            }
        }
        guard !host.isEmpty || socketDirectory != nil else { throw .missingHost }

        self.init(
            host: host,
            port: port,
            username: username,
            password: components.password,
            database: database,
            tlsMode: tlsMode,
            unixSocketPath: socketDirectory.map { "\($0)/.s.PGSQL.\(port)" },
            applicationName: applicationName,
            connectTimeout: connectTimeout
        )
    }

    /// The same server and credentials, connected to another database.
    public func withDatabase(_ database: String) -> PostgresConfiguration {
        var copy = self
        copy.database = database
        return copy
    }
}
