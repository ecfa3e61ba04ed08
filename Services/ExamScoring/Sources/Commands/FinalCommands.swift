import EventStore
import ExamScoringRules
import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Integrates SKD and SKB for a whole period (DOMAIN §3.2, §3.3, §1.9): per formation, the P/L candidates of the SKD
/// ranking are scored 40/60, ranked with the final tie-breaks (age from the registration service when needed) and
/// coded against the quota; then optimisation fills empty posts across the period's formations; then one
/// ``FinalResultsComputedV1`` per formation is appended. All or nothing, once per period.
struct FinalCommands: Sendable {
    let postgres: PostgresClient
    let writer: ExamEventWriter
    let policy: IntegrationPolicy
    let ages: AgeOrderClient
    let logger: Logger

    func compute(period periodId: UUID, authorization: String, context: CommandContext) async throws
        -> [FinalResultsComputedV1]
    {
        let results = try await PostgresTransaction.run(on: postgres, logger: logger) { connection in
            let formations = try await FormationStore.formations(ofPeriod: periodId, on: connection, logger: logger)
            guard !formations.isEmpty else { throw ExamRuleViolation.unknownPeriod(periodId) }
            let computed = try await alreadyComputed(formations.map(\.formationId), on: connection)
            guard computed.isEmpty else { throw ExamRuleViolation.finalAlreadyComputed(computed) }
            let missing = try await rankingsMissing(periodId, on: connection)
            guard missing.isEmpty else { throw ExamRuleViolation.rankingsMissing(missing) }
            var candidates: [UUID: [FinalCandidate]] = [:]
            var pending: [UUID: Int] = [:]
            for formation in formations {
                let (found, waiting) = try await finalCandidates(of: formation.formationId, on: connection)
                candidates[formation.formationId] = found
                if waiting > 0 { pending[formation.formationId] = waiting }
            }
            guard pending.isEmpty else { throw ExamRuleViolation.skbResultsPending(pending) }
            let tied = formations.flatMap {
                FinalRanking.tiesNeedingAge(candidates[$0.formationId] ?? [], policy: policy).flatMap { $0 }
            }
            let ageOrder = try await ages.ranks(of: tied, authorization: authorization)
            var outcomes: [FormationOutcome] = []
            for formation in formations {
                let rows: [FinalResultRow]
                do throws(FinalRankingError) {
                    rows = try FinalRanking.rank(
                        candidates[formation.formationId] ?? [], quota: max(1, formation.quota), policy: policy,
                        ageOrder: ageOrder)
                } catch {
                    guard case .unbreakableTie(let applications) = error else { throw error }
                    throw ExamRuleViolation.unbreakableTie(formation: formation.formationId, applications: applications)
                }
                outcomes.append(FormationOutcome(
                    formationId: formation.formationId, positionName: formation.positionName,
                    unitName: formation.unitName, placement: formation.placement, kind: formation.kind,
                    quota: formation.quota, educationRequirements: formation.educationRequirements, rows: rows))
            }
            let optimised = Dictionary(
                uniqueKeysWithValues: Optimisation.fill(outcomes).map { ($0.formationId, $0.rows) })
            var events: [FinalResultsComputedV1] = []
            for formation in formations {
                let event = FinalResultsComputedV1(
                    resultId: UUID(), periodId: periodId, formationId: formation.formationId,
                    formationKind: formation.kind, quota: formation.quota,
                    skdWeightPercent: policy.skdWeightPercent, skbWeightPercent: policy.skbWeightPercent,
                    rows: optimised[formation.formationId] ?? [])
                let version = try await writer.append(
                    Self.parts(of: event), to: ExamFormation.streamId(formation.formationId), after: formation.version,
                    context: context, on: connection)
                try await FormationStore.setVersion(version, of: formation.formationId, on: connection, logger: logger)
                try await connection.query(
                    """
                    INSERT INTO final_results (formation_id, result_id, period_id, result, computed_at, computed_by)
                    VALUES (\(formation.formationId), \(event.resultId), \(periodId),
                            \(try JSONColumn.text(event))::json, \(context.now), \(context.actor))
                    """, logger: logger)
                events.append(event)
            }
            return events
        }
        logger.info("final results computed", metadata: [
            "period_id": "\(periodId.eventKey)", "formations": "\(results.count)",
            "rows": "\(results.reduce(0) { $0 + $1.rows.count })",
        ])
        return results
    }

