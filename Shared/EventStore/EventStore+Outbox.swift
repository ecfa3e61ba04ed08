public import Foundation
import PostgresNIO

extension EventStore {
    /// The oldest unpublished events, in position order: what the outbox relay publishes next.
    ///
    /// Selects `WHERE published_at IS NULL` (a partial index keeps this cheap) rather than "positions above the last
    /// one published": a transaction that committed late can hold a lower position than events already published,
    /// and it is still found here.
    ///
    /// Run one relay per service (for example behind a leader lock); two relays would publish the same rows twice
    /// (harmless for de-duplicating consumers, but wasteful) and could interleave partition order.
    public func unpublishedEvents(limit: Int = 500) async throws -> [StoredEvent] {
        try await client.withConnection { connection in
            try await StoredEvent.all(
                from: connection.query(
                    """
                    SELECT \(unescaped: StoredEvent.columns) FROM events
                    WHERE published_at IS NULL
                    ORDER BY position
                    LIMIT \(Int64(max(limit, 0)))
                    """,
                    logger: logger
                )
            )
        }
    }

    /// Marks events published (after the broker acknowledged them).
    ///
    /// - Returns: how many events changed from unpublished to published.
    @discardableResult
    public func markPublished(positions: [Int64]) async throws -> Int {
        guard !positions.isEmpty else { return 0 }
        var binds = PostgresBindings()
        binds.append(positions)
        return try await updateCount(
            "UPDATE events SET published_at = now() WHERE position = ANY($1::bigint[]) AND published_at IS NULL",
            binds
        )
    }

    /// Marks events published by event id (after the broker acknowledged them).
    ///
    /// - Returns: how many events changed from unpublished to published.
    @discardableResult
    public func markPublished(eventIds: [UUID]) async throws -> Int {
        guard !eventIds.isEmpty else { return 0 }
        var binds = PostgresBindings()
        binds.append(eventIds)
        return try await updateCount(
            "UPDATE events SET published_at = now() WHERE event_id = ANY($1::uuid[]) AND published_at IS NULL",
            binds
        )
    }

    /// Marks every event unpublished, so the relay sends the whole store again (broker disaster recovery).
    ///
    /// - Returns: how many events were marked.
    @discardableResult
    public func markAllUnpublished() async throws -> Int {
        try await updateCount(
            "UPDATE events SET published_at = NULL WHERE published_at IS NOT NULL",
            PostgresBindings()
        )
    }

    /// The size and age of the outbox backlog, for metrics and readiness.
    public func outboxBacklog() async throws -> OutboxBacklog {
        try await client.withConnection { connection in
            let rows = try await connection.query(
                """
                SELECT count(*)::bigint, min(recorded_at),
                       extract(epoch FROM clock_timestamp() - min(recorded_at))::float8
                FROM events WHERE published_at IS NULL
                """,
                logger: logger
            )
            for try await (count, oldest, ageSeconds) in rows.decode((Int64, Date?, Double?).self) {
                return OutboxBacklog(
                    count: count,
                    oldestRecordedAt: oldest,
                    oldestAge: ageSeconds.map { Duration.microseconds(Int64(($0 * 1_000_000).rounded())) }
                )
            }
            return OutboxBacklog(count: 0, oldestRecordedAt: nil, oldestAge: nil)
        }
    }

    /// Runs an `UPDATE … RETURNING 1` wrapped as `WITH changed AS (…) SELECT count(*)` and returns the count.
    private func updateCount(_ update: String, _ binds: PostgresBindings) async throws -> Int {
        try await client.withConnection { connection in
            let query = PostgresQuery(
                unsafeSQL: "WITH changed AS (\(update) RETURNING 1) SELECT count(*)::bigint FROM changed",
                binds: binds
            )
            for try await count in try await connection.query(query, logger: logger).decode(Int64.self) {
                return Int(count)
            }
            return 0
        }
    }
}
