import EventStore
import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Follows the registration and verification topics into the intake tables: periods (fiscal year → passing grades),
/// formations (quota, kind, post, education, announced SKB weights), submitted applications (name, registration
/// number, GPA for the final tie-break; never NIK, KK, birth date or documents), withdrawals, and each application's
/// administrative result with its publication. Who may sit the SKD is read from these (DOMAIN §1.4-1.6).
///
/// The two topics are consumed independently, so an administrative result may arrive before its submission: results
/// live in their own table, joined when seats are assigned.
enum CandidateIntakeProjection {
    static let projection = Projection(
        name: "candidate-intake",
        topics: [.registration, .verification],
        apply: { event, envelope, connection, logger in
            switch event {
            case let period as SelectionPeriodOpenedV1:
                try await connection.query(
                    """
                    INSERT INTO periods (period_id, agency_name, name, program, fiscal_year, time_zone)
                    VALUES (\(period.periodId), \(period.agencyName), \(period.name), \(period.program.rawValue),
                            \(period.fiscalYear), \(period.timeZone))
                    ON CONFLICT (period_id) DO UPDATE
                    SET agency_name = EXCLUDED.agency_name, name = EXCLUDED.name, program = EXCLUDED.program,
                        fiscal_year = EXCLUDED.fiscal_year, time_zone = EXCLUDED.time_zone
                    """, logger: logger)
            case let formation as FormationPublishedV1:
                let education = try JSONColumn.text(formation.educationRequirements)
                let skb = try JSONColumn.text(formation.skbComponents)
                try await connection.query(
                    """
                    INSERT INTO formations (formation_id, period_id, position_name, unit_name, placement, kind, quota,
                                            education_requirements, announced_skb_components)
                    VALUES (\(formation.formationId), \(formation.periodId), \(formation.positionName),
                            \(formation.unitName), \(formation.placement), \(formation.kind.rawValue),
                            \(formation.quota), \(education)::json, \(skb)::json)
                    ON CONFLICT (formation_id) DO UPDATE
                    SET position_name = EXCLUDED.position_name, unit_name = EXCLUDED.unit_name,
                        placement = EXCLUDED.placement, kind = EXCLUDED.kind, quota = EXCLUDED.quota,
                        education_requirements = EXCLUDED.education_requirements,
                        announced_skb_components = EXCLUDED.announced_skb_components
                    """, logger: logger)
            case let submitted as ApplicationSubmittedV1:
                let grade = try JSONColumn.text(submitted.academicGrade)
                try await connection.query(
                    """
                    INSERT INTO applications (application_id, applicant_id, period_id, formation_id, formation_kind,
                                              registration_number, applicant_name, academic_grade, submitted_at)
                    VALUES (\(submitted.applicationId), \(submitted.applicantId), \(submitted.periodId),
                            \(submitted.formationId), \(submitted.formationKind.rawValue),
                            \(submitted.registrationNumber), \(submitted.applicantName), \(grade)::json,
                            \(envelope.time))
                    ON CONFLICT (application_id) DO NOTHING
                    """, logger: logger)
            case let withdrawn as ApplicationWithdrawnV1:
                try await connection.query(
                    """
                    UPDATE applications SET withdrawn_at = COALESCE(withdrawn_at, \(envelope.time))
                    WHERE application_id = \(withdrawn.applicationId)
                    """, logger: logger)
            case let recorded as VerificationDecisionRecordedV1:
                try await connection.query(
                    """
                    INSERT INTO administrative_results (application_id, decision_id, outcome, final)
                    VALUES (\(recorded.applicationId), \(recorded.decisionId), \(recorded.outcome.rawValue),
                            \(!recorded.awaitsCountersignature))
                    ON CONFLICT (application_id) DO UPDATE
                    SET decision_id = EXCLUDED.decision_id, outcome = EXCLUDED.outcome, final = EXCLUDED.final
                    """, logger: logger)
            case let countersigned as VerificationDecisionCountersignedV1:
                try await connection.query(
                    """
                    UPDATE administrative_results SET final = true
                    WHERE application_id = \(countersigned.applicationId) AND decision_id = \(countersigned.decisionId)
                    """, logger: logger)
            case let returned as VerificationDecisionReturnedV1:
                try await connection.query(
                    """
                    DELETE FROM administrative_results
                    WHERE application_id = \(returned.applicationId) AND decision_id = \(returned.decisionId)
                    """, logger: logger)
            case let resolved as ObjectionResolvedV1:
                // An upheld objection turns TMS into MS (DOMAIN §1.5); the answer is final either way.
                try await connection.query(
                    """
                    INSERT INTO administrative_results (application_id, decision_id, outcome, final)
                    VALUES (\(resolved.applicationId), \(resolved.decisionId), \(resolved.resultingOutcome.rawValue),
                            true)
                    ON CONFLICT (application_id) DO UPDATE
                    SET outcome = EXCLUDED.outcome, final = true
                    """, logger: logger)
            case let published as AdministrativeResultsPublishedV1:
                try await connection.query(
                    """
                    INSERT INTO administrative_publications (publication_id, period_id, formation_id, published_at)
                    VALUES (\(published.publicationId), \(published.periodId), \(published.formationId),
                            \(envelope.time))
                    ON CONFLICT (publication_id) DO NOTHING
                    """, logger: logger)
            default:
                return .ignored
            }
            return .applied
        },
        reset: { connection, logger in
            try await connection.query(
                """
                TRUNCATE periods, formations, applications, administrative_results, administrative_publications
                """, logger: logger)
        })
}
