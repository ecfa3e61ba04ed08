import EventStore
import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Gives seats to the candidates of a period who may sit a stage (DOMAIN §1.6-1.7): for the SKD, applications whose
/// administrative result is a final, published MS (an upheld objection included) and that were not withdrawn; for the
/// SKB, those coded P/L in their formation's finalised SKD ranking. Each seat is a ``CandidateAssignedV1`` in the
/// candidate's stream; the SKD seat also issues the participant number, which the SKB keeps.
///
/// Seating runs again as more candidates become eligible (objections answered later) or more sessions are scheduled:
/// it only adds, filling sessions in start order. One seating per period at a time (the period's row is locked).
struct SeatingCommands: Sendable {
    /// What a seating did.
    struct Summary: Codable, Sendable {
        var stage: ExamStage
        var assigned: Int
        /// Eligible candidates left without a seat because the sessions are full.
        var unseated: Int
    }

    let postgres: PostgresClient
    let writer: ExamEventWriter
    let logger: Logger

    func seat(period periodId: UUID, stage: ExamStage, context: CommandContext) async throws -> Summary {
        let summary = try await PostgresTransaction.run(on: postgres, logger: logger) { connection in
            let periodRows = try await connection.query(
                "SELECT fiscal_year FROM periods WHERE period_id = \(periodId) FOR UPDATE", logger: logger)
            var fiscalYear: Int?
            for try await year in periodRows.decode(Int.self) { fiscalYear = year }
            guard let fiscalYear else { throw ExamRuleViolation.unknownPeriod(periodId) }
            let eligible = try await eligibleCandidates(period: periodId, stage: stage, on: connection)
            guard !eligible.isEmpty else { return Summary(stage: stage, assigned: 0, unseated: 0) }
            let sessions = try await openSessions(period: periodId, stage: stage, on: connection)
            let plan = SeatPlan.plan(eligible.map(\.applicationId), into: sessions)
            guard !plan.assignments.isEmpty else {
                throw ExamRuleViolation.noSessionsWithSeats(stage, unseated: plan.unseated.count)
            }
            let byId = Dictionary(uniqueKeysWithValues: eligible.map { ($0.applicationId, $0) })
            switch stage {
            case .skd:
                try await seatForSkd(plan.assignments, candidates: byId, fiscalYear: fiscalYear, context: context,
                                     on: connection)
            case .skb:
                try await seatForSkb(plan.assignments, candidates: byId, context: context, on: connection)
            }
            try await recordSeats(plan.assignments, stage: stage, context: context, on: connection)
            return Summary(stage: stage, assigned: plan.assignments.count, unseated: plan.unseated.count)
        }
        logger.info("candidates seated", metadata: [
            "period_id": "\(periodId.eventKey)", "stage": "\(stage.rawValue)", "assigned": "\(summary.assigned)",
            "unseated": "\(summary.unseated)",
        ])
        return summary
    }

    // MARK: - Steps

    private struct Eligible {
        var applicationId: UUID
        var applicantId: UUID
        var formationId: UUID
        var periodId: UUID
        /// The SKB keeps the SKD's participant number and stream.
        var participantNumber: String?
        var version: Int64
    }

    /// Candidates of the period who may sit `stage` and have no seat for it, in seating order (formation, then
    /// registration number).
    private func eligibleCandidates(period periodId: UUID, stage: ExamStage, on connection: PostgresConnection)
        async throws -> [Eligible]
    {
        let query: PostgresQuery
        switch stage {
        case .skd:
            query = """
                SELECT a.application_id, a.applicant_id, a.formation_id, a.period_id, p.participant_number,
                       COALESCE(p.stream_version, 0)
                FROM applications a
                \(unescaped: SkdEligibility.join)
                LEFT JOIN participants p ON p.application_id = a.application_id
                WHERE a.period_id = \(periodId) AND \(unescaped: SkdEligibility.unseated)
                ORDER BY a.formation_id, a.registration_number
                """
        case .skb:
            query = """
                SELECT a.application_id, a.applicant_id, a.formation_id, a.period_id, p.participant_number,
                       p.stream_version
                FROM skd_codes c
                JOIN applications a ON a.application_id = c.application_id
                JOIN participants p ON p.application_id = c.application_id
                WHERE a.period_id = \(periodId) AND c.code = 'P/L' AND a.withdrawn_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM seats s WHERE s.application_id = a.application_id AND s.stage = 'SKB')
                ORDER BY a.formation_id, p.participant_number
                """
        }
        let rows = try await connection.query(query, logger: logger)
        var eligible: [Eligible] = []
        for try await (application, applicant, formation, period, number, version) in rows.decode(
            (UUID, UUID, UUID, UUID, String?, Int64).self)
        {
            eligible.append(Eligible(applicationId: application, applicantId: applicant, formationId: formation,
                                     periodId: period, participantNumber: number, version: version))
        }
        return eligible
    }

