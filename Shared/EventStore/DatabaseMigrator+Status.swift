public import Foundation
import PostgresNIO

/// One row of `schema_migrations`.
public struct AppliedMigration: Sendable, Hashable {
    /// The migration's version.
    public var version: Int64
    /// The migration's name when it was applied.
    public var name: String
    /// The hex SHA-256 of the SQL that was applied.
    public var checksum: String
    /// When it was applied.
    public var appliedAt: Date
}

extension DatabaseMigrator {
    /// The known migrations not yet applied to the database, in the order they would be applied.
    ///
    /// Suitable for a readiness probe; takes no lock.
    /// - Throws: ``MigrationError`` when the database is ahead of or diverges from the code, as ``migrate()`` would.
    public func pendingMigrations() async throws -> [Migration] {
        try await client.withConnection { connection in
            try await pendingMigrations(on: connection)
        }
    }

    /// Whether every known migration has been applied (and the database knows no other).
    ///
    /// - Throws: ``MigrationError`` when the database is ahead of or diverges from the code; connection errors.
    public func isUpToDate() async throws -> Bool {
        try await pendingMigrations().isEmpty
    }

    /// The rows of `schema_migrations`, by version (empty when the table does not exist yet).
    public func appliedMigrations() async throws -> [AppliedMigration] {
        try await client.withConnection { connection in
            try await appliedMigrations(on: connection)
        }
    }

    func appliedMigrations(on connection: PostgresConnection) async throws -> [AppliedMigration] {
        let exists = try await connection.query(
            "SELECT to_regclass('schema_migrations') IS NOT NULL",
            logger: logger
        ).collect().first?.decode(Bool.self) ?? false
        guard exists else { return [] }
        var applied: [AppliedMigration] = []
        let rows = try await connection.query(
            "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version",
            logger: logger
        )
        for try await (version, name, checksum, appliedAt) in rows.decode((Int64, String, String, Date).self) {
            applied.append(AppliedMigration(version: version, name: name, checksum: checksum, appliedAt: appliedAt))
        }
        return applied
    }

    func pendingMigrations(on connection: PostgresConnection) async throws -> [Migration] {
        let applied = try await appliedMigrations(on: connection)
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        let unknown = applied.map(\.version).filter { known[$0] == nil }
        guard unknown.isEmpty else { throw MigrationError.unknownAppliedVersions(unknown) }

        let appliedKnown = applied.compactMap { row in known[row.version].map { (row, $0) } }
        if !appliedKnown.isEmpty {
            let checksums = try await checksums(of: appliedKnown.map(\.1.sql), on: connection)
            for ((row, migration), checksum) in zip(appliedKnown, checksums)
            where checksum != row.checksum || migration.name != row.name {
                throw MigrationError.checksumMismatch(
                    version: migration.version,
                    name: migration.name,
                    appliedName: row.name,
                    expected: checksum,
                    applied: row.checksum
                )
            }
        }
        let appliedVersions = Set(applied.map(\.version))
        return migrations.filter { !appliedVersions.contains($0.version) }
    }

    /// Hex SHA-256 of each script, computed by the server (so this module needs no crypto dependency).
    private func checksums(of scripts: [String], on connection: PostgresConnection) async throws -> [String] {
        let rows = try await connection.query(
            """
            SELECT encode(sha256(convert_to(script, 'UTF8')), 'hex')
            FROM unnest(\(scripts)::text[]) WITH ORDINALITY AS s(script, n)
            ORDER BY n
            """,
            logger: logger
        )
        var result: [String] = []
        for try await checksum in rows.decode(String.self) { result.append(checksum) }
        return result
    }
}
