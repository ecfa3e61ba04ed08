import EventStore
import Foundation
import PostgresNIO
import RecruitmentEvents
import TestSupport
import Testing

@Suite("EventStore append alongside a change, in one statement (PostgreSQL)")
struct EventStoreAppendAlongsideTests {
    @Test func appendsTheEventAndAppliesTheChangeTogether() async throws {
        try await withSummaries { client, store in
            let first = makeEnvelope(stream: "s", payload: #"{"n": 1}"#)
            let result = try await store.append(first, expectedVersion: 0, alongside: CountEvents(stream: "s", count: 1))
            #expect(!result.wasAlreadyStored)
            #expect(result.streamVersion == 1)
            #expect(try await store.unpublishedEvents().map(\.envelope.id) == [first.id],
                    "the statement queues the event in the outbox")

            let second = makeEnvelope(stream: "s", payload: #"{"n": 2}"#)
            let next = try await store.append(second, expectedVersion: 1, alongside: CountEvents(stream: "s", count: 2))
            #expect(next.streamVersion == 2)
            let (firstStored, nextStored) = (try #require(result.events.first), try #require(next.events.first))
            #expect(nextStored.position > firstStored.position)

            let loaded = try await store.loadStream("s")
            #expect(loaded.map(\.id) == [first.id, second.id])
            #expect(loaded.map(\.streamVersion) == [1, 2])
            #expect(try jsonObject(loaded[1].data) == jsonObject(second.data))
            #expect(try await scalar("SELECT events::bigint FROM thing_summaries WHERE stream_id = 's'", on: client) == 2)
        }
    }

    @Test func theChangeCanStoreTheAppendedPayload() async throws {
        try await withSummaries { client, store in
            try await client.query("ALTER TABLE thing_summaries ADD COLUMN latest jsonb", logger: TestPostgres.logger)
            let event = makeEnvelope(stream: "s", payload: #"{"n": 1, "name": "Maria Lake"}"#)
            try await store.append(event, expectedVersion: 0, alongside: KeepLatest(stream: "s"))
            let copies = try await scalar(
                """
                SELECT count(*)::bigint FROM thing_summaries JOIN events USING (stream_id)
                WHERE thing_summaries.latest = events.payload AND events.payload = '{"n": 1, "name": "Maria Lake"}'
                """,
                on: client)
            #expect(copies == 1, "the read model holds the stored payload itself")
            // A stale append keeps the copy it has.
            await #expect(throws: EventStoreError.self) {
                try await store.append(
                    makeEnvelope(stream: "s", payload: #"{"n": 2}"#), expectedVersion: 0, alongside: KeepLatest(stream: "s"))
            }
            let latest = try await scalar("SELECT (latest->>'n')::bigint FROM thing_summaries WHERE stream_id = 's'", on: client)
            #expect(latest == 1)
        }
    }

    @Test func aStaleVersionAppendsNothingAndChangesNothing() async throws {
        try await withSummaries { client, store in
            try await store.append(makeEnvelope(stream: "s"), expectedVersion: 0, alongside: CountEvents(stream: "s", count: 1))
            try await store.append(makeEnvelope(stream: "s"), expectedVersion: 1, alongside: CountEvents(stream: "s", count: 2))
            for stale: Int64 in [0, 1, 5] {
                await #expect(throws: EventStoreError.concurrencyConflict(stream: "s", expected: stale, actual: 2)) {
                    try await store.append(
                        makeEnvelope(stream: "s"), expectedVersion: stale, alongside: CountEvents(stream: "s", count: 99))
                }
            }
            #expect(try await store.streamVersion(of: "s") == 2)
            #expect(try await scalar("SELECT events::bigint FROM thing_summaries WHERE stream_id = 's'", on: client) == 2)
        }
    }

    @Test func concurrentWritersOnOneStreamExactlyOneWinsAndOnlyItsChangeApplies() async throws {
        try await withSummaries(maximumConnections: 8) { client, store in
            try await store.append(makeEnvelope(stream: "s"), expectedVersion: 0, alongside: CountEvents(stream: "s", count: 1))
            let outcomes = try await withThrowingTaskGroup(of: Result<Int, EventStoreError>.self) { group in
                for writer in 0..<16 {
                    group.addTask {
                        do {
                            try await store.append(
                                makeEnvelope(stream: "s", payload: #"{"writer":\#(writer)}"#), expectedVersion: 1,
                                alongside: CountEvents(stream: "s", count: Int64(100 + writer)))
                            return .success(writer)
                        } catch let error as EventStoreError {
                            return .failure(error)
                        }
                    }
                }
                var outcomes: [Result<Int, EventStoreError>] = []
                for try await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            let winners = outcomes.compactMap { try? $0.get() }
            #expect(winners.count == 1)
            for case .failure(let error) in outcomes {
                #expect(error == .concurrencyConflict(stream: "s", expected: 1, actual: 2))
            }
            let winner = try #require(winners.first)
            #expect(try await scalar("SELECT count(*)::bigint FROM events", on: client) == 2)
            #expect(
                try await scalar("SELECT events::bigint FROM thing_summaries WHERE stream_id = 's'", on: client)
                    == Int64(100 + winner),
                "only the winner's change is applied")
        }
    }

    @Test func anIdenticalRetryIsANoOpAndAReusedIdIsAConflict() async throws {
        try await withSummaries { client, store in
            let event = makeEnvelope(stream: "s", payload: #"{"n":1}"#)
            let first = try await store.append(event, expectedVersion: 0, alongside: CountEvents(stream: "s", count: 1))
            let retry = try await store.append(event, expectedVersion: 0, alongside: CountEvents(stream: "s", count: 7))
            #expect(retry.wasAlreadyStored)
            #expect(retry.events.map(\.position) == first.events.map(\.position))
            #expect(try await scalar("SELECT events::bigint FROM thing_summaries WHERE stream_id = 's'", on: client) == 1)

            let reused = makeEnvelope(id: event.id, stream: "s", payload: #"{"n":2}"#)
            await #expect(throws: EventStoreError.eventIdConflict(eventId: event.id, existingStream: "s")) {
                try await store.append(reused, expectedVersion: 1, alongside: CountEvents(stream: "s", count: 8))
            }
            #expect(try await store.streamVersion(of: "s") == 1)
        }
    }

    @Test func aFailingChangeStoresNothingAndKeepsItsError() async throws {
        try await withSummaries { client, store in
            // The change violates the summaries' primary key: the event must not be stored either.
            let error = await #expect(throws: PSQLError.self) {
                try await store.append(
                    makeEnvelope(stream: "s"), expectedVersion: 0, alongside: InsertSummary(stream: "s", count: "1"))
            }
            #expect(error?.violatedUniqueConstraint == "thing_summaries_pkey")
            // A data exception of the change is the change's, not the payload's.
            let badCast = await #expect(throws: PSQLError.self) {
                try await store.append(
                    makeEnvelope(stream: "s"), expectedVersion: 0, alongside: InsertSummary(stream: "t", count: "many"))
            }
            #expect(badCast?.serverInfo?[.sqlState] == "22P02")
            let version = try await store.streamVersion(of: "s")
            let summaries = try await scalar("SELECT count(*)::bigint FROM thing_summaries", on: client)
            #expect(version == 0)
            #expect(summaries == 1, "only the summary the tests start with")
        }
    }

    @Test func malformedAppendsAreRefused() async throws {
        try await withSummaries { client, store in
            await #expect(throws: EventStoreError.invalidAppend(
                reason: "the change test_unguarded lacks \(EventStore.whenAppended)")
            ) {
                try await store.append(makeEnvelope(stream: "s"), expectedVersion: 0, alongside: Unguarded())
            }
            await #expect(throws: EventStoreError.invalidAppend(
                reason: "the change test_count_events bound 3 values for 2 parameters")
            ) {
                try await store.append(
                    makeEnvelope(stream: "s"), expectedVersion: 0, alongside: CountEvents(stream: "s", count: 1, extra: true))
            }
            for payload in ["{not json", #"{"text":"a\u0000b"}"#] {
                let refused = makeEnvelope(stream: "s", payload: payload)
                let error = await #expect(throws: EventStoreError.self, "\(payload)") {
                    try await store.append(refused, expectedVersion: 0, alongside: CountEvents(stream: "s", count: 1))
                }
                if case .invalidPayload(let eventId, _) = error {
                    #expect(eventId == refused.id)
                } else {
                    Issue.record("\(payload): expected invalidPayload, got \(String(describing: error))")
                }
            }
            let (stored, summarised) = (
                try await scalar("SELECT count(*)::bigint FROM events", on: client),
                try await scalar("SELECT events::bigint FROM thing_summaries WHERE stream_id = 's'", on: client)
            )
            #expect(stored == 0)
            #expect(summarised == 0)
        }
    }
}

