import Foundation
public import PostgresNIO
public import RecruitmentEvents

extension EventStore {
    /// Starts many streams at once inside the caller's transaction: each envelope becomes version 1 of its own stream.
    ///
    /// For write models born from consumed events (a projection that opens one case per submitted application): the
    /// projection runner's transaction holds the consumer offset and inbox, so appending here makes the new streams
    /// and the consumption one atomic step. A stream that already exists, or an event id already stored, is skipped
    /// rather than an error, so replaying the source (a projection rebuild) opens nothing twice.
    ///
    /// - Parameters:
    ///   - envelopes: the first event of each stream; stream ids must be distinct. Their `streamVersion` is set to 1.
    ///   - connection: the caller's connection, inside its transaction.
    /// - Returns: the ids of the streams actually started (those that did not exist yet).
    public func startStreams(_ envelopes: [EventEnvelope], on connection: PostgresConnection) async throws
        -> Set<String>
    {
        guard !envelopes.isEmpty else { return [] }
        guard Set(envelopes.map(\.streamId)).count == envelopes.count else {
            throw EventStoreError.invalidAppend(reason: "a stream appears twice in one batch of new streams")
        }
        guard !envelopes.contains(where: \.streamId.isEmpty) else {
            throw EventStoreError.invalidAppend(reason: "the stream id is empty")
        }
        let streams = envelopes.map(\.streamId)
        let ids = envelopes.map(\.id)
        let types = envelopes.map(\.type)
        let payloads = envelopes.map { String(decoding: $0.data, as: UTF8.self) }
        let metadata = envelopes.map { EventMetadata($0).jsonText() }
        var started = Set<String>()
        started.reserveCapacity(envelopes.count)
        do {
            let rows = try await connection.query(
                """
                WITH appended AS (
                    INSERT INTO events (stream_id, stream_version, event_id, type, payload, metadata)
                    SELECT b.stream_id, 1, b.event_id, b.type, b.payload::jsonb, b.metadata::jsonb
                    FROM unnest(\(streams)::text[], \(ids)::uuid[], \(types)::text[], \(payloads)::text[],
                                \(metadata)::text[]) WITH ORDINALITY AS b(stream_id, event_id, type, payload, metadata, n)
                    WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.stream_id = b.stream_id)
                    ORDER BY b.n
                    ON CONFLICT DO NOTHING
                    RETURNING position, stream_id
                ), \(unescaped: EventStore.enqueueAppended)
                SELECT stream_id FROM appended
                """, logger: logger)
            // The server reports a payload jsonb refuses while the rows stream, so read them inside the `do`.
            for try await streamId in rows.decode(String.self) { started.insert(streamId) }
        } catch let error as PSQLError where error.sqlState?.hasPrefix(SQLState.dataExceptionClass) == true {
            throw EventStoreError.invalidPayload(eventId: envelopes[0].id, reason: error.serverMessage)
        }
        return started
    }
}
