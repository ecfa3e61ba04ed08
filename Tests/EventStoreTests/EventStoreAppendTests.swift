import EventStore
import Foundation
import PostgresNIO
import RecruitmentEvents
import TestSupport
import Testing

@Suite("EventStore append and load (PostgreSQL)")
struct EventStoreAppendTests {
    @Test func appendsAndLoadsAStreamInVersionOrder() async throws {
        try await withMigratedDatabase { _, store in
            let time = Date(timeIntervalSince1970: 1_740_817_800.654321)
            let first = makeEnvelope(stream: "application-1", payload: #"{"n": 1, "name": "Ana"}"#, time: time)
            let second = makeEnvelope(stream: "application-1", type: "asn.test.other.v1", payload: #"{"n":2}"#)

            let result = try await store.append([first, second], toStream: "application-1", expectedVersion: 0)
            #expect(!result.wasAlreadyStored)
            #expect(result.streamVersion == 2)
            #expect(result.events.map(\.envelope.streamVersion) == [1, 2])
            #expect(result.events[0].position < result.events[1].position)
            #expect(try await store.unpublishedEvents().map(\.position) == result.events.map(\.position),
                    "an append queues its events in the outbox")

            let loaded = try await store.loadStream("application-1")
            #expect(loaded == result.events.map(\.envelope), "append returns what loadStream reads")
            #expect(loaded.map(\.id) == [first.id, second.id])
            let envelope = loaded[0]
            #expect(envelope.type == first.type)
            #expect(envelope.source == first.source)
            #expect(envelope.subject == first.subject)
            #expect(envelope.time == time)
            #expect(envelope.correlationId == first.correlationId)
            #expect(envelope.causationId == first.causationId)
            #expect(envelope.traceparent == first.traceparent)
            #expect(envelope.partitionKey == first.partitionKey)
            #expect(try jsonObject(envelope.data) == jsonObject(first.data))

            #expect(try await store.loadStream("application-1", afterVersion: 1).map(\.id) == [second.id])
            #expect(try await store.loadStream("application-2").isEmpty)
            #expect(try await store.streamVersion(of: "application-1") == 2)
            #expect(try await store.streamVersion(of: "application-2") == 0)

            let next = makeEnvelope(stream: "application-1")
            let third = try await store.append([next], toStream: "application-1", expectedVersion: 2)
            #expect(third.events.map(\.envelope.streamVersion) == [3])
        }
    }

    @Test func concurrentWritersOnOneStreamExactlyOneWins() async throws {
        try await withMigratedDatabase(maximumConnections: 8) { client, store in
            try await store.append([makeEnvelope(stream: "s")], toStream: "s", expectedVersion: 0)
            let writers = 16
            let outcomes = try await withThrowingTaskGroup(of: Result<AppendResult, EventStoreError>.self) { group in
                for index in 0..<writers {
                    group.addTask {
                        do {
                            return .success(
                                try await store.append(
                                    [makeEnvelope(stream: "s", payload: #"{"writer":\#(index)}"#)],
                                    toStream: "s",
                                    expectedVersion: 1
                                )
                            )
                        } catch let error as EventStoreError {
                            return .failure(error)
                        }
                    }
                }
                var outcomes: [Result<AppendResult, EventStoreError>] = []
                for try await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            let winners = outcomes.compactMap { try? $0.get() }
            #expect(winners.count == 1)
            #expect(winners.first?.streamVersion == 2)
            for case .failure(let error) in outcomes {
                #expect(error == .concurrencyConflict(stream: "s", expected: 1, actual: 2))
            }
            #expect(try await scalar("SELECT count(*)::bigint FROM events WHERE stream_id = 's'", on: client) == 2)
        }
    }

    @Test func aStaleOrFutureExpectedVersionConflicts() async throws {
        try await withMigratedDatabase { _, store in
            try await store.append([makeEnvelope(stream: "s")], toStream: "s", expectedVersion: 0)
            await #expect(throws: EventStoreError.concurrencyConflict(stream: "s", expected: 0, actual: 1)) {
                try await store.append([makeEnvelope(stream: "s")], toStream: "s", expectedVersion: 0)
            }
            // A version ahead of the stream would leave a gap: refused as well.
            await #expect(throws: EventStoreError.concurrencyConflict(stream: "s", expected: 5, actual: 1)) {
                try await store.append([makeEnvelope(stream: "s")], toStream: "s", expectedVersion: 5)
            }
            #expect(try await store.streamVersion(of: "s") == 1)
        }
    }

    @Test func appendingTheSameEventIdTwiceIsANoOp() async throws {
        try await withMigratedDatabase { client, store in
            let events = [makeEnvelope(stream: "s"), makeEnvelope(stream: "s", payload: #"{"n":2}"#)]
            var updates = 0
            let first = try await store.append(events, toStream: "s", expectedVersion: 0) { _, _ in updates += 1 }
            // A retry of the very same append (e.g. after a lost COMMIT acknowledgement) …
            let retry = try await store.append(events, toStream: "s", expectedVersion: 0) { _, _ in updates += 1 }
            #expect(retry.wasAlreadyStored)
            #expect(retry.events == first.events, "the retry returns what was stored")
            // … and a retry after re-reading the stream (same ids, payload formatted differently).
            var reformatted = events
            reformatted[1].data = Array(#"{ "n" : 2 }"#.utf8)
            let later = try await store.append(reformatted, toStream: "s", expectedVersion: 2) { _, _ in updates += 1 }
            #expect(later.wasAlreadyStored)
            #expect(later.events == first.events)
            #expect(updates == 1, "the read-model update ran once")
            #expect(try await scalar("SELECT count(*)::bigint FROM events", on: client) == 2)
        }
    }

    @Test func reusingAnEventIdForDifferentContentIsAnError() async throws {
        try await withMigratedDatabase { client, store in
            let original = makeEnvelope(stream: "s", payload: #"{"n":1}"#)
            try await store.append([original], toStream: "s", expectedVersion: 0)

            var otherPayload = original
            otherPayload.data = Array(#"{"n":2}"#.utf8)
            await #expect(throws: EventStoreError.eventIdConflict(eventId: original.id, existingStream: "s")) {
                try await store.append([otherPayload], toStream: "s", expectedVersion: 0)
            }
            var otherStream = original
            otherStream.streamId = "t"
            await #expect(throws: EventStoreError.eventIdConflict(eventId: original.id, existingStream: "s")) {
                try await store.append([otherStream], toStream: "t", expectedVersion: 0)
            }
            var otherType = original
            otherType.type = "asn.test.renamed.v1"
            await #expect(throws: EventStoreError.eventIdConflict(eventId: original.id, existingStream: "s")) {
                try await store.append([otherType], toStream: "s", expectedVersion: 0)
            }
            // Part of a batch already stored: not a retry of the same append.
            await #expect(throws: EventStoreError.eventIdConflict(eventId: original.id, existingStream: "s")) {
                try await store.append([original, makeEnvelope(stream: "s")], toStream: "s", expectedVersion: 0)
            }
            #expect(try await scalar("SELECT count(*)::bigint FROM events", on: client) == 1)
        }
    }

    @Test func concurrentIdenticalRetriesStoreOneRow() async throws {
        try await withMigratedDatabase(maximumConnections: 6) { client, store in
            let event = makeEnvelope(stream: "s")
            let results = try await withThrowingTaskGroup(of: AppendResult.self) { group in
                for _ in 0..<10 {
                    group.addTask { try await store.append([event], toStream: "s", expectedVersion: 0) }
                }
                var results: [AppendResult] = []
                for try await result in group { results.append(result) }
                return results
            }
            #expect(results.count { !$0.wasAlreadyStored } == 1)
            #expect(results.allSatisfy { $0.events == results[0].events })
            #expect(try await scalar("SELECT count(*)::bigint FROM events", on: client) == 1)
        }
    }

    @Test func theInlineReadModelUpdateIsAtomicWithTheAppend() async throws {
        try await withMigratedDatabase { client, store in
            try await client.query(
                "CREATE TABLE thing_summaries (stream text PRIMARY KEY, events int NOT NULL)",
                logger: TestPostgres.logger
            )

            // Success: the read model changes with the append, and the closure reads its own write.
            let result = try await store.append([makeEnvelope(stream: "s")], toStream: "s", expectedVersion: 0) {
                connection,
                stored in
                try await connection.query(
                    "INSERT INTO thing_summaries VALUES ('s', \(Int32(stored.count)))",
                    logger: TestPostgres.logger
                )
                let seen = try await connection.query(
                    "SELECT count(*)::bigint FROM events WHERE stream_id = 's'",
                    logger: TestPostgres.logger
                ).collect().first?.decode(Int64.self)
                #expect(seen == 1)
            }
            #expect(result.streamVersion == 1)
            #expect(try await scalar("SELECT events::bigint FROM thing_summaries", on: client) == 1)

            // Failure: the read-model update fails after its writes; no event is appended, no write survives.
            await #expect(throws: Boom(label: "read model")) {
                let event = makeEnvelope(stream: "s")
                try await store.append([event], toStream: "s", expectedVersion: 1) { connection, _ in
                    try await connection.query(
                        "UPDATE thing_summaries SET events = events + 1",
                        logger: TestPostgres.logger
                    )
                    throw Boom(label: "read model")
                }
            }
            // A database error in the update (here a unique violation) also rolls the append back.
            await #expect(throws: PSQLError.self) {
                let event = makeEnvelope(stream: "s")
                try await store.append([event], toStream: "s", expectedVersion: 1) { connection, _ in
                    try await connection.query(
                        "INSERT INTO thing_summaries VALUES ('s', 9)",
                        logger: TestPostgres.logger
                    )
                }
            }
            #expect(try await store.streamVersion(of: "s") == 1)
            #expect(try await scalar("SELECT count(*)::bigint FROM events", on: client) == 1)
            #expect(try await scalar("SELECT events::bigint FROM thing_summaries", on: client) == 1)
        }
    }

    @Test func malformedAppendsAreRefused() async throws {
        try await withMigratedDatabase { client, store in
            await #expect(throws: EventStoreError.invalidAppend(reason: "no events to append")) {
                try await store.append([], toStream: "s", expectedVersion: 0)
            }
            await #expect(throws: EventStoreError.self) {
                try await store.append([makeEnvelope(stream: "other")], toStream: "s", expectedVersion: 0)
            }
            let event = makeEnvelope(stream: "s")
            await #expect(throws: EventStoreError.self) {
                try await store.append([event, event], toStream: "s", expectedVersion: 0)
            }
            // PostgreSQL is the authority on payloads: text that is not JSON, and JSON that jsonb refuses (a NUL
            // character), map to the same typed error, and nothing is stored.
            for payload in ["{not json", #"{"text":"a\u0000b"}"#] {
                let refused = makeEnvelope(stream: "s", payload: payload)
                let error = await #expect(throws: EventStoreError.self, "\(payload)") {
                    try await store.append([refused], toStream: "s", expectedVersion: 0)
                }
                if case .invalidPayload(let eventId, let reason) = error {
                    #expect(eventId == refused.id)
                    #expect(!reason.isEmpty)
                } else {
                    Issue.record("\(payload): expected invalidPayload, got \(String(describing: error))")
                }
            }
            let stored = try await scalar("SELECT count(*)::bigint FROM events", on: client)
            #expect(stored == 0)
        }
    }

    @Test func theEventsTableIsAppendOnly() async throws {
        try await withMigratedDatabase { client, store in
            try await store.append([makeEnvelope(stream: "s")], toStream: "s", expectedVersion: 0)
            for statement in [
                "DELETE FROM events",
                "UPDATE events SET payload = '{}'",
                "UPDATE events SET stream_version = 7",
                "UPDATE events SET recorded_at = now()",
                "UPDATE events SET position = position",
                "UPDATE events SET type = type",
                "TRUNCATE events",
            ] {
                let error = await #expect(throws: PSQLError.self, "\(statement)") {
                    try await client.query(PostgresQuery(unsafeSQL: statement), logger: TestPostgres.logger)
                }
                #expect(error?.serverInfo?[.sqlState] == "23001", "\(statement) is refused with restrict_violation")
            }
            #expect(try await scalar("SELECT count(*)::bigint FROM events", on: client) == 1)
        }
    }

    @Test func readAllPagesThroughTheWholeStore() async throws {
        try await withMigratedDatabase { _, store in
            for stream in ["a", "b", "c"] {
                try await store.append(
                    [makeEnvelope(stream: stream), makeEnvelope(stream: stream)],
                    toStream: stream,
                    expectedVersion: 0
                )
            }
            var seen: [StoredEvent] = []
            var position: Int64 = 0
            while true {
                let page = try await store.readAll(after: position, limit: 4)
                guard let last = page.last else { break }
                seen += page
                position = last.position
            }
            #expect(seen.count == 6)
            #expect(seen.map(\.position) == seen.map(\.position).sorted())
            #expect(seen.map(\.envelope.streamId) == ["a", "a", "b", "b", "c", "c"])
        }
    }
}
