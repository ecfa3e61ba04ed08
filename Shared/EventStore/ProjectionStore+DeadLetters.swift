import Foundation
import PostgresNIO

extension ProjectionStore {
    /// The number of dead letters of `group` (for the dead-letter metric).
    public func deadLetterCount(group: String) async throws -> Int64 {
        try await client.withConnection { connection in
            let rows = try await connection.query(
                "SELECT count(*)::bigint FROM dead_letters WHERE consumer_group = \(group)",
                logger: logger
            )
            for try await count in rows.decode(Int64.self) { return count }
            return 0
        }
    }

    /// The most recent dead letters of `group`, newest first.
    public func deadLetters(group: String, limit: Int = 100) async throws -> [DeadLetter] {
        try await client.withConnection { connection in
            let rows = try await connection.query(
                """
                SELECT id, consumer_group, topic, partition, "offset", key, headers::text, payload, event_id,
                       event_type, reason, recorded_at
                FROM dead_letters WHERE consumer_group = \(group)
                ORDER BY id DESC
                LIMIT \(Int64(max(limit, 0)))
                """,
                logger: logger
            )
            var letters: [DeadLetter] = []
            for try await row in rows {
                let (id, group, topic, partition, offset, key, headers, payload, eventId, eventType, reason, recorded) =
                    try row.decode(
                        (Int64, String, String, Int32, Int64, ByteBuffer?, String, ByteBuffer?, UUID?, String?, String,
                            Date).self
                    )
                letters.append(
                    DeadLetter(
                        id: id,
                        group: group,
                        topic: topic,
                        partition: partition,
                        offset: offset,
                        key: key.map { Array($0.readableBytesView) },
                        headers: HeadersJSON.decode(headers),
                        payload: payload.map { Array($0.readableBytesView) },
                        eventId: eventId,
                        eventType: eventType,
                        reason: reason,
                        recordedAt: recorded
                    )
                )
            }
            return letters
        }
    }
}
