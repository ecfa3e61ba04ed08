import Foundation
import PostgresNIO
import RecruitmentEvents

extension StoredEvent {
    /// The column list every event query selects, in the order ``init(row:)`` decodes.
    static let columns = """
        position, stream_id, stream_version, event_id, type, payload::text, metadata::text, recorded_at
        """

    /// ``columns`` of the `events` table aliased `e`, for a query that joins it.
    static let qualifiedColumns = """
        e.position, e.stream_id, e.stream_version, e.event_id, e.type, e.payload::text, e.metadata::text, e.recorded_at
        """

    /// Decodes a row selected with ``columns`` or ``qualifiedColumns``.
    init(row: PostgresRow) throws {
        let (position, streamId, streamVersion, eventId, type, payload, metadataText, recordedAt) =
            try row.decode((Int64, String, Int64, UUID, String, String, String, Date).self)
        let metadata: EventMetadata
        do {
            metadata = try EventMetadata.decode(metadataText)
        } catch {
            throw EventStoreError.corruptRecord(position: position, reason: "metadata: \(error)")
        }
        guard let time = EventTime.parse(metadata.time) else {
            throw EventStoreError.corruptRecord(position: position, reason: "metadata.time '\(metadata.time)'")
        }
        self.init(
            position: position,
            envelope: EventEnvelope(
                id: eventId,
                type: type,
                source: metadata.source,
                subject: metadata.subject,
                time: time,
                streamId: streamId,
                streamVersion: streamVersion,
                correlationId: metadata.correlationId,
                causationId: metadata.causationId,
                traceparent: metadata.traceparent,
                partitionKey: metadata.partitionKey,
                data: Array(payload.utf8)
            ),
            recordedAt: recordedAt
        )
    }

    /// Decodes every row of `rows`.
    static func all(from rows: PostgresRowSequence) async throws -> [StoredEvent] {
        var events: [StoredEvent] = []
        for try await row in rows {
            events.append(try StoredEvent(row: row))
        }
        return events
    }
}