    private func openSessions(period periodId: UUID, stage: ExamStage, on connection: PostgresConnection)
        async throws -> [SeatPlan.Session]
    {
        let rows = try await connection.query(
            """
            SELECT session_id, starts_at, capacity, seats_taken FROM sessions
            WHERE period_id = \(periodId) AND stage = \(stage.rawValue) AND seats_taken < capacity
            ORDER BY starts_at, session_id
            FOR UPDATE
            """, logger: logger)
        var sessions: [SeatPlan.Session] = []
        for try await (id, startsAt, capacity, taken) in rows.decode((UUID, Date, Int, Int).self) {
            sessions.append(SeatPlan.Session(sessionId: id, startsAt: startsAt, capacity: capacity, seatsTaken: taken))
        }
        return sessions
    }

    /// Issues participant numbers and starts each candidate's stream with the SKD seat (set-based).
    private func seatForSkd(_ assignments: [SeatPlan.Assignment], candidates: [UUID: Eligible], fiscalYear: Int,
                            context: CommandContext, on connection: PostgresConnection) async throws
    {
        let serialRows = try await connection.query(
            "SELECT nextval('participant_serial') FROM generate_series(1, \(assignments.count))", logger: logger)
        var serials: [Int64] = []
        for try await serial in serialRows.decode(Int64.self) { serials.append(serial) }
        var events: [(streamId: String, event: any RecruitmentEvent)] = []
        var numbers: [String] = []
        for (assignment, serial) in zip(assignments, serials) {
            guard let candidate = candidates[assignment.applicationId] else { continue }
            let number = candidate.participantNumber ?? ParticipantNumber.make(fiscalYear: fiscalYear, serial: serial)
            numbers.append(number)
            events.append((ExamCandidate.streamId(candidate.applicationId), CandidateAssignedV1(
                sessionId: assignment.sessionId, applicationId: candidate.applicationId,
                applicantId: candidate.applicantId, formationId: candidate.formationId, stage: .skd,
                participantNumber: number, seat: SeatPlan.seatLabel(assignment.seatNumber))))
        }
        try await writer.start(events, context: context, on: connection)
        let ids = assignments.map(\.applicationId)
        let applicants = assignments.compactMap { candidates[$0.applicationId]?.applicantId }
        let formations = assignments.compactMap { candidates[$0.applicationId]?.formationId }
        let periods = assignments.compactMap { candidates[$0.applicationId]?.periodId }
        try await connection.query(
            """
            INSERT INTO participants (application_id, participant_number, applicant_id, formation_id, period_id,
                                      stream_version)
            SELECT * , 1 FROM unnest(\(ids)::uuid[], \(numbers)::text[], \(applicants)::uuid[], \(formations)::uuid[],
                                     \(periods)::uuid[])
            """, logger: logger)
    }

    /// Appends the SKB seat to each candidate's existing stream.
    private func seatForSkb(_ assignments: [SeatPlan.Assignment], candidates: [UUID: Eligible],
                            context: CommandContext, on connection: PostgresConnection) async throws
    {
        for assignment in assignments {
            guard let candidate = candidates[assignment.applicationId], let number = candidate.participantNumber
            else { continue }
            let event = CandidateAssignedV1(
                sessionId: assignment.sessionId, applicationId: candidate.applicationId,
                applicantId: candidate.applicantId, formationId: candidate.formationId, stage: .skb,
                participantNumber: number, seat: SeatPlan.seatLabel(assignment.seatNumber))
            let version = try await writer.append(
                [event], to: ExamCandidate.streamId(candidate.applicationId), after: candidate.version,
                context: context, on: connection)
            try await CandidateStore.setVersion(version, of: candidate.applicationId, on: connection, logger: logger)
        }
    }

    private func recordSeats(_ assignments: [SeatPlan.Assignment], stage: ExamStage, context: CommandContext,
                             on connection: PostgresConnection) async throws
    {
        let ids = assignments.map(\.applicationId)
        let sessions = assignments.map(\.sessionId)
        let seats = assignments.map { SeatPlan.seatLabel($0.seatNumber) }
        try await connection.query(
            """
            INSERT INTO seats (application_id, stage, session_id, seat, assigned_at)
            SELECT a, \(stage.rawValue), s, seat, \(context.now)
            FROM unnest(\(ids)::uuid[], \(sessions)::uuid[], \(seats)::text[]) AS t(a, s, seat)
            """, logger: logger)
        try await connection.query(
            """
            UPDATE sessions SET seats_taken = seats_taken + t.n
            FROM (SELECT s, count(*)::integer AS n FROM unnest(\(sessions)::uuid[]) AS s GROUP BY s) AS t
            WHERE sessions.session_id = t.s
            """, logger: logger)
    }
}
