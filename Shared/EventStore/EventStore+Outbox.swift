public import Foundation
import PostgresNIO

extension EventStore {
    /// The common table expression every append statement adds to its `WITH` list, after the one named `appended`
    /// (whose `RETURNING` includes `position`): it queues the appended events for the outbox relay in the same
    /// statement, so an event is in the outbox exactly when it is stored.
    static let enqueueAppended = "queued AS (INSERT INTO outbox (position) SELECT position FROM appended)"

    /// The oldest unpublished events, in position order: what the outbox relay publishes next.
    ///
    /// Reads the `outbox` table of unpublished positions rather than "positions above the last one published": a
    /// transaction that committed late can hold a lower position than events already published, and it is still
    /// found here.
    ///
    /// Run one relay per service (for example behind a leader lock); two relays would publish the same rows twice
    /// (harmless for de-duplicating consumers, but wasteful) and could interleave partition order.
    public func unpublishedEvents(limit: Int = 500) async throws -> [StoredEvent] {
        try await client.withConnection { connection in
            try await StoredEvent.all(
                from: connection.query(
                    """
                    SELECT \(unescaped: StoredEvent.qualifiedColumns) FROM outbox o
                    JOIN events e ON e.position = o.position
                    ORDER BY o.position
                    LIMIT \(Int64(max(limit, 0)))
                    """,
                    logger: logger
                )
            )
        }
    }

    /// Marks events published (after the broker acknowledged them): removes them from the outbox.
    ///
    /// - Returns: how many events changed from unpublished to published.
    @discardableResult
    public func markPublished(positions: [Int64]) async throws -> Int {
        guard !positions.isEmpty else { return 0 }
        var binds = PostgresBindings()
        binds.append(positions)
        return try await changedCount("DELETE FROM outbox WHERE position = ANY($1::bigint[])", binds)
    }

    /// Marks events published by event id (after the broker acknowledged them): removes them from the outbox.
    ///
    /// - Returns: how many events changed from unpublished to published.
    @discardableResult
    public func markPublished(eventIds: [UUID]) async throws -> Int {
        guard !eventIds.isEmpty else { return 0 }
        var binds = PostgresBindings()
        binds.append(eventIds)
        return try await changedCount(
            """
            DELETE FROM outbox o USING events e
            WHERE e.position = o.position AND e.event_id = ANY($1::uuid[])
            """,
            binds
        )
    }

    /// Marks every event unpublished, so the relay sends the whole store again (broker disaster recovery).
    ///
    /// - Returns: how many events were marked (those not already waiting in the outbox).
    @discardableResult
    public func markAllUnpublished() async throws -> Int {
        try await changedCount(
            "INSERT INTO outbox (position) SELECT position FROM events ON CONFLICT DO NOTHING",
            PostgresBindings()
        )
    }

    /// The size and age of the outbox backlog, for metrics and readiness.
    public func outboxBacklog() async throws -> OutboxBacklog {
        try await client.withConnection { connection in
            let rows = try await connection.query(
                """
                SELECT count(*)::bigint, min(e.recorded_at),
                       extract(epoch FROM clock_timestamp() - min(e.recorded_at))::float8
                FROM outbox o JOIN events e ON e.position = o.position
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

    /// Runs a data-modifying statement wrapped as `WITH changed AS (… RETURNING 1) SELECT count(*)`; returns the count.
    private func changedCount(_ update: String, _ binds: PostgresBindings) async throws -> Int {
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
