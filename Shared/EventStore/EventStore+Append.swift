import Foundation
public import PostgresNIO
public import RecruitmentEvents

extension EventStore {
    /// Appends events to a stream in one transaction, together with the caller's inline read-model update.
    ///
    /// The events get stream versions `expectedVersion + 1`, `expectedVersion + 2`, … (their `streamVersion` fields
    /// are overwritten); their `streamId` must be `streamId`. Within one transaction the store
    /// 1. returns the stored events unchanged if **every** event id is already stored with the same stream, type and
    ///    payload (an idempotent retry: nothing is written and `inTransaction` does not run), and throws
    ///    ``EventStoreError/eventIdConflict(eventId:existingStream:)`` if any id is stored with other content;
    /// 2. checks that the stream is at `expectedVersion`, else throws
    ///    ``EventStoreError/concurrencyConflict(stream:expected:actual:)``;
    /// 3. inserts the events (a concurrent writer of the same versions makes this a concurrency conflict too: exactly
    ///    one of several writers with the same expected version wins; if the winner wrote these very events, the
    ///    result is the idempotent no-op of step 1);
    /// 4. runs `inTransaction` with the transaction's connection and the stored events, so the caller's read model
    ///    changes atomically with the append and the caller reads its own write. If it throws, nothing is appended
    ///    and its error is rethrown unchanged.
    ///
    /// - Parameters:
    ///   - envelopes: the events to append, in order; at least one.
    ///   - streamId: the stream to append to.
    ///   - expectedVersion: the stream version the caller's decision was based on; `0` for a new stream.
    ///   - inTransaction: the inline read-model update.
    /// - Returns: the events as stored, with their positions.
    @discardableResult
    public func append(
        _ envelopes: [EventEnvelope],
        toStream streamId: String,
        expectedVersion: Int64,
        isolation: isolated (any Actor)? = #isolation,
        inTransaction update: (PostgresConnection, [StoredEvent]) async throws -> Void = { _, _ in }
    ) async throws -> AppendResult {
        let batch = try prepareBatch(envelopes, streamId: streamId, expectedVersion: expectedVersion)
        do {
            return try await PostgresTransaction.run(on: client, logger: logger) { connection in
                // Optimistic: one statement inserts the whole batch if the stream is at the expected version. Anything
                // else (a stale version, a concurrent writer of the same versions, an idempotent retry, an event id
                // used elsewhere) inserts nothing and is told apart below, after the rollback.
                guard let stored = try await insert(batch, expectedVersion: expectedVersion, on: connection) else {
                    throw ConcurrentInsert()
                }
                try await update(connection, stored)
                return AppendResult(events: stored, wasAlreadyStored: false)
            }
        } catch is ConcurrentInsert {
            // Nothing was inserted and the transaction was rolled back. Now that any concurrent winner is visible,
            // tell an identical retry (or a reused event id) from a real conflict.
            return try await client.withConnection { connection in
                try await nothingAppended(batch, expectedVersion: expectedVersion, on: connection)
            }
        }
    }

    /// Appends events to a stream inside the caller's transaction (a projection that writes its service's own events
    /// together with its consumer offset). Same rules as
    /// ``append(_:toStream:expectedVersion:isolation:inTransaction:)`` without the idempotent-retry check: if the
    /// stream is not at `expectedVersion` this throws ``EventStoreError/concurrencyConflict(stream:expected:actual:)``
    /// and the caller must roll its transaction back (part of the batch may have been inserted).
    @discardableResult
    public func append(
        _ envelopes: [EventEnvelope],
        toStream streamId: String,
        expectedVersion: Int64,
        on connection: PostgresConnection
    ) async throws -> [StoredEvent] {
        let batch = try prepareBatch(envelopes, streamId: streamId, expectedVersion: expectedVersion)
        guard let stored = try await insert(batch, expectedVersion: expectedVersion, on: connection) else {
            let actual = try await currentVersion(of: streamId, on: connection)
            throw EventStoreError.concurrencyConflict(stream: streamId, expected: expectedVersion, actual: actual)
        }
        return stored
    }

    /// The current version of a stream (the version of its last event), `0` when it has no events.
    public func streamVersion(of streamId: String) async throws -> Int64 {
        try await client.withConnection { connection in
            try await currentVersion(of: streamId, on: connection)
        }
    }

    // MARK: - Steps

    /// Validates the batch and stamps consecutive stream versions onto it. Payloads are left to PostgreSQL: `jsonb`
    /// is the authority on what it stores, and the insert maps its refusal to
    /// ``EventStoreError/invalidPayload(eventId:reason:)``.
    func prepareBatch(
        _ envelopes: [EventEnvelope],
        streamId: String,
        expectedVersion: Int64
    ) throws(EventStoreError) -> [EventEnvelope] {
        guard !envelopes.isEmpty else { throw .invalidAppend(reason: "no events to append") }
        guard !streamId.isEmpty else { throw .invalidAppend(reason: "the stream id is empty") }
        guard expectedVersion >= 0 else {
            throw .invalidAppend(reason: "expected version \(expectedVersion) is negative")
        }
        guard Set(envelopes.map(\.id)).count == envelopes.count else {
            throw .invalidAppend(reason: "the same event id appears twice in one append")
        }
        var batch: [EventEnvelope] = []
        batch.reserveCapacity(envelopes.count)
        for (offset, envelope) in envelopes.enumerated() {
            guard envelope.streamId == streamId else {
                throw .invalidAppend(
                    reason: "event \(envelope.id) belongs to stream '\(envelope.streamId)', not '\(streamId)'"
                )
            }
            var stamped = envelope
            stamped.streamVersion = expectedVersion + Int64(offset) + 1
            batch.append(stamped)
        }
        return batch
    }

