import Foundation
public import PostgresNIO
public import RecruitmentEvents

extension EventStore {
    /// The condition a change passed to ``append(_:expectedVersion:alongside:)`` must include in its `WHERE` clause:
    /// true only when the event was appended by the same statement.
    public static let whenAppended = "EXISTS (SELECT 1 FROM appended)"

    /// The appended event's payload as `jsonb`, for a change that stores it (a frozen copy in a read model): the
    /// payload crosses the wire and is parsed once, not twice.
    public static let appendedPayload = "(SELECT payload FROM appended)"

    /// Appends one event together with a read-model change, in a single prepared statement: one round trip to
    /// PostgreSQL instead of the four of a transaction (`BEGIN`, the insert, the change, `COMMIT`), for a service's
    /// hottest command.
    ///
    /// The event gets stream version `expectedVersion + 1` (its `streamVersion` field is overwritten). The statement
    /// inserts it in a common table expression named `appended` and runs the change as a second one, so both are
    /// committed together or not at all. Otherwise the rules of
    /// ``append(_:toStream:expectedVersion:isolation:inTransaction:)`` hold:
    /// - an identical retry (the event id already stored with the same stream, type and payload) returns the stored
    ///   event with ``AppendResult/wasAlreadyStored`` set, and the change has no effect; the id stored with other
    ///   content throws ``EventStoreError/eventIdConflict(eventId:existingStream:)``;
    /// - a stream not at `expectedVersion`, or a concurrent writer that took the version first, throws
    ///   ``EventStoreError/concurrencyConflict(stream:expected:actual:)``, and the change has no effect;
    /// - a payload PostgreSQL refuses throws ``EventStoreError/invalidPayload(eventId:reason:)``; any other error of
    ///   the change (a violated constraint, say) is rethrown as the `PSQLError` it is, and nothing is stored;
    /// - a change whose SQL lacks ``whenAppended``, or binds other than ``AppendAlongsideChange/parameterCount``
    ///   values, is refused with ``EventStoreError/invalidAppend(reason:)``.
    ///
    /// Like every part of one `WITH` statement, the change sees the tables as they were before the statement, not
    /// the new event.
    ///
    /// - Parameters:
    ///   - envelope: the event to append.
    ///   - expectedVersion: the stream version the caller's decision was based on; `0` for a new stream.
    ///   - change: the read-model change.
    /// - Returns: the event as stored. Unlike events read back, its envelope is the one appended (its `data` the
    ///   appended bytes, not PostgreSQL's `jsonb` rendering of them).
    @discardableResult
    public func append(_ envelope: EventEnvelope, expectedVersion: Int64, alongside change: some AppendAlongsideChange)
        async throws -> AppendResult
    {
        try await client.withConnection { connection in
            try await append(envelope, expectedVersion: expectedVersion, alongside: change, on: connection)
        }
    }

    /// ``append(_:expectedVersion:alongside:)`` on a connection the caller holds: a command that reads its state
    /// first then leases one connection for both statements, not one each (outside a transaction, as the single
    /// statement needs none).
    @discardableResult
    public func append(
        _ envelope: EventEnvelope, expectedVersion: Int64, alongside change: some AppendAlongsideChange,
        on connection: PostgresConnection
    ) async throws -> AppendResult {
        let batch = try prepareBatch([envelope], streamId: envelope.streamId, expectedVersion: expectedVersion)
        try Self.checkGuard(of: type(of: change))
        let event = batch[0]
        let statement = AppendAlongsideStatement(event: event, expectedVersion: expectedVersion, change: change)
        do {
            for try await (position, recordedAt) in try await connection.execute(statement, logger: logger) {
                let stored = StoredEvent(position: position, envelope: event, recordedAt: recordedAt)
                return AppendResult(events: [stored], wasAlreadyStored: false)
            }
            // Nothing was appended, so the change did not apply either: a retry, or someone else's version.
            return try await nothingAppended(batch, expectedVersion: expectedVersion, on: connection)
        } catch let error as PSQLError where error.sqlState?.hasPrefix(SQLState.dataExceptionClass) == true {
            // The payload or the change: only the rare failure pays for telling them apart.
            if let refusal = try await payloadRefusal(event, on: connection) {
                throw EventStoreError.invalidPayload(eventId: event.id, reason: refusal)
            }
            throw error
        }
    }

    /// Refuses a change that could apply without its event (see ``AppendAlongsideChange/sql``).
    private static func checkGuard(of change: (some AppendAlongsideChange).Type) throws(EventStoreError) {
        guard AppendAlongsideText.of(change).isGuarded else {
            throw .invalidAppend(reason: "the change \(change.name) lacks \(whenAppended)")
        }
    }

    /// Why PostgreSQL refuses `event`'s payload as `jsonb`, or `nil` when it accepts it.
    private func payloadRefusal(_ event: EventEnvelope, on connection: PostgresConnection) async throws -> String? {
        let payload = String(decoding: event.data, as: UTF8.self)
        do {
            _ = try await connection.query("SELECT \(payload)::jsonb", logger: logger).collect()
            return nil
        } catch let error as PSQLError where error.sqlState?.hasPrefix(SQLState.dataExceptionClass) == true {
            return error.serverMessage
        }
    }
}
