import EventStore
import Foundation
import PostgresNIO
import RecruitmentEvents
import TestSupport
import Testing

@Suite("ProjectionStore (PostgreSQL)")
struct ProjectionStoreTests {
    static let group = "exam-scoring"
    static let topic = "recruitment.registration"

    /// A deliberately non-idempotent read model: applying an event twice would count it twice.
    static func createReadModel(_ client: PostgresClient) async throws {
        try await client.query(
            "CREATE TABLE submissions (stream text PRIMARY KEY, count int NOT NULL)",
            logger: TestPostgres.logger
        )
    }

    static func count(_ connection: PostgresConnection, _ envelope: EventEnvelope) async throws {
        try await connection.query(
            """
            INSERT INTO submissions VALUES (\(envelope.streamId), 1)
            ON CONFLICT (stream) DO UPDATE SET count = submissions.count + 1
            """,
            logger: TestPostgres.logger
        )
    }

    static func message(
        _ envelope: EventEnvelope,
        topic: String = topic,
        partition: Int32 = 0,
        offset: Int64
    ) -> ProjectionMessage {
        ProjectionMessage(
            topic: topic,
            partition: partition,
            offset: offset,
            key: Array(envelope.partitionKey.utf8),
            headers: [("ce_id", Array(envelope.id.uuidString.utf8)), ("ce_type", Array(envelope.type.utf8))],
            value: envelope.data,
            decoded: .success(envelope)
        )
    }

    /// The apply closure of a healthy projection: counts every event.
    static func countEvent(
        _ connection: PostgresConnection,
        _ envelope: EventEnvelope,
        _ message: ProjectionMessage
    ) async throws -> ApplyOutcome {
        try await count(connection, envelope)
        return .applied
    }

    static func total(_ client: PostgresClient) async throws -> Int64 {
        try await scalar("SELECT coalesce(sum(count), 0)::bigint FROM submissions", on: client)
    }