    /// The computed final results of a formation.
    func result(of formationId: UUID) async throws -> FinalResultsComputedV1? {
        let rows = try await postgres.query(
            "SELECT result::text FROM final_results WHERE formation_id = \(formationId)", logger: logger)
        for try await text in rows.decode(String.self) {
            return try JSONColumn.decode(FinalResultsComputedV1.self, from: text)
        }
        return nil
    }

    /// The results as the events that carry them: one, or parts of ``RowParts/rowsPerEvent`` rows.
    static func parts(of results: FinalResultsComputedV1) -> [FinalResultsComputedV1] {
        let parts = RowParts.split(results.rows)
        guard parts.count > 1 else { return [results] }
        return parts.enumerated().map { index, rows in
            var part = results
            part.rows = rows
            part.part = index + 1
            part.parts = parts.count
            return part
        }
    }

    // MARK: - Steps

    private func alreadyComputed(_ formations: [UUID], on connection: PostgresConnection) async throws -> [UUID] {
        let rows = try await connection.query(
            "SELECT formation_id FROM final_results WHERE formation_id = ANY(\(formations)::uuid[])", logger: logger)
        var found: [UUID] = []
        for try await id in rows.decode(UUID.self) { found.append(id) }
        return found
    }

    /// Formations of the period with SKD-seated candidates and no finalised ranking.
    private func rankingsMissing(_ periodId: UUID, on connection: PostgresConnection) async throws -> [UUID] {
        let rows = try await connection.query(
            """
            SELECT DISTINCT p.formation_id FROM participants p
            JOIN seats s ON s.application_id = p.application_id AND s.stage = 'SKD'
            WHERE p.period_id = \(periodId)
              AND NOT EXISTS (SELECT 1 FROM skd_rankings r WHERE r.formation_id = p.formation_id)
            """, logger: logger)
        var missing: [UUID] = []
        for try await id in rows.decode(UUID.self) { missing.append(id) }
        return missing
    }

    /// The formation's P/L candidates with their SKB outcome, and how many of them have none yet (not seated for the
    /// SKB, or seated without an outcome). A withdrawal after the SKD is APS.
    private func finalCandidates(of formationId: UUID, on connection: PostgresConnection) async throws
        -> ([FinalCandidate], pending: Int)
    {
        let rows = try await connection.query(
            """
            SELECT p.application_id, p.applicant_id, p.participant_number, skd.result::text,
                   a.academic_grade::text, a.withdrawn_at IS NOT NULL, skb.outcome, skb.result::text
            FROM skd_codes c
            JOIN participants p ON p.application_id = c.application_id
            JOIN applications a ON a.application_id = c.application_id
            JOIN stage_outcomes skd ON skd.application_id = c.application_id AND skd.stage = 'SKD'
            LEFT JOIN stage_outcomes skb ON skb.application_id = c.application_id AND skb.stage = 'SKB'
            WHERE c.formation_id = \(formationId) AND c.code = 'P/L'
            """, logger: logger)
        var candidates: [FinalCandidate] = []
        var pending = 0
        for try await (application, applicant, number, skdResult, grade, withdrawn, skbOutcome, skbResult) in
            rows.decode((UUID, UUID, String, String?, String, Bool, String?, String?).self)
        {
            guard let skdResult else { continue }
            let outcome: FinalSkbOutcome
            switch (withdrawn, skbOutcome.flatMap(StageOutcome.init(rawValue:))) {
            case (_, .scored):
                guard let skbResult else { continue }
                outcome = .scored(try JSONColumn.decode(SkbResultRecordedV1.self, from: skbResult).score)
            case (_, .absent): outcome = .absent
            case (_, .disqualified): outcome = .disqualified
            case (true, nil): outcome = .withdrawn
            case (false, nil):
                pending += 1
                continue
            }
            candidates.append(FinalCandidate(
                applicationId: application, applicantId: applicant, participantNumber: number,
                skdScores: try JSONColumn.decode(SkdScores.self, from: skdResult), skb: outcome,
                academicGrade: try JSONColumn.decode(AcademicGrade.self, from: grade)))
        }
        return (candidates, pending)
    }
}
