import Foundation
import PostgresNIO
import RecruitmentEvents

/// The append's one statement, prepared once per connection: inserts a batch of events into a stream if the stream is
/// at the expected version (see ``EventStore/append(_:toStream:expectedVersion:isolation:inTransaction:)``). Prepared,
/// PostgreSQL parses and plans it once instead of on every append, which is most of an append's server time.
struct InsertEventsStatement: PostgresPreparedStatement {
    static let name = "asn_event_store_insert_events_v2"

    static let sql = """
        WITH appended AS (
            INSERT INTO events (stream_id, stream_version, event_id, type, payload, metadata)
            SELECT $1, b.version, b.event_id, b.type, b.payload::jsonb, b.metadata::jsonb
            FROM unnest($2::bigint[], $3::uuid[], $4::text[], $5::text[], $6::text[])
                 WITH ORDINALITY AS b(version, event_id, type, payload, metadata, n)
            WHERE $7::bigint = 0 OR EXISTS (SELECT 1 FROM events WHERE stream_id = $1 AND stream_version = $7)
            ORDER BY b.n
            ON CONFLICT DO NOTHING
            RETURNING \(StoredEvent.columns)
        ), \(EventStore.enqueueAppended)
        SELECT \(StoredEvent.columns) FROM appended ORDER BY position
        """

    typealias Row = StoredEvent

    var streamId: String
    var versions: [Int64]
    var eventIds: [UUID]
    var types: [String]
    var payloads: [String]
    var metadata: [String]
    var expectedVersion: Int64

    init(_ batch: [EventEnvelope], expectedVersion: Int64) {
        streamId = batch[0].streamId
        versions = batch.map(\.streamVersion)
        eventIds = batch.map(\.id)
        types = batch.map(\.type)
        payloads = batch.map { String(decoding: $0.data, as: UTF8.self) }
        metadata = batch.map { EventMetadata($0).jsonText() }
        self.expectedVersion = expectedVersion
    }

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 7)
        bindings.append(streamId)
        bindings.append(versions)
        bindings.append(eventIds)
        bindings.append(types)
        bindings.append(payloads)
        bindings.append(metadata)
        bindings.append(expectedVersion)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> StoredEvent {
        try StoredEvent(row: row)
    }
}
