import Foundation
public import PostgresNIO
public import RecruitmentEvents

extension ProjectionStore {
    /// Applies a batch of consumed messages in one transaction.
    ///
    /// The event ids of the batch are inserted into `projection_inbox` first (one statement). Then, for each message,
    /// in order:
    /// - undecodable (``ProjectionMessage/decoded`` is a failure): written to `dead_letters` with the decoding error;
    /// - its event id was already in the inbox (or earlier in the batch): a duplicate, skipped without calling `apply`;
    /// - otherwise `apply` projects it onto the read model through the transaction's connection; it may answer
    ///   ``ApplyOutcome/deadLetter(reason:)`` to have it dead-lettered instead.
    ///
    /// Finally the next offset (highest offset + 1) of each partition in the batch is upserted with `GREATEST`, so a
    /// stored offset never moves backwards. If `apply` throws, the whole batch is rolled back — read model, inbox,
    /// dead letters and offsets alike — and the error is rethrown unchanged; consuming the batch again later
    /// projects it exactly once.
    ///
    /// - Parameters:
    ///   - group: the consumer group (the projection's name).
    ///   - messages: the batch, in consumption order; may span several partitions.
    ///   - apply: projects one new event; called only for events not seen before.
    @discardableResult
    public func applyBatch(
        group: String,
        messages: [ProjectionMessage],
        isolation: isolated (any Actor)? = #isolation,
        apply: (PostgresConnection, EventEnvelope, ProjectionMessage) async throws -> ApplyOutcome
    ) async throws -> BatchResult {
        try await applyBatch(group: group, messages: messages) { connection, newEvents in
            var outcomes: [ApplyOutcome] = []
            outcomes.reserveCapacity(newEvents.count)
            for newEvent in newEvents {
                outcomes.append(try await apply(connection, newEvent.envelope, newEvent.message))
            }
            return outcomes
        }
    }

    /// Like ``applyBatch(group:messages:isolation:apply:)``, but hands every new event of the batch to `applyAll` at
    /// once, in consumption order, so a projection can update its read model with a few set-based statements instead
    /// of one per event. `applyAll` returns one outcome per event it was given.
    @discardableResult
    public func applyBatch(
        group: String,
        messages: [ProjectionMessage],
        isolation: isolated (any Actor)? = #isolation,
        applyAll: (PostgresConnection, [NewEvent]) async throws -> [ApplyOutcome]
    ) async throws -> BatchResult {
        guard !group.isEmpty else { throw ProjectionStoreError.emptyGroup }
        for message in messages where message.partition < 0 || message.offset < 0 {
            throw ProjectionStoreError.invalidMessage(
                topic: message.topic,
                partition: message.partition,
                offset: message.offset
            )
        }
        guard !messages.isEmpty else { return BatchResult(outcomes: [], nextOffsets: [:]) }

        return try await PostgresTransaction.run(on: client, logger: logger) { connection in
            let eventIds = messages.compactMap { $0.envelope?.id }
            var newEventIds = try await recordInInbox(eventIds, group: group, on: connection)
            var outcomes: [BatchResult.MessageOutcome?] = Array(repeating: nil, count: messages.count)
            var pending: [NewEvent] = []
            var pendingIndexes: [Int] = []
            for (index, message) in messages.enumerated() {
                switch message.decoded {
                case .failure(let error):
                    let reason = "undecodable: \(error)"
                    try await deadLetter(message, group: group, envelope: nil, reason: reason, on: connection)
                    outcomes[index] = .deadLettered(reason: reason)
                case .success(let envelope):
                    // The first occurrence of a new id is applied; any later one in the batch is a duplicate.
                    if newEventIds.remove(envelope.id) != nil {
                        pending.append(NewEvent(envelope: envelope, message: message))
                        pendingIndexes.append(index)
                    } else {
                        outcomes[index] = .duplicate
                    }
                }
            }
            if !pending.isEmpty {
                let applied = try await applyAll(connection, pending)
                guard applied.count == pending.count else {
                    throw ProjectionStoreError.outcomeCountMismatch(expected: pending.count, actual: applied.count)
                }
                for ((index, newEvent), outcome) in zip(zip(pendingIndexes, pending), applied) {
                    switch outcome {
                    case .applied:
                        outcomes[index] = .applied
                    case .ignored:
                        outcomes[index] = .ignored
                    case .deadLetter(let reason):
                        try await deadLetter(
                            newEvent.message, group: group, envelope: newEvent.envelope, reason: reason, on: connection)
                        outcomes[index] = .deadLettered(reason: reason)
                    }
                }
            }
            let nextOffsets = try await storeNextOffsets(of: messages, group: group, on: connection)
            return BatchResult(outcomes: outcomes.map { $0! }, nextOffsets: nextOffsets)
        }
    }

