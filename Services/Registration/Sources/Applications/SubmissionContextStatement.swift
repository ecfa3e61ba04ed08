import Foundation
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// The read of a submission (``ApplicationStore/submissionContext(_:on:)``), prepared once per connection: the busiest
/// query of a registration peak, whose five-table plan would otherwise be rebuilt on every submission.
struct SubmissionContextStatement: PostgresPreparedStatement {
    static let name = "asn_registration_submission_context_v2"

    static let sql = """
        SELECT a.application_id, a.applicant_id, a.period_id, a.formation_id, a.status, a.stream_version,
               a.registration_number, a.started_at, a.submitted_at, a.submission::text, a.withdrawn_at,
               a.verification_started_at, a.verification_decision::text, a.objection::text,
               p.full_name, to_char(p.birth_date, 'YYYY-MM-DD'), f.document::text, pe.document::text,
               d.ids, d.codes, d.types, d.hashes
        FROM applications a
        JOIN applicants p ON p.applicant_id = a.applicant_id
        JOIN formations f ON f.formation_id = a.formation_id
        JOIN periods pe ON pe.period_id = a.period_id
        CROSS JOIN LATERAL (
            SELECT coalesce(array_agg(document_id), '{}') AS ids, coalesce(array_agg(requirement_code), '{}') AS codes,
                   coalesce(array_agg(type), '{}') AS types, coalesce(array_agg(sha256), '{}') AS hashes
            FROM documents WHERE application_id = a.application_id AND replaced_by IS NULL
        ) d
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
            documents: try Self.documents(
                ids: columns[18].decode([UUID].self), codes: columns[19].decode([String].self),
                types: columns[20].decode([String].self), hashes: columns[21].decode([String].self)))
    }

    /// The current documents from the four arrays of the read (columns, not JSON: no decoding on the hot path).
    static func documents(ids: [UUID], codes: [String], types: [String], hashes: [String]) throws -> [CurrentDocument] {
        guard codes.count == ids.count, types.count == ids.count, hashes.count == ids.count else {
            throw DocumentColumnsError(reason: "the document arrays differ in length")
        }
        return try ids.indices.map { index in
            guard let type = DocumentType(rawValue: types[index]) else {
                throw DocumentColumnsError(reason: "unknown document type '\(types[index])'")
            }
            return CurrentDocument(
                documentId: ids[index], requirementCode: codes[index], type: type, sha256: hashes[index])
        }
    }
}

/// The documents of a submission's read could not be decoded (a schema this build does not know).
struct DocumentColumnsError: Error, CustomStringConvertible {
    var reason: String
    var description: String { "the current documents cannot be read: \(reason)" }
}
