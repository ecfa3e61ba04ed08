import EventStore
import Foundation
import Logging
import PostgresNIO
import TestSupport
import Testing

/// The real PostgreSQL and broker of the integration tests (``TestEnvironment``: skipped locally when unset, a
/// failure under `CI=true`).
enum IntegrationEnvironment {
    /// The brokers named by `ASN_TEST_KAFKA_BROKERS`, or `nil` when the test must end (skipped or failed).
    static func brokers(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String]? {
        guard let value = TestEnvironment.kafkaBrokers(sourceLocation: sourceLocation) else {
            try TestEnvironment.skipUnlessCI(
                missing: TestEnvironment.kafkaBrokersVariable, sourceLocation: sourceLocation)
            return nil
        }
        return value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// A fresh database with the event-store migrations (events, outbox, inbox, offsets, dead letters) applied.
    static func withMigratedDatabase(
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: (PostgresClient, String) async throws -> Void
    ) async throws {
        try await TestPostgres.withFreshDatabase(sourceLocation: sourceLocation) { client, url in
            try await DatabaseMigrator(client: client, migrations: EventStoreMigrations.all, logger: logger).migrate()
            try await body(client, url)
        }
    }

    /// A prefix for topic and group names that no other test run uses.
    static func uniquePrefix(_ label: String) -> String {
        "sktest-\(label)-\(UUID().uuidString.prefix(8).lowercased())."
    }

    /// Quiet unless `ASN_TEST_LOG_LEVEL` says otherwise.
    static var logger: Logger { TestPostgres.logger }
}

/// Polls `condition` every 50 ms until it holds or `timeout` passes; returns whether it held.
func eventually(
    timeout: Duration = .seconds(30),
    _ condition: () async throws -> Bool
) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if (try? await condition()) == true { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return (try? await condition()) == true
}

/// Runs one query and returns its single `bigint` result.
func scalar(_ query: PostgresQuery, on client: PostgresClient) async throws -> Int64 {
    let rows = try await client.query(query, logger: IntegrationEnvironment.logger)
    for try await value in rows.decode(Int64.self) { return value }
    throw ScalarError.noRow
}

enum ScalarError: Error { case noRow }
