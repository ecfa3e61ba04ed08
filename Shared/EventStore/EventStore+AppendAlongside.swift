import Foundation
public import PostgresNIO
public import RecruitmentEvents

extension EventStore {
    /// The condition a change passed to ``append(_:expectedVersion:alongside:)`` must include in its `WHERE` clause:
    /// true only when the event was appended by the same statement.
    public static let whenAppended = "EXISTS (SELECT 1 FROM appended)"

    /// Appends one event together with a read-model change, in a single statement: one round trip to PostgreSQL
    /// instead of the five of a transaction (`BEGIN`, the insert, the change, `COMMIT`), for a service's hottest
    /// command.
    ///
    /// The event gets stream version `expectedVersion + 1` (its `streamVersion` field is overwritten). The statement
    /// inserts it in a common table expression named `appended`, and runs `change` as a second one, so both are
    /// committed together or not at all. Otherwise the rules of
    /// ``append(_:toStream:expectedVersion:isolation:inTransaction:)`` hold:
    /// - an identical retry (the event id already stored with the same stream, type and payload) returns the stored
    ///   event with ``AppendResult/wasAlreadyStored`` set, and `change` has no effect; the id stored with other
    ///   content throws ``EventStoreError/eventIdConflict(eventId:existingStream:)``;
    /// - a stream not at `expectedVersion`, or a concurrent writer that took the version first, throws
    ///   ``EventStoreError/concurrencyConflict(stream:expected:actual:)``, and `change` has no effect;
    /// - a payload PostgreSQL refuses throws ``EventStoreError/invalidPayload(eventId:reason:)``; any other error of
    ///   `change` (a violated constraint, say) is rethrown as the `PSQLError` it is, and nothing is stored.
    ///
    /// `change` is a data-modifying statement (`UPDATE`, `INSERT … SELECT`, `DELETE`) whose `WHERE` clause includes
    /// ``whenAppended``: a common table expression runs whether or not the event was appended, so this condition is
    /// what keeps it from applying when the event was not. A change without it is refused with
    /// ``EventStoreError/invalidAppend(reason:)``. Its binds are `$1`…`$n` as usual (the store's own follow them). Like
    /// every statement of one `WITH`, it sees the tables as they were before the statement, not the new event.
    ///
    /// - Parameters:
    ///   - envelope: the event to append.
    ///   - expectedVersion: the stream version the caller's decision was based on; `0` for a new stream.
    ///   - change: the read-model change, guarded by ``whenAppended``.
    /// - Returns: the event as stored. Unlike events read back, its `data` is the appended bytes, not PostgreSQL's
    ///   `jsonb` rendering of them.
    @discardableResult
    public func append(_ envelope: EventEnvelope, expectedVersion: Int64, alongside change: PostgresQuery)
        async throws -> AppendResult
    {
        let batch = try prepareBatch([envelope], streamId: envelope.streamId, expectedVersion: expectedVersion)
        guard change.sql.contains(Self.whenAppended) else {
            throw EventStoreError.invalidAppend(reason: "the change alongside the append lacks \(Self.whenAppended)")
        }
        let event = batch[0]
        let statement = Self.appendAlongside(event, expectedVersion: expectedVersion, change: change)
        do {
            return try await client.withConnection { connection in
                let rows = try await connection.query(statement, logger: logger)
                for try await (position, recordedAt) in rows.decode((Int64, Date).self) {
                    let stored = StoredEvent(position: position, envelope: event, recordedAt: recordedAt, publishedAt: nil)
                    return AppendResult(events: [stored], wasAlreadyStored: false)
                }
                // Nothing was appended, so the change did not apply either: a retry, or someone else's version.
                if let stored = try await alreadyStored(batch, on: connection) {
                    return AppendResult(events: stored, wasAlreadyStored: true)
                }
                let actual = try await currentVersion(of: event.streamId, on: connection)
                throw EventStoreError.concurrencyConflict(
                    stream: event.streamId, expected: expectedVersion, actual: actual)
            }
        } catch let error as PSQLError where error.sqlState?.hasPrefix(SQLState.dataExceptionClass) == true {
            // The payload or the change: only the rare failure pays for telling them apart.
            if let refusal = try await payloadRefusal(event) {
                throw EventStoreError.invalidPayload(eventId: event.id, reason: refusal)
            }
            throw error
        }
    }

    /// The statement of ``append(_:expectedVersion:alongside:)``: the insert as the CTE `appended` (returning the
    /// position and time of the new row; none when the stream is elsewhere or a unique constraint holds), the change
    /// as the CTE `alongside`.
    static func appendAlongside(_ event: EventEnvelope, expectedVersion: Int64, change: PostgresQuery) -> PostgresQuery {
        var binds = change.binds
        let first = binds.count + 1
        binds.append(event.streamId)
        binds.append(event.streamVersion)
        binds.append(event.id)
        binds.append(event.type)
        binds.append(String(decoding: event.data, as: UTF8.self))
        binds.append(EventMetadata(event).jsonText())
        binds.append(expectedVersion)
        let (stream, version, id, type, payload, metadata, expected) =
            (first, first + 1, first + 2, first + 3, first + 4, first + 5, first + 6)
        let sql = """
            WITH appended AS (
                INSERT INTO events (stream_id, stream_version, event_id, type, payload, metadata)
                SELECT $\(stream), $\(version), $\(id), $\(type), $\(payload)::jsonb, $\(metadata)::jsonb
                WHERE $\(expected)::bigint = 0
                   OR EXISTS (SELECT 1 FROM events WHERE stream_id = $\(stream) AND stream_version = $\(expected))
                ON CONFLICT DO NOTHING
                RETURNING position, recorded_at
            ), alongside AS (
            \(change.sql)
            )
            SELECT position, recorded_at FROM appended
            """
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    /// Why PostgreSQL refuses `event`'s payload as `jsonb`, or `nil` when it accepts it.
    private func payloadRefusal(_ event: EventEnvelope) async throws -> String? {
        let payload = String(decoding: event.data, as: UTF8.self)
        do {
            try await client.query("SELECT \(payload)::jsonb", logger: logger).collect()
            return nil
        } catch let error as PSQLError where error.sqlState?.hasPrefix(SQLState.dataExceptionClass) == true {
            return error.serverMessage
        }
    }
}
