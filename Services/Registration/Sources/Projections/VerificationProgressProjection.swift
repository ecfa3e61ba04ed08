import EventStore
import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Follows the verification topic into the applications table, so an applicant's status view shows verification
/// progress, the published MS/TMS result and the objection, and so withdrawal closes once a verifier takes the case.
/// A publication names its formation, or covers the whole period when it names none.
enum VerificationProgressProjection {
    static let projection = Projection(
        name: "verification-progress",
        topics: [.verification],
        apply: { event, envelope, connection, logger in
            switch event {
            case let claimed as VerificationCaseClaimedV1:
                try await connection.query(
                    """
                    UPDATE applications SET verification_started_at = COALESCE(verification_started_at, \(envelope.time))
                    WHERE application_id = \(claimed.applicationId)
                    """, logger: logger)
            case let recorded as VerificationDecisionRecordedV1:
                let state = VerificationDecisionState(
                    decisionId: recorded.decisionId, outcome: recorded.outcome,
                    unmetRequirements: recorded.unmetRequirements, countersigned: !recorded.awaitsCountersignature,
                    decidedAt: envelope.time)
                try await connection.query(
                    """
                    UPDATE applications SET verification_decision = \(try JSONColumn.text(state))::jsonb,
                        verification_started_at = COALESCE(verification_started_at, \(envelope.time))
                    WHERE application_id = \(recorded.applicationId)
                    """, logger: logger)
            case let countersigned as VerificationDecisionCountersignedV1:
                try await connection.query(
                    """
                    UPDATE applications
                    SET verification_decision = jsonb_set(verification_decision, '{countersigned}', 'true')
                    WHERE application_id = \(countersigned.applicationId)
                      AND (verification_decision->>'decisionId')::uuid = \(countersigned.decisionId)
                    """, logger: logger)
            case let returned as VerificationDecisionReturnedV1:
                try await connection.query(
                    """
                    UPDATE applications SET verification_decision = NULL
                    WHERE application_id = \(returned.applicationId)
                      AND (verification_decision->>'decisionId')::uuid = \(returned.decisionId)
                    """, logger: logger)
            case let published as AdministrativeResultsPublishedV1:
                try await connection.query(
                    """
                    INSERT INTO period_publications (period_id, formation_id, published_at)
                    VALUES (\(published.periodId), \(published.formationId), \(envelope.time))
                    """, logger: logger)
            case let filed as ObjectionFiledV1:
                let state = ObjectionState(objectionId: filed.objectionId, filedAt: envelope.time)
                try await connection.query(
                    """
                    UPDATE applications SET objection = \(try JSONColumn.text(state))::jsonb
                    WHERE application_id = \(filed.applicationId)
                    """, logger: logger)
            case let resolved as ObjectionResolvedV1:
                let rows = try await connection.query(
                    "SELECT objection::text FROM applications WHERE application_id = \(resolved.applicationId)",
                    logger: logger)
                var state = ObjectionState(objectionId: resolved.objectionId, filedAt: envelope.time)
                for try await text in rows.decode(String?.self) {
                    if let text { state = try JSONColumn.decode(ObjectionState.self, from: text) }
                }
                state.outcome = resolved.outcome
                state.resultingOutcome = resolved.resultingOutcome
                state.answer = resolved.answer
                state.resolvedAt = envelope.time
                try await connection.query(
                    """
                    UPDATE applications SET objection = \(try JSONColumn.text(state))::jsonb
                    WHERE application_id = \(resolved.applicationId)
                    """, logger: logger)
            default:
                return .ignored
            }
            return .applied
        },
        reset: { connection, logger in
            try await connection.query(
                """
                UPDATE applications SET verification_started_at = NULL, verification_decision = NULL, objection = NULL
                """, logger: logger)
            try await connection.query("TRUNCATE period_publications", logger: logger)
        })
}
