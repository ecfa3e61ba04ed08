import Foundation
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// The read of a submission (``ApplicationStore/submissionContext(_:)``), prepared once per connection: the busiest
/// query of a registration peak, whose five-table plan would otherwise be rebuilt on every submission.
struct SubmissionContextStatement: PostgresPreparedStatement {
    static let name = "asn_registration_submission_context_v1"

    static let sql = """
        SELECT a.application_id, a.applicant_id, a.period_id, a.formation_id, a.status, a.stream_version,
               a.registration_number, a.started_at, a.submitted_at, a.submission::text, a.withdrawn_at,
               a.verification_started_at, a.verification_decision::text, a.objection::text,
               p.full_name, to_char(p.birth_date, 'YYYY-MM-DD'), f.document::text, pe.document::text,
               (SELECT coalesce(json_agg(json_build_object(
                    'documentId', d.document_id, 'requirementCode', d.requirement_code, 'type', d.type,
                    'sha256', d.sha256)), '[]'::json)
                FROM documents d WHERE d.application_id = a.application_id AND d.replaced_by IS NULL)::text
        FROM applications a
        JOIN applicants p ON p.applicant_id = a.applicant_id
        JOIN formations f ON f.formation_id = a.formation_id
        JOIN periods pe ON pe.period_id = a.period_id
        WHERE a.application_id = $1
        """

    typealias Row = SubmissionContext?

    static let formations = DecodedDocumentMemo<FormationPublishedV1>()
    static let periods = DecodedDocumentMemo<SelectionPeriodOpenedV1>()

    var applicationId: UUID

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(applicationId)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> SubmissionContext? {
        let columns = row.makeRandomAccess()
        guard let birthDate = CalendarDate(try columns[15].decode(String.self)) else { return nil }
        return SubmissionContext(
            record: try ApplicationStore.record(from: columns), applicantName: try columns[14].decode(String.self),
            birthDate: birthDate,
            formation: try Self.formations.decode(try columns[16].decode(String.self)),
            period: try Self.periods.decode(try columns[17].decode(String.self)),
            documents: try JSONColumn.decode([CurrentDocument].self, from: try columns[18].decode(String.self)))
    }
}
