import PostgresNIO
public import RecruitmentEvents

extension EventStore {
    /// The events of one stream in version order, for folding into the stream's current state.
    ///
    /// - Parameters:
    ///   - streamId: the stream.
    ///   - afterVersion: only events with a higher stream version (e.g. after a snapshot); `0` for all.
    /// - Returns: the envelopes; empty for a stream without events.
    public func loadStream(_ streamId: String, afterVersion: Int64 = 0) async throws -> [EventEnvelope] {
        try await loadStoredStream(streamId, afterVersion: afterVersion).map(\.envelope)
    }

    /// Like ``loadStream(_:afterVersion:)`` but with positions and publication state.
    public func loadStoredStream(_ streamId: String, afterVersion: Int64 = 0) async throws -> [StoredEvent] {
        try await client.withConnection { connection in
            try await StoredEvent.all(
                from: connection.query(
                    """
                    SELECT \(unescaped: StoredEvent.columns) FROM events
                    WHERE stream_id = \(streamId) AND stream_version > \(afterVersion)
                    ORDER BY stream_version
                    """,
                    logger: logger
                )
            )
        }
    }

    /// Up to `limit` events with a position above `position`, in position order: a page of the whole store, for
    /// republishing it or rebuilding from it.
    ///
    /// Not suitable for tailing the store while it is written to: positions are assigned at insert but become
    /// visible at commit, so a later page can still gain rows below its predecessor's last position. The outbox
    /// relay uses ``unpublishedEvents(limit:)`` instead.
    public func readAll(after position: Int64 = 0, limit: Int = 1000) async throws -> [StoredEvent] {
        try await client.withConnection { connection in
            try await StoredEvent.all(
                from: connection.query(
                    """
                    SELECT \(unescaped: StoredEvent.columns) FROM events
                    WHERE position > \(position)
                    ORDER BY position
                    LIMIT \(Int64(max(limit, 0)))
                    """,
                    logger: logger
                )
            )
        }
    }
}