    @Test func aProjectionKilledBeforeCommitReplaysExactlyOnce() async throws {
        try await withMigratedDatabase { client, _ in
            try await Self.createReadModel(client)
            let projections = ProjectionStore(client: client, logger: TestPostgres.logger)
            let batch = (0..<5).map { Self.message(makeEnvelope(stream: "app-\($0 % 2)"), offset: Int64($0)) }

            // The process dies mid-batch: the third apply has written to the read model, then the batch aborts.
            var applied = 0
            await #expect(throws: Boom(label: "killed")) {
                try await projections.applyBatch(group: Self.group, messages: batch) { connection, envelope, _ in
                    try await Self.count(connection, envelope)
                    applied += 1
                    if applied == 3 { throw Boom(label: "killed") }
                    return .applied
                }
            }
            #expect(try await Self.total(client) == 0, "nothing of the aborted batch survived")
            #expect(try await projections.storedOffsets(group: Self.group).isEmpty)
            #expect(try await scalar("SELECT count(*)::bigint FROM projection_inbox", on: client) == 0)

            // After restart the same batch is consumed again (no offset was stored) and counts exactly once.
            let replay = try await projections.applyBatch(group: Self.group, messages: batch, apply: Self.countEvent)
            #expect(replay.appliedCount == 5)
            #expect(replay.nextOffsets == [TopicPartition(topic: Self.topic, partition: 0): 5])
            #expect(try await Self.total(client) == 5)

            // Re-delivering the applied batch (relay republish, rebalance overlap) is a no-op.
            var calls = 0
            let redelivery = try await projections.applyBatch(group: Self.group, messages: batch) { _, _, _ in
                calls += 1
                return .applied
            }
            #expect(calls == 0)
            #expect(redelivery.duplicateCount == 5)
            #expect(try await Self.total(client) == 5)

            // Older offsets never move the stored offset backwards.
            let stale = try await projections.applyBatch(
                group: Self.group,
                messages: Array(batch.prefix(2)),
                apply: Self.countEvent
            )
            #expect(stale.nextOffsets == [TopicPartition(topic: Self.topic, partition: 0): 5])
            #expect(
                try await projections.storedOffsets(
                    group: Self.group,
                    partitions: [TopicPartition(topic: Self.topic, partition: 0)]
                ) == [TopicPartition(topic: Self.topic, partition: 0): 5]
            )
        }
    }

    @Test func duplicatesWithinOneBatchAreAppliedOnce() async throws {
        try await withMigratedDatabase { client, _ in
            try await Self.createReadModel(client)
            let projections = ProjectionStore(client: client, logger: TestPostgres.logger)
            let event = makeEnvelope(stream: "app")
            let result = try await projections.applyBatch(
                group: Self.group,
                messages: [Self.message(event, offset: 7), Self.message(event, offset: 8)]
            ) { connection, envelope, _ in
                try await Self.count(connection, envelope)
                return .applied
            }
            #expect(result.outcomes == [.applied, .duplicate])
            #expect(try await Self.total(client) == 1)
            #expect(result.nextOffsets[TopicPartition(topic: Self.topic, partition: 0)] == 9)
        }
    }

    @Test func concurrentDeliveriesOfOneBatchApplyOnce() async throws {
        try await withMigratedDatabase { client, _ in
            try await Self.createReadModel(client)
            let projections = ProjectionStore(client: client, logger: TestPostgres.logger)
            let batch = (0..<20).map { Self.message(makeEnvelope(stream: "app-\($0 % 3)"), offset: Int64($0)) }
            let results = try await withThrowingTaskGroup(of: BatchResult.self) { group in
                // Overlapping deliveries in different orders wait for each other instead of deadlocking.
                for messages in [batch, batch.reversed(), batch] {
                    group.addTask {
                        try await projections.applyBatch(group: Self.group, messages: messages, apply: Self.countEvent)
                    }
                }
                var results: [BatchResult] = []
                for try await result in group { results.append(result) }
                return results
            }
            #expect(results.map(\.appliedCount).reduce(0, +) == 20)
            #expect(try await Self.total(client) == 20)
        }
    }

    @Test func undecodableAndRefusedMessagesAreDeadLetteredAndThePartitionKeepsFlowing() async throws {
        struct NotAnEvent: Error, CustomStringConvertible {
            var description: String { "missing ce_type header" }
        }
        try await withMigratedDatabase { client, _ in
            try await Self.createReadModel(client)
            let projections = ProjectionStore(client: client, logger: TestPostgres.logger)
            let good = makeEnvelope(stream: "app")
            let unknown = makeEnvelope(stream: "app", type: "asn.registration.from-the-future.v9")
            let garbage = ProjectionMessage(
                topic: Self.topic,
                partition: 2,
                offset: 11,
                key: Array("app".utf8),
                headers: [("ce_id", Array("not-a-uuid".utf8)), ("binary", [0xFF, 0x00, 0xFE])],
                value: [0x7B, 0x7B, 0xFF],
                decoded: .failure(NotAnEvent())
            )
            let batch = [
                Self.message(good, partition: 2, offset: 10),
                garbage,
                Self.message(unknown, partition: 2, offset: 12),
                Self.message(makeEnvelope(stream: "app"), partition: 2, offset: 13),
            ]
            let result = try await projections.applyBatch(group: Self.group, messages: batch) {
                connection,
                envelope,
                message in
                guard envelope.type == "asn.test.thing-happened.v1" else {
                    return .deadLetter(reason: "unknown event type \(envelope.type)")
                }
                return try await Self.countEvent(connection, envelope, message)
            }
            #expect(
                result.outcomes == [
                    .applied,
                    .deadLettered(reason: "undecodable: missing ce_type header"),
                    .deadLettered(reason: "unknown event type asn.registration.from-the-future.v9"),
                    .applied,
                ]
            )
            #expect(
                result.nextOffsets == [TopicPartition(topic: Self.topic, partition: 2): 14],
                "the offset advanced past the dead letters"
            )
            #expect(try await Self.total(client) == 2)

            #expect(try await projections.deadLetterCount(group: Self.group) == 2)
            let letters = try await projections.deadLetters(group: Self.group)
            #expect(letters.map(\.offset) == [12, 11])
            let refused = letters[0]
            #expect(refused.eventId == unknown.id)
            #expect(refused.eventType == unknown.type)
            #expect(refused.reason == "unknown event type asn.registration.from-the-future.v9")
            let undecodable = letters[1]
            #expect(undecodable.topic == Self.topic)
            #expect(undecodable.partition == 2)
            #expect(undecodable.eventId == nil)
            #expect(undecodable.reason == "undecodable: missing ce_type header")
            #expect(undecodable.key == Array("app".utf8))
            #expect(undecodable.payload == [0x7B, 0x7B, 0xFF])
            #expect(undecodable.headers.map(\.0) == ["ce_id", "binary"])
            #expect(undecodable.headers.map(\.1) == [Array("not-a-uuid".utf8), [0xFF, 0x00, 0xFE]])

            // The next batch continues after the dead letters.
            let next = try await projections.applyBatch(
                group: Self.group,
                messages: [Self.message(makeEnvelope(stream: "app"), partition: 2, offset: 14)]
            ) { connection, envelope, _ in
                try await Self.count(connection, envelope)
                return .applied
            }
            #expect(next.nextOffsets == [TopicPartition(topic: Self.topic, partition: 2): 15])
            #expect(try await Self.total(client) == 3)
        }
    }

    @Test func offsetsAreKeptPerGroupAndPartition() async throws {
        try await withMigratedDatabase { client, _ in
            let projections = ProjectionStore(client: client, logger: TestPostgres.logger)
            let batch = [
                Self.message(makeEnvelope(stream: "a"), topic: "recruitment.registration", partition: 0, offset: 3),
                Self.message(makeEnvelope(stream: "b"), topic: "recruitment.registration", partition: 1, offset: 8),
                Self.message(makeEnvelope(stream: "c"), topic: "recruitment.verification", partition: 0, offset: 0),
                Self.message(makeEnvelope(stream: "d"), topic: "recruitment.registration", partition: 0, offset: 4),
            ]
            try await projections.applyBatch(group: "announcements", messages: batch) { _, _, _ in .ignored }

            let all = try await projections.storedOffsets(group: "announcements")
            #expect(
                all == [
                    TopicPartition(topic: "recruitment.registration", partition: 0): 5,
                    TopicPartition(topic: "recruitment.registration", partition: 1): 9,
                    TopicPartition(topic: "recruitment.verification", partition: 0): 1,
                ]
            )
            let some = try await projections.storedOffsets(
                group: "announcements",
                partitions: [
                    TopicPartition(topic: "recruitment.registration", partition: 1),
                    TopicPartition(topic: "recruitment.exam", partition: 0),
                ]
            )
            #expect(some == [TopicPartition(topic: "recruitment.registration", partition: 1): 9])
            #expect(try await projections.storedOffsets(group: "verification").isEmpty)

            await #expect(throws: ProjectionStoreError.emptyGroup) {
                try await projections.applyBatch(group: "", messages: batch) { _, _, _ in .ignored }
            }
        }
    }

    @Test func resetClearsTheProjectionAtomicallyWithTheReadModel() async throws {
        try await withMigratedDatabase { client, _ in
            try await Self.createReadModel(client)
            let projections = ProjectionStore(client: client, logger: TestPostgres.logger)
            let batch = (0..<4).map { Self.message(makeEnvelope(stream: "app-\($0)"), offset: Int64($0)) }
                + [
                    ProjectionMessage(
                        topic: Self.topic, partition: 0, offset: 4, key: nil, headers: [], value: nil,
                        decoded: .failure(Boom(label: "tombstone"))
                    )
                ]
            let apply: (PostgresConnection, EventEnvelope, ProjectionMessage) async throws -> ApplyOutcome = {
                connection,
                envelope,
                _ in
                try await Self.count(connection, envelope)
                return .applied
            }
            try await projections.applyBatch(group: Self.group, messages: batch, apply: apply)
            // Another group's bookkeeping is not touched by the reset.
            try await projections.applyBatch(group: "other", messages: batch) { _, _, _ in .ignored }

            // A failing read-model reset leaves everything as it was.
            await #expect(throws: Boom(label: "reset")) {
                try await projections.reset(group: Self.group) { connection in
                    try await connection.query("DELETE FROM submissions", logger: TestPostgres.logger)
                    throw Boom(label: "reset")
                }
            }
            #expect(try await Self.total(client) == 4)
            #expect(try await projections.storedOffsets(group: Self.group).count == 1)

            try await projections.reset(group: Self.group) { connection in
                try await connection.query("DELETE FROM submissions", logger: TestPostgres.logger)
            }
            #expect(try await Self.total(client) == 0)
            #expect(try await projections.storedOffsets(group: Self.group).isEmpty)
            #expect(try await projections.deadLetterCount(group: Self.group) == 0)
            let inbox = try await scalar(
                "SELECT count(*)::bigint FROM projection_inbox WHERE consumer_group = 'exam-scoring'",
                on: client
            )
            #expect(inbox == 0)
            #expect(try await projections.storedOffsets(group: "other").count == 1)
            #expect(try await projections.deadLetterCount(group: "other") == 1)

            // The rebuild replays from the beginning and projects every event once more.
            let rebuilt = try await projections.applyBatch(group: Self.group, messages: batch, apply: apply)
            #expect(rebuilt.appliedCount == 4)
            #expect(rebuilt.deadLetteredCount == 1)
            #expect(try await Self.total(client) == 4)
        }
    }
}
