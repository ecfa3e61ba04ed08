public import Logging
public import PostgresNIO

/// Runs work inside one PostgreSQL transaction and rethrows the work's own error.
///
/// PostgresNIO's `withTransaction` wraps every failure in `PostgresTransactionError`; callers of this module get the
/// error their closure threw (or the typed error this module mapped it to) instead. When the rollback itself fails
/// the connection is closed, so a connection stuck in a failed transaction never goes back to the pool.
public enum PostgresTransaction {
    /// A transaction isolation level.
    public enum Level: String, Sendable {
        /// Each statement sees what was committed before it started (PostgreSQL's default). The event and projection
        /// stores rely on it, whatever the database's `default_transaction_isolation` says.
        case readCommitted = "READ COMMITTED"
        /// Every statement sees the snapshot taken at the transaction's first statement.
        case repeatableRead = "REPEATABLE READ"
        /// Like repeatable read, and fails transactions whose outcome no serial order could produce.
        case serializable = "SERIALIZABLE"
    }

    /// Leases a connection from `client` and runs `body` inside `BEGIN … COMMIT` on it.
    public static func run<Result>(
        on client: PostgresClient,
        level: Level = .readCommitted,
        logger: Logger,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
        try await client.withConnection { connection in
            try await run(on: connection, level: level, logger: logger, body)
        }
    }

    /// Runs `body` inside `BEGIN … COMMIT` on `connection`; rolls back and rethrows when `body` throws.
    public static func run<Result>(
        on connection: PostgresConnection,
        level: Level = .readCommitted,
        logger: Logger,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
        try await connection.query(PostgresQuery(unsafeSQL: "BEGIN ISOLATION LEVEL \(level.rawValue)"), logger: logger)
        let result: Result
        do {
            result = try await body(connection)
        } catch {
            do {
                try await connection.query("ROLLBACK", logger: logger)
            } catch let rollbackError {
                logger.warning(
                    "ROLLBACK failed; closing the connection",
                    metadata: ["error": "\(String(reflecting: rollbackError))"]
                )
                try? await connection.close()
            }
            throw error
        }
        try await connection.query("COMMIT", logger: logger)
        return result
    }
}
