import EventStore
import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Follows the exam topic into the public result lists: each formation's finalised SKD ranking and its final results,
/// row by row. Large lists arrive in parts (1,000 rows per event); a list counts once every part is in, so nobody
/// reads half a ranking. A later final-results computation for a formation supersedes the earlier one.
enum PublicExamResultsProjection {
    static let projection = Projection(
        name: "public-exam-results",
        topics: [.exam],
        apply: { event, envelope, connection, logger in
            switch event {
            case let ranking as SkdRankingFinalisedV1:
                let details = try JSONColumn.text(SkdListDetails(
                    skbPlaces: ranking.skbPlaces, passingGrade: ranking.passingGrade))
                try await store(
                    list: ranking.rankingId, stage: "skd", period: ranking.periodId, formation: ranking.formationId,
                    kind: ranking.formationKind, quota: ranking.quota, details: details,
                    part: ranking.part ?? 1, parts: ranking.parts ?? 1, at: envelope.time,
                    rows: try ranking.rows.map { row in
                        (row.applicationId, row.participantNumber, row.code.rawValue, row.rank,
                         try JSONColumn.text(PublicSkdRow(row)))
                    }, on: connection, logger: logger)
            case let final as FinalResultsComputedV1:
                let details = try JSONColumn.text(FinalListDetails(
                    skdWeightPercent: final.skdWeightPercent, skbWeightPercent: final.skbWeightPercent))
                try await store(
                    list: final.resultId, stage: "final", period: final.periodId, formation: final.formationId,
                    kind: final.formationKind, quota: final.quota, details: details,
                    part: final.part ?? 1, parts: final.parts ?? 1, at: envelope.time,
                    rows: try final.rows.map { row in
                        (row.applicationId, row.participantNumber, row.code.rawValue, row.rank,
                         try JSONColumn.text(PublicFinalRow(row)))
                    }, on: connection, logger: logger)
            default:
                return .ignored
            }
            return .applied
        },
        reset: { connection, logger in
            try await connection.query("TRUNCATE public_result_lists, public_result_rows", logger: logger)
        })

    /// What an SKD list says besides its rows.
    struct SkdListDetails: Codable, Sendable, Equatable {
        var skbPlaces: Int
        var passingGrade: SkdPassingGrade
    }

    /// What a final list says besides its rows.
    struct FinalListDetails: Codable, Sendable, Equatable {
        var skdWeightPercent: ExactDecimal
        var skbWeightPercent: ExactDecimal
    }

    typealias Row = (application: UUID, participant: String, code: String, rank: Int?, data: String)

    /// Records one part of a list: the list header once, the part's rows in one statement, and the part as received
    /// (a redelivered part changes nothing).
    static func store(
        list: UUID, stage: String, period: UUID, formation: UUID, kind: FormationKind, quota: Int, details: String,
        part: Int, parts: Int, at time: Date, rows: [Row], on connection: PostgresConnection, logger: Logger
    ) async throws {
        let received = try await connection.query(
            """
            INSERT INTO public_result_lists (list_id, stage, period_id, formation_id, formation_kind, quota, details,
                                             parts, produced_at)
            VALUES (\(list), \(stage), \(period), \(formation), \(kind.rawValue), \(quota), \(details)::jsonb,
                    \(parts), \(time))
            ON CONFLICT (list_id) DO UPDATE SET parts = public_result_lists.parts
            RETURNING \(part) = ANY(received_parts)
            """, logger: logger)
        for try await alreadyIn in received.decode(Bool.self) where alreadyIn { return }

        let positions = Array(0..<rows.count)
        try await connection.query(
            """
            INSERT INTO public_result_rows (list_id, part, position, application_id, participant_number, code, rank,
                                            row_data)
            SELECT \(list), \(part), u.position, u.application, u.participant, u.code, NULLIF(u.rank, -1), u.data
            FROM unnest(\(positions)::int[], \(rows.map(\.application))::uuid[], \(rows.map(\.participant))::text[],
                        \(rows.map(\.code))::text[], \(rows.map { $0.rank ?? -1 })::int[], \(rows.map(\.data))::jsonb[])
                 AS u(position, application, participant, code, rank, data)
            ON CONFLICT DO NOTHING
            """, logger: logger)
        try await connection.query(
            """
            UPDATE public_result_lists
            SET received_parts = array_append(received_parts, \(part)),
                complete = cardinality(array_append(received_parts, \(part))) >= parts
            WHERE list_id = \(list)
            """, logger: logger)
    }
}
