import EventStore
import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Follows the registration and verification topics into the public read models: periods, formations, submitted
/// applications (name and registration number only), every administrative outcome with the time it took effect, and
/// the publications of administrative results.
///
/// The topics are consumed independently and a publication is keyed by period while decisions are keyed by
/// application, so nothing here assumes an order between them: what is public is decided when reading (the latest
/// final outcome at the latest publication covering the formation, see ``PublicResultsStore``).
enum PublicSelectionProjection {
    static let projection = Projection(
        name: "public-selection",
        topics: [.registration, .verification],
        apply: { event, envelope, connection, logger in
            try await apply(event, envelope, connection, logger)
        },
        reset: { connection, logger in
            try await connection.query(
                """
                TRUNCATE public_periods, public_formations, public_applications, public_administrative_outcomes,
                         public_administrative_publications
                """, logger: logger)
        })

    static func apply(_ event: any RecruitmentEvent, _ envelope: EventEnvelope, _ connection: PostgresConnection,
                      _ logger: Logger) async throws -> ApplyOutcome
    {
        switch event {
        case let period as SelectionPeriodOpenedV1:
            let legalBasis = try JSONColumn.text(period.legalBasis)
            try await connection.query(
                """
                INSERT INTO public_periods (period_id, agency_name, agency_code, name, program, fiscal_year, time_zone,
                                            registration_opens_at, registration_closes_at, legal_basis, opened_at)
                VALUES (\(period.periodId), \(period.agencyName), \(period.agencyCode), \(period.name),
                        \(period.program.rawValue), \(period.fiscalYear), \(period.timeZone),
                        \(period.registrationOpensAt), \(period.registrationClosesAt), \(legalBasis)::jsonb,
                        \(envelope.time))
                ON CONFLICT (period_id) DO NOTHING
                """, logger: logger)
        case let extended as RegistrationDeadlineExtendedV1:
            try await connection.query(
                """
                UPDATE public_periods SET registration_closes_at = \(extended.registrationClosesAt)
                WHERE period_id = \(extended.periodId)
                """, logger: logger)
        case let formation as FormationPublishedV1:
            // Publishing a formation again is a correction: the later definition replaces the earlier one.
            let education = try JSONColumn.text(formation.educationRequirements)
            let age = try JSONColumn.text(formation.ageLimit)
            let skb = try JSONColumn.text(formation.skbComponents)
            let salary = try formation.salaryRange.map { try JSONColumn.text($0) }
            try await connection.query(
                """
                INSERT INTO public_formations (formation_id, period_id, position_name, unit_name, placement, kind,
                                               quota, education_requirements, age_limit, skb_components, salary_range,
                                               published_at)
                VALUES (\(formation.formationId), \(formation.periodId), \(formation.positionName),
                        \(formation.unitName), \(formation.placement), \(formation.kind.rawValue), \(formation.quota),
                        \(education)::jsonb, \(age)::jsonb, \(skb)::jsonb, \(salary)::jsonb, \(envelope.time))
                ON CONFLICT (formation_id) DO UPDATE
                SET position_name = EXCLUDED.position_name, unit_name = EXCLUDED.unit_name,
                    placement = EXCLUDED.placement, kind = EXCLUDED.kind, quota = EXCLUDED.quota,
                    education_requirements = EXCLUDED.education_requirements, age_limit = EXCLUDED.age_limit,
                    skb_components = EXCLUDED.skb_components, salary_range = EXCLUDED.salary_range,
                    published_at = EXCLUDED.published_at
                WHERE public_formations.published_at <= EXCLUDED.published_at
                """, logger: logger)
        case let submitted as ApplicationSubmittedV1:
            try await connection.query(
                """
                INSERT INTO public_applications (application_id, period_id, formation_id, registration_number,
                                                 applicant_name, submitted_at)
                VALUES (\(submitted.applicationId), \(submitted.periodId), \(submitted.formationId),
                        \(submitted.registrationNumber), \(submitted.applicantName), \(envelope.time))
                ON CONFLICT (application_id) DO NOTHING
                """, logger: logger)
        case let withdrawn as ApplicationWithdrawnV1:
            try await connection.query(
                """
                UPDATE public_applications SET withdrawn_at = COALESCE(withdrawn_at, \(envelope.time))
                WHERE application_id = \(withdrawn.applicationId)
                """, logger: logger)
        case let recorded as VerificationDecisionRecordedV1:
            let unmet = try JSONColumn.text(recorded.unmetRequirements.map {
                PublicUnmetRequirement(requirementCode: $0.requirementCode, reasonCode: $0.reasonCode)
            })
            let finalAt: Date? = recorded.awaitsCountersignature ? nil : envelope.time
            try await connection.query(
                """
                INSERT INTO public_administrative_outcomes (application_id, source_id, outcome, unmet_requirements,
                                                            by_objection, recorded_at, final_at)
                VALUES (\(recorded.applicationId), \(recorded.decisionId), \(recorded.outcome.rawValue),
                        \(unmet)::jsonb, false, \(envelope.time), \(finalAt))
                ON CONFLICT (application_id, source_id) DO NOTHING
                """, logger: logger)
        case let countersigned as VerificationDecisionCountersignedV1:
            try await connection.query(
                """
                UPDATE public_administrative_outcomes SET final_at = COALESCE(final_at, \(envelope.time))
                WHERE application_id = \(countersigned.applicationId) AND source_id = \(countersigned.decisionId)
                """, logger: logger)
        case let returned as VerificationDecisionReturnedV1:
            try await connection.query(
                """
                DELETE FROM public_administrative_outcomes
                WHERE application_id = \(returned.applicationId) AND source_id = \(returned.decisionId)
                  AND final_at IS NULL
                """, logger: logger)
        case let resolved as ObjectionResolvedV1:
            // The answer is final at once; an upheld objection turns TMS into MS (DOMAIN §1.5).
            try await connection.query(
                """
                INSERT INTO public_administrative_outcomes (application_id, source_id, outcome, unmet_requirements,
                                                            by_objection, recorded_at, final_at)
                VALUES (\(resolved.applicationId), \(resolved.objectionId), \(resolved.resultingOutcome.rawValue),
                        COALESCE((SELECT unmet_requirements FROM public_administrative_outcomes
                                  WHERE application_id = \(resolved.applicationId)
                                    AND source_id = \(resolved.decisionId)
                                    AND \(resolved.resultingOutcome.rawValue) = 'TMS'), '[]'::jsonb),
                        true, \(envelope.time), \(envelope.time))
                ON CONFLICT (application_id, source_id) DO NOTHING
                """, logger: logger)
        case let published as AdministrativeResultsPublishedV1:
            let window = try published.objectionWindow.map { try JSONColumn.text($0) }
            try await connection.query(
                """
                INSERT INTO public_administrative_publications (publication_id, period_id, formation_id, round,
                                                                ms_count, tms_count, objection_window, published_at)
                VALUES (\(published.publicationId), \(published.periodId), \(published.formationId),
                        \(published.round.rawValue), \(published.msCount), \(published.tmsCount), \(window)::jsonb,
                        \(envelope.time))
                ON CONFLICT (publication_id) DO NOTHING
                """, logger: logger)
        default:
            return .ignored
        }
        return .applied
    }
}
