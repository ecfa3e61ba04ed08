import EventStore
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Counts submitted and withdrawn applications per formation from the registration topic.
enum FormationCountsProjection {
    static let projection = Projection(
        name: "formation-counts",
        topics: [.registration],
        apply: { event, envelope, connection, logger in
            switch event {
            case let submitted as ApplicationSubmittedV1:
                try await connection.query(
                    """
                    INSERT INTO formation_applicant_counts (formation_id, period_id, submitted, updated_at)
                    VALUES (\(submitted.formationId), \(submitted.periodId), 1, \(envelope.time))
                    ON CONFLICT (formation_id) DO UPDATE
                    SET submitted = formation_applicant_counts.submitted + 1,
                        updated_at = GREATEST(formation_applicant_counts.updated_at, EXCLUDED.updated_at)
                    """, logger: logger)
                return .applied
            case let withdrawn as ApplicationWithdrawnV1:
                try await connection.query(
                    """
                    INSERT INTO formation_applicant_counts (formation_id, period_id, withdrawn, updated_at)
                    VALUES (\(withdrawn.formationId), \(withdrawn.periodId), 1, \(envelope.time))
                    ON CONFLICT (formation_id) DO UPDATE
                    SET withdrawn = formation_applicant_counts.withdrawn + 1,
                        updated_at = GREATEST(formation_applicant_counts.updated_at, EXCLUDED.updated_at)
                    """, logger: logger)
                return .applied
            default:
                return .ignored
            }
        },
        reset: { connection, logger in
            try await connection.query("TRUNCATE formation_applicant_counts", logger: logger)
        })
}
