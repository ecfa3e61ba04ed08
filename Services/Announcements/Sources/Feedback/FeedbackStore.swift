import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents

/// Reads of the feedback read model: the sender's view, the public list and the moderation queue.
struct FeedbackStore: Sendable {
    let postgres: PostgresClient
    let logger: Logger

    /// The feedback with this (normalised) tracking code.
    func record(trackingCode: String) async throws -> FeedbackRecord? {
        try await records(
            PostgresQuery(unsafeSQL: "SELECT \(FeedbackRecord.columns) FROM feedback WHERE tracking_code = $1",
                          binds: binds(trackingCode))).first
    }

    /// The feedback with this id.
    func record(id: UUID) async throws -> FeedbackRecord? {
        try await records(
            PostgresQuery(unsafeSQL: "SELECT \(FeedbackRecord.columns) FROM feedback WHERE feedback_id = $1",
                          binds: binds(id))).first
    }

    /// Up to `limit` listed feedback, newest first, older than `before` (a sequence), optionally of one period and
    /// category.
    func listed(period: UUID?, category: FeedbackCategory?, before: Int64?, limit: Int) async throws
        -> [FeedbackRecord]
    {
        let rows = try await postgres.query(
            """
            SELECT \(unescaped: FeedbackRecord.columns) FROM feedback
            WHERE listed AND sequence < \(before ?? Int64.max)
              AND (\(period)::uuid IS NULL OR period_id = \(period))
              AND (\(category?.rawValue)::text IS NULL OR category = \(category?.rawValue))
            ORDER BY sequence DESC LIMIT \(limit)
            """, logger: logger)
        return try await collect(rows)
    }

    /// Up to `limit` feedback in `state`, oldest first, after `after` (a sequence).
    func queue(state: FeedbackState, after: Int64?, limit: Int) async throws -> [FeedbackRecord] {
        let rows = try await postgres.query(
            """
            SELECT \(unescaped: FeedbackRecord.columns) FROM feedback
            WHERE state = \(state.rawValue) AND sequence > \(after ?? 0)
            ORDER BY sequence LIMIT \(limit)
            """, logger: logger)
        return try await collect(rows)
    }

    /// Feedback waiting for moderation, and when the oldest of it arrived.
    func backlog() async throws -> (count: Int, oldest: Date?) {
        let rows = try await postgres.query(
            "SELECT count(*)::int, min(received_at) FROM feedback WHERE state = 'received'", logger: logger)
        for try await (count, oldest) in rows.decode((Int, Date?).self) { return (count, oldest) }
        return (0, nil)
    }

    private func records(_ query: PostgresQuery) async throws -> [FeedbackRecord] {
        try await collect(try await postgres.query(query, logger: logger))
    }

    private func collect(_ rows: PostgresRowSequence) async throws -> [FeedbackRecord] {
        var records: [FeedbackRecord] = []
        for try await row in rows { records.append(try FeedbackRecord(row: row)) }
        return records
    }

    private func binds(_ value: some PostgresNonThrowingEncodable) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(value)
        return binds
    }
}
