import EventStore
import PostgresNIO
import TestSupport
import Testing

@Suite("DatabaseMigrator (PostgreSQL)")
struct DatabaseMigratorTests {
    static let readModel = Migration(
        version: 100,
        name: "create_things",
        sql: """
            CREATE TABLE things (id bigint PRIMARY KEY, label text NOT NULL);
            INSERT INTO things VALUES (1, 'semi;colon');
            """
    )

    func migrator(_ client: PostgresClient, _ migrations: [Migration]) throws -> DatabaseMigrator {
        try DatabaseMigrator(client: client, migrations: migrations, logger: TestPostgres.logger)
    }

    @Test func appliesEachMigrationOnceAndIsIdempotent() async throws {
        try await TestPostgres.withFreshDatabase { client, _ in
            let migrator = try migrator(client, EventStoreMigrations.all + [Self.readModel])
            #expect(try await migrator.pendingMigrations().map(\.version) == [1, 2, 3, 4, 5, 6, 100])
            #expect(try await migrator.isUpToDate() == false)

            let first = try await migrator.migrate()
            #expect(first.map(\.version) == [1, 2, 3, 4, 5, 6, 100])
            let second = try await migrator.migrate()
            #expect(second.isEmpty)
            #expect(try await migrator.isUpToDate())
            #expect(try await migrator.pendingMigrations().isEmpty)

            let applied = try await migrator.appliedMigrations()
            #expect(applied.map(\.version) == [1, 2, 3, 4, 5, 6, 100])
            #expect(applied.map(\.name) == ["event_store", "projection_bookkeeping", "no_append_notifications", "lz4_event_compression",
                                          "append_only_by_column", "outbox_table", "create_things"])
            #expect(applied.allSatisfy { $0.checksum.count == 64 })
            #expect(try await scalar("SELECT count(*)::bigint FROM things", on: client) == 1)
            for table in ["events", "outbox", "projection_offsets", "projection_inbox", "dead_letters"] {
                #expect(
                    try await scalar("SELECT count(*)::bigint FROM \(unescaped: table)", on: client) == 0,
                    "table \(table) exists"
                )
            }
        }
    }

    @Test func laterMigrationsApplyOnTopOfEarlierOnes() async throws {
        try await TestPostgres.withFreshDatabase { client, _ in
            try await migrator(client, EventStoreMigrations.all).migrate()
            let applied = try await migrator(client, EventStoreMigrations.all + [Self.readModel]).migrate()
            #expect(applied.map(\.version) == [100])
        }
    }

    @Test func concurrentMigratorsSerialize() async throws {
        try await TestPostgres.withFreshDatabase(maximumConnections: 6) { client, _ in
            let slow = Migration(
                version: 101,
                name: "slow",
                sql: "SELECT pg_sleep(0.3); CREATE TABLE slow_things (id int PRIMARY KEY);"
            )
            let migrations = EventStoreMigrations.all + [Self.readModel, slow]
            let applied = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for _ in 0..<6 {
                    // Each migrator runs on its own pooled connection (its own session).
                    let migrator = try migrator(client, migrations)
                    group.addTask { try await migrator.migrate().map(\.version) }
                }
                var all: [Int64] = []
                for try await versions in group { all += versions }
                return all
            }
            #expect(applied.sorted() == [1, 2, 3, 4, 5, 6, 100, 101], "every migration applied exactly once")
            #expect(try await scalar("SELECT count(*)::bigint FROM schema_migrations", on: client) == 8)
        }
    }

    @Test func refusesADatabaseWithAnUnknownVersion() async throws {
        try await TestPostgres.withFreshDatabase { client, _ in
            try await migrator(client, EventStoreMigrations.all + [Self.readModel]).migrate()
            let older = try migrator(client, EventStoreMigrations.all)
            await #expect(throws: MigrationError.unknownAppliedVersions([100])) { try await older.migrate() }
            await #expect(throws: MigrationError.unknownAppliedVersions([100])) { try await older.isUpToDate() }
        }
    }

    @Test func refusesAnEditedMigration() async throws {
        try await TestPostgres.withFreshDatabase { client, _ in
            try await migrator(client, [Self.readModel]).migrate()
            var edited = Self.readModel
            edited.sql += "\nCREATE INDEX things_label ON things (label);"
            let error = await #expect(throws: MigrationError.self) {
                try await migrator(client, [edited]).migrate()
            }
            if case .checksumMismatch(let version, _, _, let expected, let applied) = error {
                #expect(version == 100)
                #expect(expected != applied)
            } else {
                Issue.record("expected a checksum mismatch, got \(String(describing: error))")
            }
            let indexes = try await scalar(
                "SELECT count(*)::bigint FROM pg_indexes WHERE indexname = 'things_label'",
                on: client
            )
            #expect(indexes == 0)
        }
    }

    @Test func aFailingMigrationLeavesNoTraceAndReleasesTheLock() async throws {
        try await TestPostgres.withFreshDatabase { client, _ in
            let broken = Migration(
                version: 100,
                name: "broken",
                sql: "CREATE TABLE half_done (id int); INSERT INTO no_such_table VALUES (1);"
            )
            let error = await #expect(throws: MigrationError.self) {
                try await migrator(client, EventStoreMigrations.all + [broken]).migrate()
            }
            if case .migrationFailed(let version, _, let statement, let reason) = error {
                #expect(version == 100)
                #expect(statement.contains("no_such_table"))
                #expect(reason.contains("no_such_table"))
            } else {
                Issue.record("expected migrationFailed, got \(String(describing: error))")
            }
            // The earlier migrations committed; the broken one rolled back entirely.
            let fixed = try migrator(client, EventStoreMigrations.all + [Self.readModel])
            #expect(try await fixed.pendingMigrations().map(\.version) == [100])
            let halfDone = try await scalar(
                "SELECT count(*)::bigint FROM pg_tables WHERE tablename = 'half_done'",
                on: client
            )
            #expect(halfDone == 0)
            // The advisory lock was released: another run proceeds at once.
            #expect(try await fixed.migrate().map(\.version) == [100])
        }
    }

    @Test func rejectsAnInconsistentMigrationList() async throws {
        let configuration = PostgresClient.Configuration(
            host: "127.0.0.1",
            username: "unused",
            password: nil,
            database: nil,
            tls: .disable
        )
        let client = PostgresClient(configuration: configuration, backgroundLogger: TestPostgres.logger)
        #expect(throws: MigrationError.invalidMigrations(reason: "version 100 is used more than once")) {
            try DatabaseMigrator(
                client: client,
                migrations: [Self.readModel, Self.readModel],
                logger: TestPostgres.logger
            )
        }
        #expect(throws: MigrationError.self) {
            try DatabaseMigrator(
                client: client,
                migrations: [Migration(version: 0, name: "zero", sql: "SELECT 1")],
                logger: TestPostgres.logger
            )
        }
        #expect(throws: MigrationError.self) {
            try DatabaseMigrator(
                client: client,
                migrations: [Migration(version: 5, name: "empty", sql: "-- nothing")],
                logger: TestPostgres.logger
            )
        }
    }
}
