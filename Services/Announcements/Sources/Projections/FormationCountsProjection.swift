import EventStore
import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Counts submitted and withdrawn applications per formation from the registration topic.
///
/// A batch is applied with one set-based upsert of the per-formation deltas, so the read model keeps up with a
/// registration peak (thousands of events per second) instead of paying a round trip per event.
enum FormationCountsProjection {
    static let projection = Projection(
        name: "formation-counts",
        topics: [.registration],
        applyAll: { events, connection, logger in
            var deltas: [UUID: Delta] = [:]
            let outcomes: [ApplyOutcome] = events.map { decoded in
                switch decoded.event {
                case let submitted as ApplicationSubmittedV1:
                    deltas[submitted.formationId, default: Delta(periodId: submitted.periodId)]
                        .add(submitted: 1, at: decoded.envelope.time)
                    return .applied
                case let withdrawn as ApplicationWithdrawnV1:
                    deltas[withdrawn.formationId, default: Delta(periodId: withdrawn.periodId)]
                        .add(withdrawn: 1, at: decoded.envelope.time)
                    return .applied
                default:
                    return .ignored
                }
            }
            try await upsert(deltas, on: connection, logger: logger)
            return outcomes
        },
        reset: { connection, logger in
            try await connection.query("TRUNCATE formation_applicant_counts", logger: logger)
        })

    struct Delta {
        var periodId: UUID
        var submitted = 0
        var withdrawn = 0
        var updatedAt = Date.distantPast

        mutating func add(submitted: Int = 0, withdrawn: Int = 0, at time: Date) {
            self.submitted += submitted
            self.withdrawn += withdrawn
            updatedAt = max(updatedAt, time)
        }
    }

    /// One statement for the whole batch; rows in formation order so concurrent batches cannot deadlock.
    static func upsert(_ deltas: [UUID: Delta], on connection: PostgresConnection, logger: Logger) async throws {
        guard !deltas.isEmpty else { return }
        let sorted = deltas.sorted { $0.key.uuidString < $1.key.uuidString }
        let formations = sorted.map(\.key)
        let periods = sorted.map(\.value.periodId)
        let submitted = sorted.map(\.value.submitted)
        let withdrawn = sorted.map(\.value.withdrawn)
        let times = sorted.map(\.value.updatedAt)
        try await connection.query(
            """
            INSERT INTO formation_applicant_counts AS counts (formation_id, period_id, submitted, withdrawn, updated_at)
            SELECT * FROM unnest(\(formations)::uuid[], \(periods)::uuid[], \(submitted)::int[], \(withdrawn)::int[],
                                 \(times)::timestamptz[])
            ON CONFLICT (formation_id) DO UPDATE
            SET submitted = counts.submitted + EXCLUDED.submitted,
                withdrawn = counts.withdrawn + EXCLUDED.withdrawn,
                updated_at = GREATEST(counts.updated_at, EXCLUDED.updated_at)
            """, logger: logger)
    }
}
