import EventStore
import ExamScoringRules
import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// The SKD ranking of a formation (DOMAIN §3.1): previewed while results arrive, finalised once every seated
/// candidate has an outcome. Finalising appends ``SkdRankingFinalisedV1`` to the formation's stream and records each
/// row's code, from which the SKB is seated.
struct RankingCommands: Sendable {
    /// A ranking as officers see it: finalised, or a preview with the outcomes still missing.
    struct View: Codable, Sendable {
        var finalised: Bool
        var pending: Int
        var ranking: SkdRankingFinalisedV1
    }

    let postgres: PostgresClient
    let writer: ExamEventWriter
    let grades: PassingGradeTable
    let logger: Logger

    func finalise(_ formationId: UUID, context: CommandContext) async throws -> SkdRankingFinalisedV1 {
        let ranking = try await PostgresTransaction.run(on: postgres, logger: logger) { connection in
            let formation = try await FormationStore.formation(formationId, lock: true, on: connection, logger: logger)
            if try await stored(formationId, on: connection) != nil {
                throw ExamRuleViolation.rankingAlreadyFinalised(formationId)
            }
            let unseated = try await eligibleWithoutSeat(formationId, on: connection)
            guard unseated == 0 else { throw ExamRuleViolation.candidatesNotSeated(formation: formationId, count: unseated) }
            let (candidates, pending) = try await candidates(of: formationId, on: connection)
            guard pending == 0 else { throw ExamRuleViolation.resultsPending(formation: formationId, pending: pending) }
            let ranking = try rank(formation, candidates, rankingId: UUID())
            let version = try await writer.append(
                Self.parts(of: ranking), to: ExamFormation.streamId(formationId), after: formation.version,
                context: context, on: connection)
            try await FormationStore.setVersion(version, of: formationId, on: connection, logger: logger)
            try await connection.query(
                """
                INSERT INTO skd_rankings (formation_id, ranking_id, ranking, finalised_at, finalised_by)
                VALUES (\(formationId), \(ranking.rankingId), \(try JSONColumn.text(ranking))::json, \(context.now),
                        \(context.actor))
                """, logger: logger)
            let ids = ranking.rows.map(\.applicationId)
            let codes = ranking.rows.map(\.code.rawValue)
            try await connection.query(
                """
                INSERT INTO skd_codes (application_id, formation_id, code)
                SELECT a, \(formationId), c FROM unnest(\(ids)::uuid[], \(codes)::text[]) AS t(a, c)
                """, logger: logger)
            return ranking
        }
        logger.info("SKD ranking finalised", metadata: [
            "formation_id": "\(formationId.eventKey)", "rows": "\(ranking.rows.count)",
            "to_skb": "\(ranking.rows.filter { $0.code == .passedToSkb }.count)",
        ])
        return ranking
    }

    /// The finalised ranking, or a preview of the outcomes so far.
    func view(_ formationId: UUID) async throws -> View {
        try await postgres.withConnection { connection in
            let formation = try await FormationStore.formation(formationId, lock: false, on: connection, logger: logger)
            if let stored = try await stored(formationId, on: connection) {
                return View(finalised: true, pending: 0, ranking: stored)
            }
            let (candidates, pending) = try await candidates(of: formationId, on: connection)
            return View(finalised: false, pending: pending, ranking: try rank(formation, candidates, rankingId: UUID()))
        }
    }

    /// The ranking as the events that carry it: one, or parts of ``RowParts/rowsPerEvent`` rows.
    static func parts(of ranking: SkdRankingFinalisedV1) -> [SkdRankingFinalisedV1] {
        let parts = RowParts.split(ranking.rows)
        guard parts.count > 1 else { return [ranking] }
        return parts.enumerated().map { index, rows in
            var part = ranking
            part.rows = rows
            part.part = index + 1
            part.parts = parts.count
            return part
        }
    }

    // MARK: - Steps

    private func rank(_ formation: ExamFormation, _ candidates: [SkdRankingCandidate], rankingId: UUID) throws
        -> SkdRankingFinalisedV1
    {
        let grade: SkdPassingGrade
        do {
            grade = try grades.grade(for: formation.kind, fiscalYear: formation.fiscalYear).grade
        } catch {
            throw ExamRuleViolation.noPassingGrade("\(error)")
        }
        let quota = max(1, formation.quota)
        return SkdRankingFinalisedV1(
            rankingId: rankingId, periodId: formation.periodId, formationId: formation.formationId,
            formationKind: formation.kind, quota: formation.quota, skbPlaces: SkdRanking.skbPlaces(quota: quota),
            passingGrade: grade, rows: SkdRanking.rank(candidates, quota: quota, passingGrade: grade))
    }

    private func stored(_ formationId: UUID, on connection: PostgresConnection) async throws -> SkdRankingFinalisedV1? {
        let rows = try await connection.query(
            "SELECT ranking::text FROM skd_rankings WHERE formation_id = \(formationId)", logger: logger)
        for try await text in rows.decode(String.self) {
            return try JSONColumn.decode(SkdRankingFinalisedV1.self, from: text)
        }
        return nil
    }

    /// The formation's SKD-seated, non-withdrawn candidates with an outcome, and how many have none yet.
    private func candidates(of formationId: UUID, on connection: PostgresConnection) async throws
        -> ([SkdRankingCandidate], pending: Int)
    {
        let rows = try await connection.query(
            """
            SELECT p.application_id, p.applicant_id, p.participant_number, o.outcome, o.result::text
            FROM participants p
            JOIN seats s ON s.application_id = p.application_id AND s.stage = 'SKD'
            JOIN applications a ON a.application_id = p.application_id
            LEFT JOIN stage_outcomes o ON o.application_id = p.application_id AND o.stage = 'SKD'
            WHERE p.formation_id = \(formationId) AND a.withdrawn_at IS NULL
            """, logger: logger)
        var candidates: [SkdRankingCandidate] = []
        var pending = 0
        for try await (application, applicant, number, outcome, result) in rows.decode(
            (UUID, UUID, String, String?, String?).self)
        {
            let decided: SkdCandidateOutcome
            switch outcome.flatMap(StageOutcome.init(rawValue:)) {
            case .scored:
                guard let result else { throw CandidateStoreError.unknownKind("scored without scores") }
                decided = .scored(try JSONColumn.decode(SkdScores.self, from: result))
            case .absent: decided = .absent
            case .disqualified: decided = .disqualified
            case nil:
                pending += 1
                continue
            }
            candidates.append(SkdRankingCandidate(
                applicationId: application, applicantId: applicant, participantNumber: number, outcome: decided))
        }
        return (candidates, pending)
    }

    /// Candidates of the formation who may sit the SKD (final, published MS, not withdrawn) but have no seat.
    private func eligibleWithoutSeat(_ formationId: UUID, on connection: PostgresConnection) async throws -> Int {
        let rows = try await connection.query(
            """
            SELECT count(*)::integer FROM applications a
            \(unescaped: SkdEligibility.join)
            WHERE a.formation_id = \(formationId) AND \(unescaped: SkdEligibility.unseated)
            """, logger: logger)
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }
}
