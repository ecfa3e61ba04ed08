import Foundation

/// The parts of a `postgres://user:password@host:port/database` URL the test helpers need.
struct TestPostgresURL: Sendable {
    var components: URLComponents
    var host: String
    var port: Int
    var username: String
    var password: String?
    var database: String

    init(_ string: String) throws {
        guard let components = URLComponents(string: string),
            let scheme = components.scheme, scheme == "postgres" || scheme == "postgresql",
            let host = components.host, !host.isEmpty,
            let username = components.user, !username.isEmpty
        else {
            throw TestPostgresError.invalidURL(string)
        }
        self.components = components
        self.host = host
        self.port = components.port ?? 5432
        self.username = username
        self.password = components.password
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.database = path.isEmpty ? username : path
    }

    /// The same URL pointing at another database.
    func withDatabase(_ name: String) -> String {
        var copy = components
        copy.path = "/" + name
        return copy.string ?? ""
    }

    /// Whether the URL asks for TLS (any `sslmode` other than `disable`); test servers normally run without.
    var wantsTLS: Bool {
        guard let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value else { return false }
        return mode != "disable"
    }
}

/// Errors of the PostgreSQL test helpers.
public enum TestPostgresError: Error, CustomStringConvertible {
    /// The URL in the environment is not a usable `postgres://` URL.
    case invalidURL(String)

    public var description: String {
        switch self {
        case .invalidURL(let url): "not a usable postgres:// URL: \(url)"
        }
    }
}
