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
            let result = try await store.append(first, expectedVersion: 0, alongside: countingEvent(of: "s", to: 1))
            #expect(!result.wasAlreadyStored)
            #expect(result.streamVersion == 1)
            #expect(result.events.first?.publishedAt == nil)

            let second = makeEnvelope(stream: "s", payload: #"{"n": 2}"#)
            let next = try await store.append(second, expectedVersion: 1, alongside: countingEvent(of: "s", to: 2))
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

    @Test func aStaleVersionAppendsNothingAndChangesNothing() async throws {
        try await withSummaries { client, store in
            try await store.append(makeEnvelope(stream: "s"), expectedVersion: 0, alongside: countingEvent(of: "s", to: 1))
            try await store.append(makeEnvelope(stream: "s"), expectedVersion: 1, alongside: countingEvent(of: "s", to: 2))
            for stale: Int64 in [0, 1, 5] {
                await #expect(throws: EventStoreError.concurrencyConflict(stream: "s", expected: stale, actual: 2)) {
                    try await store.append(
                        makeEnvelope(stream: "s"), expectedVersion: stale, alongside: countingEvent(of: "s", to: 99))
                }
            }
            #expect(try await store.streamVersion(of: "s") == 2)
            #expect(try await scalar("SELECT events::bigint FROM thing_summaries WHERE stream_id = 's'", on: client) == 2)
        }
    }

    @Test func concurrentWritersOnOneStreamExactlyOneWinsAndOnlyItsChangeApplies() async throws {
        try await withSummaries(maximumConnections: 8) { client, store in
            try await store.append(makeEnvelope(stream: "s"), expectedVersion: 0, alongside: countingEvent(of: "s", to: 1))
            let outcomes = try await withThrowingTaskGroup(of: Result<Int, EventStoreError>.self) { group in
                for writer in 0..<16 {
                    group.addTask {
                        do {
                            try await store.append(
                                makeEnvelope(stream: "s", payload: #"{"writer":\#(writer)}"#), expectedVersion: 1,
                                alongside: "UPDATE thing_summaries SET events = \(100 + writer) WHERE stream_id = 's' AND \(unescaped: EventStore.whenAppended)")
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
            let first = try await store.append(event, expectedVersion: 0, alongside: countingEvent(of: "s", to: 1))
            let retry = try await store.append(event, expectedVersion: 0, alongside: countingEvent(of: "s", to: 7))
            #expect(retry.wasAlreadyStored)
            #expect(retry.events.map(\.position) == first.events.map(\.position))
            #expect(try await scalar("SELECT events::bigint FROM thing_summaries WHERE stream_id = 's'", on: client) == 1)

            let reused = makeEnvelope(id: event.id, stream: "s", payload: #"{"n":2}"#)
            await #expect(throws: EventStoreError.eventIdConflict(eventId: event.id, existingStream: "s")) {
                try await store.append(reused, expectedVersion: 1, alongside: countingEvent(of: "s", to: 8))
            }
            #expect(try await store.streamVersion(of: "s") == 1)
        }
    }

    @Test func aFailingChangeStoresNothingAndKeepsItsError() async throws {
        try await withSummaries { client, store in
            // The change violates the summaries' primary key: the event must not be stored either.
            try await client.query("INSERT INTO thing_summaries VALUES ('taken', 1)", logger: TestPostgres.logger)
            let error = await #expect(throws: PSQLError.self) {
                try await store.append(
                    makeEnvelope(stream: "s"), expectedVersion: 0,
                    alongside: "UPDATE thing_summaries SET stream_id = 'taken' WHERE stream_id = 's' AND \(unescaped: EventStore.whenAppended)")
            }
            #expect(error?.violatedUniqueConstraint == "thing_summaries_pkey")
            // A data exception of the change is the change's, not the payload's.
            let badCast = await #expect(throws: PSQLError.self) {
                try await store.append(
                    makeEnvelope(stream: "s"), expectedVersion: 0,
                    alongside: "UPDATE thing_summaries SET events = \("many")::bigint WHERE stream_id = 's' AND \(unescaped: EventStore.whenAppended)")
            }
            #expect(badCast?.serverInfo?[.sqlState] == "22P02")
            #expect(try await store.streamVersion(of: "s") == 0)
            #expect(try await scalar("SELECT events::bigint FROM thing_summaries WHERE stream_id = 's'", on: client) == 0)
        }
    }

    @Test func malformedAppendsAreRefused() async throws {
        try await withSummaries { client, store in
            await #expect(throws: EventStoreError.invalidAppend(reason: "the change alongside the append lacks \(EventStore.whenAppended)")) {
                try await store.append(
                    makeEnvelope(stream: "s"), expectedVersion: 0, alongside: "UPDATE thing_summaries SET events = 5")
            }
            for payload in ["{not json", #"{"text":"a\u0000b"}"#] {
                let refused = makeEnvelope(stream: "s", payload: payload)
                let error = await #expect(throws: EventStoreError.self, "\(payload)") {
                    try await store.append(refused, expectedVersion: 0, alongside: countingEvent(of: "s", to: 1))
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
private func countingEvent(of stream: String, to count: Int64) -> PostgresQuery {
    "UPDATE thing_summaries SET events = \(count) WHERE stream_id = \(stream) AND \(unescaped: EventStore.whenAppended)"
}
