import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents

/// The set-based statements of a scoreboard batch. PostgresNIO binds no arrays of optionals, so absent values travel
/// as sentinels (`-1`, the empty string, the nil UUID) and become NULL again in SQL.
extension ScoreboardBatch {
    static let noNumber = -1
    static let noUUID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    func upsertSessions(on connection: PostgresConnection, logger: Logger) async throws {
        guard !sessionOrder.isEmpty else { return }
        let rows = sessionOrder.compactMap { sessions[$0] }
        try await connection.query(
            """
            INSERT INTO scoreboard_sessions AS s (session_id, period_id, stage, site_code, site_name, site_regency,
                                                  label, starts_at, duration_minutes, capacity)
            SELECT id, period, stage, NULLIF(code, ''), name, NULLIF(regency, ''), label, starts, duration, capacity
            FROM unnest(\(rows.map(\.sessionId))::uuid[], \(rows.map(\.periodId))::uuid[],
                        \(rows.map(\.stage.rawValue))::text[], \(rows.map { $0.siteCode ?? "" })::text[],
                        \(rows.map(\.siteName))::text[], \(rows.map { $0.siteRegency ?? "" })::text[],
                        \(rows.map(\.label))::text[], \(rows.map(\.startsAt))::timestamptz[],
                        \(rows.map(\.durationMinutes))::int[], \(rows.map(\.capacity))::int[])
                AS u(id, period, stage, code, name, regency, label, starts, duration, capacity)
            ON CONFLICT (session_id) DO UPDATE
            SET period_id = EXCLUDED.period_id, stage = EXCLUDED.stage, site_code = EXCLUDED.site_code,
                site_name = EXCLUDED.site_name, site_regency = EXCLUDED.site_regency, label = EXCLUDED.label,
                starts_at = EXCLUDED.starts_at, duration_minutes = EXCLUDED.duration_minutes,
                capacity = EXCLUDED.capacity
            """, logger: logger)
    }

    func applyReschedules(on connection: PostgresConnection, logger: Logger) async throws {
        guard !reschedules.isEmpty else { return }
        let sorted = reschedules.sorted { $0.key.uuidString < $1.key.uuidString }
        try await connection.query(
            """
            UPDATE scoreboard_sessions AS s SET starts_at = u.starts
            FROM unnest(\(sorted.map(\.key))::uuid[], \(sorted.map(\.value))::timestamptz[]) AS u(id, starts)
            WHERE s.session_id = u.id
            """, logger: logger)
    }

    /// Upserts the result rows with fresh sequence numbers and returns the highest one written, or `nil` when nothing
    /// changed (a replayed or repeated event rewrites nothing and numbers nothing).
    ///
    /// The numbers come from the one-row counter, locked until the batch commits, so they become visible in order.
    func upsertResults(on connection: PostgresConnection, logger: Logger) async throws -> Int64? {
        let rows = orderedResults
        guard !rows.isEmpty else { return nil }
        let none = Self.noNumber
        let result = try await connection.query(
            """
            WITH counter AS (
                UPDATE scoreboard_sequence SET last_sequence = last_sequence + \(rows.count)
                RETURNING last_sequence - \(rows.count) AS base
            ), changes AS (
                SELECT u.application_id, counter.base + u.position AS sequence, u.participant_number,
                       NULLIF(u.formation_id, \(Self.noUUID)) AS formation_id,
                       NULLIF(u.formation_kind, '') AS formation_kind,
                       NULLIF(u.session_id, \(Self.noUUID)) AS session_id,
                       NULLIF(u.twk, \(none)) AS twk, NULLIF(u.tiu, \(none)) AS tiu, NULLIF(u.tkp, \(none)) AS tkp,
                       NULLIF(u.total, \(none)) AS total, NULLIF(u.meets, \(none)) = 1 AS meets_passing_grade,
                       u.status, NULLIF(u.reason_code, '') AS reason_code, u.recorded_at
                FROM counter, unnest(
                    \(rows.map(\.applicationId))::uuid[], \(rows.map(\.participantNumber))::text[],
                    \(rows.map { $0.formationId ?? Self.noUUID })::uuid[],
                    \(rows.map { $0.formationKind?.rawValue ?? "" })::text[],
                    \(rows.map { $0.sessionId ?? Self.noUUID })::uuid[],
                    \(rows.map { $0.scores?.twk ?? none })::int[], \(rows.map { $0.scores?.tiu ?? none })::int[],
                    \(rows.map { $0.scores?.tkp ?? none })::int[], \(rows.map { $0.scores?.total ?? none })::int[],
                    \(rows.map { $0.meetsPassingGrade.map { $0 ? 1 : 0 } ?? none })::int[],
                    \(rows.map(\.status.rawValue))::text[], \(rows.map { $0.reasonCode?.rawValue ?? "" })::text[],
                    \(rows.map(\.recordedAt))::timestamptz[]
                ) WITH ORDINALITY AS u(application_id, participant_number, formation_id, formation_kind, session_id,
                                       twk, tiu, tkp, total, meets, status, reason_code, recorded_at, position)
            )
            INSERT INTO scoreboard_results AS r (application_id, sequence, participant_number, formation_id,
                                                 formation_kind, session_id, twk, tiu, tkp, total,
                                                 meets_passing_grade, status, reason_code, recorded_at)
            SELECT * FROM changes
            ON CONFLICT (application_id) DO UPDATE
            SET sequence = EXCLUDED.sequence, participant_number = EXCLUDED.participant_number,
                formation_id = COALESCE(EXCLUDED.formation_id, r.formation_id),
                formation_kind = COALESCE(EXCLUDED.formation_kind, r.formation_kind),
                session_id = COALESCE(EXCLUDED.session_id, r.session_id),
                twk = EXCLUDED.twk, tiu = EXCLUDED.tiu, tkp = EXCLUDED.tkp, total = EXCLUDED.total,
                meets_passing_grade = EXCLUDED.meets_passing_grade, status = EXCLUDED.status,
                reason_code = EXCLUDED.reason_code, recorded_at = EXCLUDED.recorded_at
            WHERE (r.participant_number, r.formation_id, r.formation_kind, r.session_id, r.twk, r.tiu, r.tkp, r.total,
                   r.meets_passing_grade, r.status, r.reason_code)
                IS DISTINCT FROM
                  (EXCLUDED.participant_number, COALESCE(EXCLUDED.formation_id, r.formation_id),
                   COALESCE(EXCLUDED.formation_kind, r.formation_kind), COALESCE(EXCLUDED.session_id, r.session_id),
                   EXCLUDED.twk, EXCLUDED.tiu, EXCLUDED.tkp, EXCLUDED.total, EXCLUDED.meets_passing_grade,
                   EXCLUDED.status, EXCLUDED.reason_code)
            RETURNING r.sequence
            """, logger: logger)
        var highest: Int64?
        for try await sequence in result.decode(Int64.self) {
            highest = max(highest ?? sequence, sequence)
        }
        return highest
    }
}