/// A migrated database with a `thing_summaries` read model holding the row `('s', 0)`.
private func withSummaries(
    maximumConnections: Int = 10,
    _ body: (PostgresClient, EventStore) async throws -> Void
) async throws {
    try await withMigratedDatabase(maximumConnections: maximumConnections) { client, store in
        try await client.query(
            "CREATE TABLE thing_summaries (stream_id text PRIMARY KEY, events bigint NOT NULL)",
            logger: TestPostgres.logger)
        try await client.query("INSERT INTO thing_summaries VALUES ('s', 0)", logger: TestPostgres.logger)
        try await body(client, store)
    }
}

/// The read-model change of the tests: records that `stream` now has `count` events.
private struct CountEvents: AppendAlongsideChange {
    static let name = "test_count_events"
    static let sql = """
        UPDATE thing_summaries SET events = $1::bigint WHERE stream_id = $2::text AND \(EventStore.whenAppended)
        """
    static let parameterCount = 2

    var stream: String
    var count: Int64
    /// Binds one value too many, to test the store's check.
    var extra = false

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 2)
        bindings.append(count)
        bindings.append(stream)
        if extra { bindings.append(count) }
        return bindings
    }
}

/// Copies the appended event's payload into the summary of `stream`.
private struct KeepLatest: AppendAlongsideChange {
    static let name = "test_keep_latest"
    static let sql = """
        UPDATE thing_summaries SET latest = \(EventStore.appendedPayload)
        WHERE stream_id = $1::text AND \(EventStore.whenAppended)
        """
    static let parameterCount = 1

    var stream: String

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(stream)
        return bindings
    }
}

/// Inserts a summary, its count given as text: a change that violates the primary key for an existing stream, and
/// raises a data exception when the count is not a number.
private struct InsertSummary: AppendAlongsideChange {
    static let name = "test_insert_summary"
    static let sql = """
        INSERT INTO thing_summaries SELECT $1::text, $2::text::bigint WHERE \(EventStore.whenAppended)
        """
    static let parameterCount = 2

    var stream: String
    var count: String

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 2)
        bindings.append(stream)
        bindings.append(count)
        return bindings
    }
}

/// A change without the guard, which the store must refuse.
private struct Unguarded: AppendAlongsideChange {
    static let name = "test_unguarded"
    static let sql = "UPDATE thing_summaries SET events = 5"
    static let parameterCount = 0

    func makeBindings() throws -> PostgresBindings { PostgresBindings() }
}
