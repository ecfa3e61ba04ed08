/// Why a PostgreSQL connection URL could not be used.
public enum PostgresConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The string is not a URL.
    case malformedURL
    /// The scheme is not `postgres` or `postgresql`.
    case unsupportedScheme(String)
    /// The URL names no user (`postgres://user@host/db`).
    case missingUsername
    /// The URL names neither a host nor a socket directory (`?host=/path`).
    case missingHost
    /// The port is not in 1…65535.
    case invalidPort(String)
    /// The database name is not usable.
    case invalidDatabaseName(String)
    /// `sslmode` is not one of disable, allow, prefer, require, verify-ca, verify-full.
    case invalidSSLMode(String)
    /// A supported query parameter has an invalid value.
    case invalidParameter(name: String, value: String)
    /// A query parameter this client does not understand.
    case unsupportedParameter(String)

    public var description: String {
        switch self {
        case .malformedURL: "the PostgreSQL URL is malformed"
        case .unsupportedScheme(let scheme): "unsupported PostgreSQL URL scheme '\(scheme)' (use postgres://)"
        case .missingUsername: "the PostgreSQL URL names no user (postgres://USER@host/db)"
        case .missingHost: "the PostgreSQL URL names no host"
        case .invalidPort(let port): "invalid PostgreSQL port '\(port)'"
        case .invalidDatabaseName(let name): "invalid PostgreSQL database name '\(name)'"
        case .invalidSSLMode(let mode):
            "invalid sslmode '\(mode)' (expected disable, allow, prefer, require, verify-ca or verify-full)"
        case .invalidParameter(let name, let value): "invalid value '\(value)' for PostgreSQL URL parameter '\(name)'"
        case .unsupportedParameter(let name): "unsupported PostgreSQL URL parameter '\(name)'"
        }
    }
}
