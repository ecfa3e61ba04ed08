import EventStore
import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Projects the exam topic into the live scoreboard: sessions with their sites, and one public row per application
/// (SKD scored, absent or disqualified), each change numbered by a growing sequence.
///
/// A batch is applied set-based: one upsert for the sessions, one update for reschedules, one upsert for the result
/// rows (the last change per application wins). When any row changed, `pg_notify` inside the batch's transaction
/// tells every instance of the service, at commit, that rows up to the new sequence are there to push
/// (``ScoreboardListener``).
enum ScoreboardProjection {
    /// The PostgreSQL channel the projection notifies on; the payload is the highest sequence of the batch.
    static let channel = "asn_scoreboard"

    static let projection = Projection(
        name: "scoreboard",
        topics: [.exam],
        applyAll: { events, connection, logger in
            var batch = ScoreboardBatch()
            let outcomes = events.map { batch.add($0) }
            try await batch.apply(on: connection, logger: logger)
            return outcomes
        },
        reset: { connection, logger in
            // The sequence counter stays: numbers keep growing across rebuilds (see ScoreboardMigrations.results).
            try await connection.query("TRUNCATE scoreboard_results, scoreboard_sessions", logger: logger)
        })
}

/// The scoreboard changes of one batch, folded in memory before the set-based statements.
struct ScoreboardBatch {
    private(set) var sessions: [UUID: ScoreboardSession] = [:]
    private(set) var sessionOrder: [UUID] = []
    /// Reschedules of sessions not scheduled in this batch: session → new start.
    private(set) var reschedules: [UUID: Date] = [:]
    private(set) var results: [UUID: ScoreboardChange] = [:]
    /// Applications in the order of their last change, which is the order their sequence numbers follow.
    private var order: [UUID: Int] = [:]
    private var counter = 0

    /// Folds one event in and says what the projection did with it.
    mutating func add(_ decoded: Projection.DecodedEvent) -> ApplyOutcome {
        let time = decoded.envelope.time
        switch decoded.event {
        case let scheduled as ExamSessionScheduledV1:
            if sessions[scheduled.sessionId] == nil { sessionOrder.append(scheduled.sessionId) }
            sessions[scheduled.sessionId] = ScoreboardSession(
                sessionId: scheduled.sessionId, periodId: scheduled.periodId, stage: scheduled.stage,
                siteCode: scheduled.site.code, siteName: scheduled.site.name, siteRegency: scheduled.site.regency,
                label: scheduled.label, startsAt: scheduled.startsAt, durationMinutes: scheduled.durationMinutes,
                capacity: scheduled.capacity)
            reschedules[scheduled.sessionId] = nil
        case let rescheduled as ExamSessionRescheduledV1:
            if sessions[rescheduled.sessionId] != nil {
                sessions[rescheduled.sessionId]?.startsAt = rescheduled.startsAt
            } else {
                reschedules[rescheduled.sessionId] = rescheduled.startsAt
            }
        case let result as SkdResultRecordedV1:
            record(ScoreboardChange(
                applicationId: result.applicationId, participantNumber: result.participantNumber,
                formationId: result.formationId, formationKind: result.formationKind, sessionId: result.sessionId,
                scores: result.scores, meetsPassingGrade: result.meetsPassingGrade, status: .scored,
                reasonCode: nil, recordedAt: time))
        case let absent as CandidateAbsentV1:
            guard absent.stage == .skd else { return .ignored }
            record(ScoreboardChange(
                applicationId: absent.applicationId, participantNumber: absent.participantNumber,
                formationId: nil, formationKind: nil, sessionId: absent.sessionId, scores: nil,
                meetsPassingGrade: nil, status: .absent, reasonCode: nil, recordedAt: time))
        case let disqualified as CandidateDisqualifiedV1:
            guard disqualified.stage == .skd else { return .ignored }
            // Only the public code: the free-text reason may name people and stays out of the public read model.
            record(ScoreboardChange(
                applicationId: disqualified.applicationId, participantNumber: disqualified.participantNumber,
                formationId: nil, formationKind: nil, sessionId: disqualified.sessionId, scores: nil,
                meetsPassingGrade: nil, status: .disqualified, reasonCode: disqualified.reasonCode,
                recordedAt: time))
        default:
            return .ignored
        }
        return .applied
    }

    /// A later change of the same application replaces the earlier one but keeps what it does not say (the formation
    /// of an absence, the session of a reused score).
    private mutating func record(_ change: ScoreboardChange) {
        var merged = change
        if let earlier = results[change.applicationId] {
            merged.formationId = merged.formationId ?? earlier.formationId
            merged.formationKind = merged.formationKind ?? earlier.formationKind
            merged.sessionId = merged.sessionId ?? earlier.sessionId
        }
        results[change.applicationId] = merged
        counter += 1
        order[change.applicationId] = counter
    }

    /// The result changes in the order their sequence numbers are given.
    var orderedResults: [ScoreboardChange] {
        results.values.sorted { order[$0.applicationId, default: 0] < order[$1.applicationId, default: 0] }
    }

    /// Writes the batch and notifies listeners (delivered at commit) when any result row changed.
    func apply(on connection: PostgresConnection, logger: Logger) async throws {
        try await upsertSessions(on: connection, logger: logger)
        try await applyReschedules(on: connection, logger: logger)
        if let highest = try await upsertResults(on: connection, logger: logger) {
            try await connection.query(
                "SELECT pg_notify(\(ScoreboardProjection.channel), \(String(highest)))", logger: logger)
        }
    }
}

/// One application's new scoreboard row, before it gets its sequence number.
struct ScoreboardChange: Sendable, Equatable {
    var applicationId: UUID
    var participantNumber: String
    var formationId: UUID?
    var formationKind: FormationKind?
    var sessionId: UUID?
    var scores: SkdScores?
    var meetsPassingGrade: Bool?
    var status: ScoreboardStatus
    var reasonCode: DisqualificationReason?
    var recordedAt: Date
}