    /// The stored events of the batch if every one of them is already stored with the same content; `nil` if none
    /// is; throws ``EventStoreError/eventIdConflict(eventId:existingStream:)`` otherwise.
    private func alreadyStored(_ batch: [EventEnvelope], on connection: PostgresConnection) async throws
        -> [StoredEvent]?
    {
        let ids = batch.map(\.id)
        let payloads = batch.map { String(decoding: $0.data, as: UTF8.self) }
        let rows: PostgresRowSequence
        do {
            rows = try await connection.query(
                """
                SELECT \(unescaped: StoredEvent.columns), same_payload
                FROM (
                    SELECT e.*, e.payload = c.payload::jsonb AS same_payload
                    FROM events e
                    JOIN unnest(\(ids)::uuid[], \(payloads)::text[]) AS c(event_id, payload) ON e.event_id = c.event_id
                ) AS existing
                ORDER BY position
                """,
                logger: logger
            )
        } catch let error as PSQLError where error.sqlState?.hasPrefix(SQLState.dataExceptionClass) == true {
            throw EventStoreError.invalidPayload(eventId: batch[0].id, reason: error.serverMessage)
        }
        var existing: [UUID: (event: StoredEvent, samePayload: Bool)] = [:]
        for try await row in rows {
            let event = try StoredEvent(row: row)
            let samePayload = try row.makeRandomAccess()[8].decode(Bool.self)
            existing[event.envelope.id] = (event, samePayload)
        }
        guard !existing.isEmpty else { return nil }

        var stored: [StoredEvent] = []
        for envelope in batch {
            guard let (event, samePayload) = existing[envelope.id] else {
                // Part of the batch is stored, part is not: this is not a retry of the same append.
                let (other, _) = existing.values.min { $0.event.position < $1.event.position }!
                throw EventStoreError.eventIdConflict(
                    eventId: other.envelope.id,
                    existingStream: other.envelope.streamId
                )
            }
            guard samePayload, event.envelope.streamId == envelope.streamId, event.envelope.type == envelope.type else {
                throw EventStoreError.eventIdConflict(eventId: envelope.id, existingStream: event.envelope.streamId)
            }
            stored.append(event)
        }
        logger.debug("Append is an idempotent retry", metadata: ["stream": "\(batch[0].streamId)"])
        return stored
    }

    /// Why an append that inserted nothing did so, once any concurrent winner is visible: an identical retry (the
    /// stored events, ``AppendResult/wasAlreadyStored`` set), an event id reused for other content
    /// (``EventStoreError/eventIdConflict(eventId:existingStream:)``), or a stream not at `expectedVersion`
    /// (``EventStoreError/concurrencyConflict(stream:expected:actual:)``).
    func nothingAppended(_ batch: [EventEnvelope], expectedVersion: Int64, on connection: PostgresConnection)
        async throws -> AppendResult
    {
        if let stored = try await alreadyStored(batch, on: connection) {
            return AppendResult(events: stored, wasAlreadyStored: true)
        }
        let streamId = batch[0].streamId
        let actual = try await currentVersion(of: streamId, on: connection)
        throw EventStoreError.concurrencyConflict(stream: streamId, expected: expectedVersion, actual: actual)
    }

    func currentVersion(of streamId: String, on connection: PostgresConnection) async throws -> Int64 {
        let rows = try await connection.query(
            "SELECT coalesce(max(stream_version), 0)::bigint FROM events WHERE stream_id = \(streamId)",
            logger: logger
        )
        for try await version in rows.decode(Int64.self) { return version }
        return 0
    }

    /// Inserts the batch in one statement if the stream is at `expectedVersion` (version `expectedVersion` exists, or
    /// `expectedVersion` is 0); `nil` when nothing was inserted: the stream is elsewhere, or a unique constraint
    /// (stream version or event id) already holds a committed row. A partial insert also answers `nil`; the caller
    /// rolls the transaction back.
    private func insert(_ batch: [EventEnvelope], expectedVersion: Int64, on connection: PostgresConnection)
        async throws -> [StoredEvent]?
    {
        var stored: [StoredEvent] = []
        stored.reserveCapacity(batch.count)
        do {
            let rows = try await connection.execute(
                InsertEventsStatement(batch, expectedVersion: expectedVersion), logger: logger)
            // The server reports a payload jsonb refuses while the rows stream, so read them inside the `do`.
            for try await event in rows { stored.append(event) }
        } catch let error as PSQLError where error.sqlState?.hasPrefix(SQLState.dataExceptionClass) == true {
            throw EventStoreError.invalidPayload(eventId: batch[0].id, reason: error.serverMessage)
        }
        guard stored.count == batch.count else { return nil }
        return stored.sorted { $0.envelope.streamVersion < $1.envelope.streamVersion }
    }
}

/// Marks the losing side of a race on the unique constraints (internal; never escapes ``EventStore``).
private struct ConcurrentInsert: Error {}
