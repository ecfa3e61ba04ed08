/// Why the database schema could not be brought up to date.
public enum MigrationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The list of migrations given to the migrator is inconsistent (duplicate or non-positive versions, empty SQL).
    case invalidMigrations(reason: String)
    /// The database has applied migrations this code does not know: it was migrated by a newer release. Refusing to
    /// run protects the newer schema from older code.
    case unknownAppliedVersions([Int64])
    /// A migration's SQL (or name) differs from what was applied to this database.
    case checksumMismatch(version: Int64, name: String, appliedName: String, expected: String, applied: String)
    /// A migration's SQL failed; its transaction was rolled back and nothing of it was recorded.
    case migrationFailed(version: Int64, name: String, statement: String, reason: String)

    public var description: String {
        switch self {
        case .invalidMigrations(let reason):
            "invalid migration list: \(reason)"
        case .unknownAppliedVersions(let versions):
            "the database has applied migration version(s) \(versions.map(String.init).joined(separator: ", ")) "
                + "that this build does not know; it was migrated by a newer release"
        case .checksumMismatch(let version, let name, let appliedName, let expected, let applied):
            "migration \(version) '\(name)' differs from the one applied to the database as '\(appliedName)' "
                + "(checksum \(expected.prefix(12)) here, \(applied.prefix(12)) applied); "
                + "never edit an applied migration, add a new one"
        case .migrationFailed(let version, let name, let statement, let reason):
            "migration \(version) '\(name)' failed: \(reason) — in statement: \(statement.prefix(200))"
        }
    }
}
