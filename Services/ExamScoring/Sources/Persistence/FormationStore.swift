import EventStore
import ExamScoringRules
import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// A formation as the exam service knows it from intake, with its stream (`exam-formation-<id>`: rankings and final
/// results) locked for the command's transaction.
struct ExamFormation: Sendable, Hashable {
    var formationId: UUID
    var periodId: UUID
    var positionName: String
    var unitName: String
    var placement: String
    var kind: FormationKind
    var quota: Int
    var educationRequirements: [EducationRequirement]
    var fiscalYear: Int
    var version: Int64

    static func streamId(_ formationId: UUID) -> String { "exam-formation-\(formationId.eventKey)" }
}

enum FormationStore {
    private static let selection = """
        SELECT f.formation_id, f.period_id, f.position_name, f.unit_name, f.placement, f.kind, f.quota,
               f.education_requirements::text, p.fiscal_year, COALESCE(s.stream_version, 0)
        FROM formations f
        JOIN periods p ON p.period_id = f.period_id
        LEFT JOIN formation_streams s ON s.formation_id = f.formation_id
        """

    /// The formation, its row locked until the transaction ends (`lock: true`) or read plainly.
    static func formation(_ formationId: UUID, lock: Bool, on connection: PostgresConnection, logger: Logger)
        async throws -> ExamFormation
    {
        var binds = PostgresBindings()
        binds.append(formationId)
        if lock {
            // Lock first, read after: a statement that waited for the lock would still read the stream version of its
            // own older snapshot (CandidateStore.lock explains it).
            let locked = try await connection.query(
                "SELECT 1 FROM formations WHERE formation_id = \(formationId) FOR UPDATE", logger: logger)
            for try await _ in locked {}
        }
        let formations = try await read(
            PostgresQuery(unsafeSQL: selection + "\nWHERE f.formation_id = $1", binds: binds),
            on: connection, logger: logger)
        guard let formation = formations.first else { throw ExamRuleViolation.unknownFormation(formationId) }
        return formation
    }

    /// Every formation of a period, locked, in a stable order.
    static func formations(ofPeriod periodId: UUID, on connection: PostgresConnection, logger: Logger) async throws
        -> [ExamFormation]
    {
        var binds = PostgresBindings()
        binds.append(periodId)
        let locked = try await connection.query(
            "SELECT 1 FROM formations WHERE period_id = \(periodId) ORDER BY formation_id FOR UPDATE", logger: logger)
        for try await _ in locked {}
        return try await read(
            PostgresQuery(unsafeSQL: selection + "\nWHERE f.period_id = $1 ORDER BY f.formation_id", binds: binds),
            on: connection, logger: logger)
    }

    /// Advances a formation's stream version after an append.
    static func setVersion(_ version: Int64, of formationId: UUID, on connection: PostgresConnection, logger: Logger)
        async throws
    {
        try await connection.query(
            """
            INSERT INTO formation_streams (formation_id, stream_version) VALUES (\(formationId), \(version))
            ON CONFLICT (formation_id) DO UPDATE SET stream_version = EXCLUDED.stream_version
            """, logger: logger)
    }

    private static func read(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws
        -> [ExamFormation]
    {
        let rows = try await connection.query(query, logger: logger)
        var formations: [ExamFormation] = []
        for try await (id, period, position, unit, placement, kind, quota, education, year, version) in rows.decode(
            (UUID, UUID, String, String, String, String, Int, String, Int, Int64).self)
        {
            guard let kind = FormationKind(rawValue: kind) else { throw CandidateStoreError.unknownKind(kind) }
            formations.append(ExamFormation(
                formationId: id, periodId: period, positionName: position, unitName: unit, placement: placement,
                kind: kind, quota: quota,
                educationRequirements: try JSONColumn.decode([EducationRequirement].self, from: education),
                fiscalYear: year, version: version))
        }
        return formations
    }
}
