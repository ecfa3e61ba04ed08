import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Reads the scoreboard's read model: sessions, and result rows after a sequence number.
struct ScoreboardStore: Sendable {
    let postgres: PostgresClient
    let logger: Logger

    /// Up to `limit` result rows with a sequence above `after` matching `filter`, in sequence order.
    func results(after: Int64, filter: ScoreboardFilter, limit: Int) async throws -> [ScoreboardResult] {
        try await postgres.withConnection { connection in
            try await Self.results(after: after, filter: filter, limit: limit, on: connection, logger: logger)
        }
    }

    /// The same on a given connection (the listener reads on its listening connection).
    static func results(
        after: Int64, filter: ScoreboardFilter, limit: Int, on connection: PostgresConnection, logger: Logger
    ) async throws -> [ScoreboardResult] {
        let session = filter.sessionId
        let site = filter.siteCode
        let rows = try await connection.query(
            """
            SELECT r.sequence, r.participant_number, r.formation_id, r.formation_kind, r.session_id, s.site_code,
                   s.site_name, r.twk, r.tiu, r.tkp, r.total, r.meets_passing_grade, r.status, r.reason_code,
                   r.recorded_at
            FROM scoreboard_results r LEFT JOIN scoreboard_sessions s ON s.session_id = r.session_id
            WHERE r.sequence > \(after)
              AND (\(session)::uuid IS NULL OR r.session_id = \(session))
              AND (\(site)::text IS NULL OR s.site_code = \(site))
            ORDER BY r.sequence LIMIT \(limit)
            """, logger: logger)
        var results: [ScoreboardResult] = []
        for try await row in rows {
            results.append(try ScoreboardResult(row: row.makeRandomAccess()))
        }
        return results
    }

    /// The highest sequence number given so far (0 before the first result).
    static func latestSequence(on connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        let rows = try await connection.query("SELECT last_sequence FROM scoreboard_sequence", logger: logger)
        for try await sequence in rows.decode(Int64.self) { return sequence }
        return 0
    }

    /// Up to `limit` + 1 sessions with an id above `cursor`, optionally of one period and stage, in id order.
    func sessions(after cursor: UUID, periodId: UUID?, stage: ExamStage?, limit: Int) async throws
        -> [ScoreboardSession]
    {
        let stageName = stage?.rawValue
        let rows = try await postgres.query(
            """
            SELECT session_id, period_id, stage, site_code, site_name, site_regency, label, starts_at,
                   duration_minutes, capacity
            FROM scoreboard_sessions
            WHERE session_id > \(cursor)
              AND (\(periodId)::uuid IS NULL OR period_id = \(periodId))
              AND (\(stageName)::text IS NULL OR stage = \(stageName))
            ORDER BY session_id LIMIT \(limit + 1)
            """, logger: logger)
        var sessions: [ScoreboardSession] = []
        for try await row in rows {
            let columns = row.makeRandomAccess()
            let stage = try columns["stage"].decode(String.self)
            sessions.append(ScoreboardSession(
                sessionId: try columns["session_id"].decode(UUID.self),
                periodId: try columns["period_id"].decode(UUID.self),
                stage: ExamStage(rawValue: stage) ?? .skd,
                siteCode: try columns["site_code"].decode(String?.self),
                siteName: try columns["site_name"].decode(String.self),
                siteRegency: try columns["site_regency"].decode(String?.self),
                label: try columns["label"].decode(String.self),
                startsAt: try columns["starts_at"].decode(Date.self),
                durationMinutes: try columns["duration_minutes"].decode(Int.self),
                capacity: try columns["capacity"].decode(Int.self)))
        }
        return sessions
    }
}

extension ScoreboardResult {
    /// Decodes a row of ``ScoreboardStore/results(after:filter:limit:on:logger:)``.
    init(row: PostgresRandomAccessRow) throws {
        let status = try row["status"].decode(String.self)
        self.init(
            sequence: try row["sequence"].decode(Int64.self),
            participantNumber: try row["participant_number"].decode(String.self),
            formationId: try row["formation_id"].decode(UUID?.self),
            formationKind: try row["formation_kind"].decode(String?.self).flatMap(FormationKind.init(rawValue:)),
            sessionId: try row["session_id"].decode(UUID?.self),
            siteCode: try row["site_code"].decode(String?.self),
            siteName: try row["site_name"].decode(String?.self),
            twk: try row["twk"].decode(Int?.self),
            tiu: try row["tiu"].decode(Int?.self),
            tkp: try row["tkp"].decode(Int?.self),
            total: try row["total"].decode(Int?.self),
            meetsPassingGrade: try row["meets_passing_grade"].decode(Bool?.self),
            status: ScoreboardStatus(rawValue: status) ?? .scored,
            reasonCode: try row["reason_code"].decode(String?.self).flatMap(DisqualificationReason.init(rawValue:)),
            recordedAt: try row["recorded_at"].decode(Date.self))
    }
}
