import EventStore
import ExamScoringRules
import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Loads seated candidates for commands, locked for the command's transaction so that two results for one candidate
/// are serialised (the second finds the first and is refused).
enum CandidateStore {
    private static let selection = """
        SELECT p.application_id, p.applicant_id, p.participant_number, p.period_id, p.formation_id,
               a.formation_kind, pe.fiscal_year, a.withdrawn_at IS NOT NULL, p.stream_version,
               (SELECT json_object_agg(s.stage, s.session_id) FROM seats s
                WHERE s.application_id = p.application_id)::text,
               (SELECT json_object_agg(o.stage, o.outcome) FROM stage_outcomes o
                WHERE o.application_id = p.application_id)::text
        FROM participants p
        JOIN applications a ON a.application_id = p.application_id
        JOIN periods pe ON pe.period_id = p.period_id
        """

    /// The candidate with `participantNumber`, locked until the transaction ends.
    static func lock(participantNumber: String, on connection: PostgresConnection, logger: Logger) async throws
        -> ExamCandidate?
    {
        try await lock(participantNumbers: [participantNumber], on: connection, logger: logger)[participantNumber]
    }

    /// The candidates with these participant numbers (those that exist), locked until the transaction ends, in a
    /// stable order so that concurrent imports cannot deadlock.
    static func lock(participantNumbers: [String], on connection: PostgresConnection, logger: Logger) async throws
        -> [String: ExamCandidate]
    {
        guard !participantNumbers.isEmpty else { return [:] }
        // Lock first, read after, in two statements: a statement that waited for the lock re-reads the locked row but
        // still sees the seats and outcomes of its own (older) snapshot, so it would miss the result the lock holder
        // just committed. The second statement's snapshot includes it.
        let locked = try await connection.query(
            PostgresQuery(unsafeSQL: """
                SELECT 1 FROM participants WHERE participant_number = ANY($1::text[])
                ORDER BY application_id
                FOR UPDATE
                """, binds: try bindings(participantNumbers)),
            logger: logger)
        for try await _ in locked {}
        let rows = try await connection.query(
            PostgresQuery(unsafeSQL: selection + """

                WHERE p.participant_number = ANY($1::text[])
                ORDER BY p.application_id
                FOR UPDATE OF p
                """, binds: try bindings(participantNumbers)),
            logger: logger)
        var candidates: [String: ExamCandidate] = [:]
        for try await row in rows {
            let candidate = try decode(row)
            candidates[candidate.participantNumber] = candidate
        }
        return candidates
    }

    /// The seated candidates of an applicant (their own exam card), unlocked.
    static func candidates(ofApplicant applicantId: UUID, on connection: PostgresConnection, logger: Logger)
        async throws -> [ExamCandidate]
    {
        var binds = PostgresBindings()
        binds.append(applicantId)
        let rows = try await connection.query(
            PostgresQuery(unsafeSQL: selection + "\nWHERE p.applicant_id = $1 ORDER BY p.participant_number",
                          binds: binds),
            logger: logger)
        var candidates: [ExamCandidate] = []
        for try await row in rows { candidates.append(try decode(row)) }
        return candidates
    }

    /// Advances the candidate's stream version after an append.
    static func setVersion(_ version: Int64, of applicationId: UUID, on connection: PostgresConnection,
                           logger: Logger) async throws
    {
        try await connection.query(
            "UPDATE participants SET stream_version = \(version) WHERE application_id = \(applicationId)",
            logger: logger)
    }

    /// Records a stage's outcome (the row a second result collides with).
    static func insertOutcome(
        _ outcome: StageOutcome, stage: ExamStage, of candidate: ExamCandidate, skdTotal: Int? = nil,
        result: String?, context: CommandContext, on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await connection.query(
            """
            INSERT INTO stage_outcomes (application_id, stage, outcome, formation_id, skd_total, result, recorded_at,
                                        recorded_by)
            VALUES (\(candidate.applicationId), \(stage.rawValue), \(outcome.rawValue), \(candidate.formationId),
                    \(skdTotal), \(result)::json, \(context.now), \(context.actor))
            """, logger: logger)
    }

    private static func bindings(_ numbers: [String]) throws -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(numbers)
        return binds
    }

    private static func decode(_ row: PostgresRow) throws -> ExamCandidate {
        let (applicationId, applicantId, number, periodId, formationId, kind, year, withdrawn, version, seats, outcomes)
            = try row.decode((UUID, UUID, String, UUID, UUID, String, Int, Bool, Int64, String?, String?).self)
        guard let formationKind = FormationKind(rawValue: kind) else { throw CandidateStoreError.unknownKind(kind) }
        var seatMap: [ExamStage: UUID] = [:]
        let storedSeats = try seats.map { try JSONColumn.decode([String: UUID].self, from: $0) } ?? [:]
        for (stage, session) in storedSeats {
            if let stage = ExamStage(rawValue: stage) { seatMap[stage] = session }
        }
        var outcomeMap: [ExamStage: StageOutcome] = [:]
        let storedOutcomes = try outcomes.map { try JSONColumn.decode([String: String].self, from: $0) } ?? [:]
        for (stage, outcome) in storedOutcomes {
            if let stage = ExamStage(rawValue: stage), let outcome = StageOutcome(rawValue: outcome) {
                outcomeMap[stage] = outcome
            }
        }
        return ExamCandidate(
            applicationId: applicationId, applicantId: applicantId, participantNumber: number, periodId: periodId,
            formationId: formationId, formationKind: formationKind, fiscalYear: year, withdrawn: withdrawn,
            seats: seatMap, outcomes: outcomeMap, version: version)
    }
}

/// A stored row the service cannot read back.
enum CandidateStoreError: Error, CustomStringConvertible {
    case unknownKind(String)

    var description: String {
        switch self {
        case .unknownKind(let kind): "stored formation kind \(kind) is not in the catalogue"
        }
    }
}
