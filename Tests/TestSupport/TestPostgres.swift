import Foundation
public import Logging
public import PostgresNIO
public import Testing

/// Throwaway PostgreSQL databases for integration tests, on the server named by `ASN_TEST_POSTGRES_URL`.
public enum TestPostgres {
    /// A logger for test clients: warnings and above unless `ASN_TEST_LOG_LEVEL` says otherwise.
    public static var logger: Logger {
        var logger = Logger(label: "asn.test.postgres")
        let level = ProcessInfo.processInfo.environment["ASN_TEST_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) }
        logger.logLevel = level ?? .warning
        return logger
    }

    /// Creates a uniquely named database, runs `body` with a running client for it and its URL (for launching
    /// executables against it), then drops the database, whether `body` succeeded or not.
    ///
    /// When `ASN_TEST_POSTGRES_URL` is not set the test is skipped (reported as cancelled) locally and fails under CI;
    /// `body` does not run and the result is `nil`.
    @discardableResult
    public static func withFreshDatabase<Result>(
        maximumConnections: Int = 20,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: (PostgresClient, String) async throws -> Result
    ) async throws -> Result? {
        guard let adminURL = TestEnvironment.postgresURL(sourceLocation: sourceLocation) else {
            try TestEnvironment.skipUnlessCI(
                missing: TestEnvironment.postgresURLVariable,
                sourceLocation: sourceLocation
            )
            return nil
        }
        let admin = try TestPostgresURL(adminURL)
        let name = "asn_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()

        try await withClient(url: adminURL, maximumConnections: 1) { client in
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \"\(name)\""), logger: logger)
        }
        let url = admin.withDatabase(name)
        let outcome: Swift.Result<Result, any Error>
        do {
            outcome = .success(
                try await withClient(url: url, maximumConnections: maximumConnections) { client in
                    try await body(client, url)
                }
            )
        } catch {
            outcome = .failure(error)
        }
        try await withClient(url: adminURL, maximumConnections: 1) { client in
            try await client.query(
                PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)"),
                logger: logger
            )
        }
        return try outcome.get()
    }

    /// Runs `body` with a running client for `url`; the client shuts down when `body` returns or throws.
    @discardableResult
    public static func withClient<Result>(
        url: String,
        maximumConnections: Int = 20,
        _ body: (PostgresClient) async throws -> Result
    ) async throws -> Result {
        // The pool warns when a lease races ahead of `run()` starting; that race is harmless here.
        var backgroundLogger = logger
        backgroundLogger.logLevel = max(backgroundLogger.logLevel, .error)
        let client = PostgresClient(
            configuration: try clientConfiguration(url: url, maximumConnections: maximumConnections),
            backgroundLogger: backgroundLogger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }

    /// A PostgresNIO client configuration for `url` (TLS only if its `sslmode` asks for it).
    public static func clientConfiguration(url: String, maximumConnections: Int = 20) throws
        -> PostgresClient.Configuration
    {
        let parsed = try TestPostgresURL(url)
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .none
        var configuration = PostgresClient.Configuration(
            host: parsed.host,
            port: parsed.port,
            username: parsed.username,
            password: parsed.password,
            database: parsed.database,
            tls: parsed.wantsTLS ? .require(tls) : .disable
        )
        configuration.options.maximumConnections = maximumConnections
        return configuration
    }
}