    /// Inserts the event ids into the inbox in one statement and returns those that were not there yet.
    ///
    /// Ids are inserted in sorted order, so concurrent deliveries of overlapping batches wait for each other instead
    /// of deadlocking; a concurrent transaction holding an id makes this one wait for its outcome.
    private func recordInInbox(
        _ eventIds: [UUID],
        group: String,
        on connection: PostgresConnection
    ) async throws -> Set<UUID> {
        guard !eventIds.isEmpty else { return [] }
        let rows = try await connection.query(
            """
            INSERT INTO projection_inbox (consumer_group, event_id)
            SELECT DISTINCT \(group), id FROM unnest(\(eventIds)::uuid[]) AS t(id) ORDER BY id
            ON CONFLICT DO NOTHING
            RETURNING event_id
            """,
            logger: logger
        )
        var inserted: Set<UUID> = []
        for try await id in rows.decode(UUID.self) { inserted.insert(id) }
        return inserted
    }

    private func deadLetter(
        _ message: ProjectionMessage,
        group: String,
        envelope: EventEnvelope?,
        reason: String,
        on connection: PostgresConnection
    ) async throws {
        let eventId = envelope?.id ?? message.header("ce_id").flatMap(UUID.init(uuidString:))
        let eventType = envelope?.type ?? message.header("ce_type")
        let headers = HeadersJSON.encode(message.headers)
        let key = message.key.map { ByteBuffer(bytes: $0) }
        let payload = message.value.map { ByteBuffer(bytes: $0) }
        logger.warning(
            "Dead-lettering message",
            metadata: [
                "group": "\(group)", "topic": "\(message.topic)", "partition": "\(message.partition)",
                "offset": "\(message.offset)", "reason": "\(reason)",
            ]
        )
        try await connection.query(
            """
            INSERT INTO dead_letters
                (consumer_group, topic, partition, "offset", key, headers, payload, event_id, event_type, reason)
            VALUES (\(group), \(message.topic), \(message.partition), \(message.offset), \(key), \(headers)::jsonb,
                    \(payload), \(eventId), \(eventType), \(reason))
            ON CONFLICT (consumer_group, topic, partition, "offset")
            DO UPDATE SET reason = EXCLUDED.reason, recorded_at = now()
            """,
            logger: logger
        )
    }

    /// Upserts highest offset + 1 per partition with `GREATEST` and returns what is stored afterwards.
    private func storeNextOffsets(
        of messages: [ProjectionMessage],
        group: String,
        on connection: PostgresConnection
    ) async throws -> [TopicPartition: Int64] {
        var next: [TopicPartition: Int64] = [:]
        for message in messages {
            next[message.topicPartition] = max(next[message.topicPartition] ?? 0, message.offset + 1)
        }
        let partitions = next.keys.sorted()  // a stable order avoids deadlocks between concurrent batches
        let offsets = partitions.map { next[$0]! }
        let rows = try await connection.query(
            """
            INSERT INTO projection_offsets AS o (consumer_group, topic, partition, next_offset)
            SELECT \(group), p.topic, p.partition, p.next_offset
            FROM unnest(\(partitions.map(\.topic))::text[], \(partitions.map(\.partition))::integer[],
                        \(offsets)::bigint[]) WITH ORDINALITY AS p(topic, partition, next_offset, n)
            ORDER BY p.n
            ON CONFLICT (consumer_group, topic, partition) DO UPDATE
                SET next_offset = GREATEST(o.next_offset, EXCLUDED.next_offset), updated_at = now()
            RETURNING o.topic, o.partition, o.next_offset
            """,
            logger: logger
        )
        var stored: [TopicPartition: Int64] = [:]
        for try await (topic, partition, offset) in rows.decode((String, Int32, Int64).self) {
            stored[TopicPartition(topic: topic, partition: partition)] = offset
        }
        return stored
    }
}

/// The `headers` jsonb of a dead letter: `[{"key": …, "value": …}]`, or `"valueBase64"` for non-UTF-8 values.
enum HeadersJSON {
    private struct Header: Codable {
        var key: String
        var value: String?
        var valueBase64: String?
    }

    static func encode(_ headers: [(String, [UInt8])]) -> String {
        let entries = headers.map { name, bytes in
            if let text = String(validating: bytes, as: UTF8.self) {
                Header(key: name, value: text, valueBase64: nil)
            } else {
                Header(key: name, value: nil, valueBase64: Data(bytes).base64EncodedString())
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(entries)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    static func decode(_ text: String) -> [(String, [UInt8])] {
        guard let entries = try? JSONDecoder().decode([Header].self, from: Data(text.utf8)) else { return [] }
        return entries.map { entry in
            if let value = entry.value { return (entry.key, Array(value.utf8)) }
            return (entry.key, entry.valueBase64.flatMap { Data(base64Encoded: $0) }.map(Array.init) ?? [])
        }
    }
}
