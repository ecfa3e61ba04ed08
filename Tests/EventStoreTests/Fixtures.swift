import EventStore
import Foundation
import PostgresNIO
import RecruitmentEvents
import TestSupport
import Testing

/// Runs `body` against a fresh database with the event-store migrations applied.
func withMigratedDatabase(
    maximumConnections: Int = 10,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: (PostgresClient, EventStore) async throws -> Void
) async throws {
    try await TestPostgres.withFreshDatabase(maximumConnections: maximumConnections, sourceLocation: sourceLocation) {
        client,
        _ in
        try await DatabaseMigrator(client: client, migrations: EventStoreMigrations.all, logger: TestPostgres.logger)
            .migrate()
        try await body(client, EventStore(client: client, logger: TestPostgres.logger))
    }
}

/// A test event envelope with a JSON payload.
func makeEnvelope(
    id: UUID = UUID(),
    stream: String,
    type: String = "asn.test.thing-happened.v1",
    payload: String = #"{"n":1}"#,
    time: Date = Date()
) -> EventEnvelope {
    EventEnvelope(
        id: id,
        type: type,
        source: "/asn/test",
        subject: "thing/\(stream)",
        time: time,
        streamId: stream,
        streamVersion: 0,
        correlationId: "corr-1",
        causationId: "cause-1",
        traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        partitionKey: stream,
        data: Array(payload.utf8)
    )
}

/// The payload decoded as a JSON object, for comparisons independent of formatting.
func jsonObject(_ bytes: [UInt8]) throws -> NSDictionary {
    try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? NSDictionary)
}

/// Runs one query and returns its single `bigint` result.
func scalar(_ query: PostgresQuery, on client: PostgresClient) async throws -> Int64 {
    let rows = try await client.query(query, logger: TestPostgres.logger)
    for try await value in rows.decode(Int64.self) { return value }
    Issue.record("query returned no row")
    return -1
}

/// An error thrown on purpose by test closures.
struct Boom: Error, Equatable {
    var label: String = "boom"
}
