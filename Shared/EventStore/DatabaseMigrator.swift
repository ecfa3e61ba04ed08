public import Logging
public import PostgresNIO

/// Applies versioned ``Migration``s to one database.
///
/// - Each pending migration runs in its own transaction together with its `schema_migrations` row, in ascending
///   version order, so a failed migration leaves no trace and the next run retries it.
/// - Pending means "known but not recorded": a new low version (say a new event-store migration 3 after a service's
///   100 and 101 were applied) is applied too; version ranges keep modules independent of each other's order.
/// - A session-level advisory lock serializes migrators across processes (several replicas starting at once): the
///   second waits for the first and then finds nothing left to do.
/// - The migrator refuses to run, with a ``MigrationError``, when the database has applied a version this code does
///   not know (it was migrated by a newer release) or when an applied migration's SHA-256 checksum or name differs
///   from the code's.
///
/// A service combines ``EventStoreMigrations/all`` with its own read-model migrations:
/// ```swift
/// let migrator = try DatabaseMigrator(
///     client: client,
///     migrations: EventStoreMigrations.all + RegistrationMigrations.all,
///     logger: logger
/// )
/// try await migrator.migrate()
/// ```
public struct DatabaseMigrator: Sendable {
    /// The advisory-lock key that serializes migrators (advisory locks are scoped to one database).
    public static let advisoryLockKey: Int64 = 0x6173_6E2D_6D69_6772  // "asn-migr"

    /// The pool the migrator connects through.
    public let client: PostgresClient
    /// The known migrations, sorted by version.
    public let migrations: [Migration]
    let logger: Logger

    /// Creates a migrator for `migrations`.
    ///
    /// - Throws: ``MigrationError/invalidMigrations(reason:)`` when versions repeat, are not positive, or a migration
    ///   has no statements.
    public init(client: PostgresClient, migrations: [Migration], logger: Logger) throws(MigrationError) {
        var seen: Set<Int64> = []
        for migration in migrations {
            guard migration.version > 0 else {
                throw .invalidMigrations(reason: "version \(migration.version) of '\(migration.name)' is not positive")
            }
            guard seen.insert(migration.version).inserted else {
                throw .invalidMigrations(reason: "version \(migration.version) is used more than once")
            }
            guard !migration.statements.isEmpty else {
                throw .invalidMigrations(reason: "migration \(migration.version) '\(migration.name)' has no SQL")
            }
        }
        self.client = client
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.logger = logger
    }

    /// Applies every pending migration and returns those it applied (empty when the schema was already up to date).
    ///
    /// - Throws: ``MigrationError`` when the database is ahead of or diverges from the code, or a migration fails.
    @discardableResult
    public func migrate() async throws -> [Migration] {
        try await client.withConnection { connection in
            try await withAdvisoryLock(on: connection) {
                try await ensureMigrationsTable(on: connection)
                let pending = try await pendingMigrations(on: connection)
                for migration in pending {
                    try await apply(migration, on: connection)
                }
                return pending
            }
        }
    }

    private func apply(_ migration: Migration, on connection: PostgresConnection) async throws {
        logger.info("Applying migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
        try await PostgresTransaction.run(on: connection, logger: logger) { connection in
            for statement in migration.statements {
                do {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                } catch {
                    throw MigrationError.migrationFailed(
                        version: migration.version,
                        name: migration.name,
                        statement: statement,
                        reason: error.briefDescription
                    )
                }
            }
            try await connection.query(
                """
                INSERT INTO schema_migrations (version, name, checksum)
                VALUES (\(migration.version), \(migration.name),
                        encode(sha256(convert_to(\(migration.sql), 'UTF8')), 'hex'))
                """,
                logger: logger
            )
        }
    }

    private func withAdvisoryLock<Result: Sendable>(
        on connection: PostgresConnection,
        _ body: () async throws -> Result
    ) async throws -> Result {
        try await connection.query("SELECT pg_advisory_lock(\(Self.advisoryLockKey))", logger: logger)
        let result: Result
        do {
            result = try await body()
        } catch {
            await unlock(connection)
            throw error
        }
        await unlock(connection)
        return result
    }

    private func unlock(_ connection: PostgresConnection) async {
        do {
            try await connection.query("SELECT pg_advisory_unlock(\(Self.advisoryLockKey))", logger: logger)
        } catch {
            // Closing the session releases the lock; never hand a connection holding it back to the pool.
            logger.warning(
                "Releasing the migration lock failed; closing the connection",
                metadata: ["error": "\(error)"]
            )
            try? await connection.close()
        }
    }

    private func ensureMigrationsTable(on connection: PostgresConnection) async throws {
        try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version     bigint      PRIMARY KEY,
                name        text        NOT NULL,
                checksum    text        NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            )
            """,
            logger: logger
        )
    }
}
