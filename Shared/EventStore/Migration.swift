/// One versioned schema change.
///
/// A migration is applied at most once per database, inside a transaction, in ascending ``version`` order, and is
/// recorded in `schema_migrations` together with a SHA-256 checksum of its ``sql``. Never edit a migration that may
/// have been applied anywhere: the migrator refuses to run when the stored checksum differs. Add a new one instead.
///
/// Version ranges: ``EventStoreMigrations`` uses versions in ``EventStoreMigrations/reservedVersions`` (1…99); each
/// service numbers its own read-model migrations from 100 upwards.
public struct Migration: Sendable, Hashable {
    /// The unique, positive version number.
    public var version: Int64
    /// A short descriptive name, e.g. `create_applications`.
    public var name: String
    /// The SQL script: one or more statements separated by semicolons (dollar-quoted function bodies, quoted strings
    /// and comments are understood). Statements that cannot run inside a transaction (such as
    /// `CREATE INDEX CONCURRENTLY` or `VACUUM`) are not supported.
    public var sql: String

    /// Creates a migration.
    public init(version: Int64, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// The individual statements of ``sql``, in order.
    public var statements: [String] { SQLScript.statements(in: sql) }
}
