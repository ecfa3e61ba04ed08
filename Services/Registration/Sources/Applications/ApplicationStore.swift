import EventStore
import Foundation
import Logging
import NIOCore
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Reads applications and their documents from the inline read model. Writes happen inside the event store's append
/// transactions (see ``ApplicationCommands``), so a caller always reads its own write.
struct ApplicationStore: Sendable {
    let postgres: PostgresClient
    let logger: Logger

    /// The columns ``record(from:)`` reads, in order (``SubmissionContextStatement`` selects the same ones).
    static let columns = """
        application_id, applicant_id, period_id, formation_id, status, stream_version, registration_number,
        started_at, submitted_at, submission::text, withdrawn_at, verification_started_at,
        verification_decision::text, objection::text
        """

    func application(_ id: UUID) async throws -> ApplicationRecord? {
        let rows = try await postgres.query(
            "SELECT \(unescaped: Self.columns) FROM applications WHERE application_id = \(id)", logger: logger)
        return try await Self.records(rows).first
    }

    func applications(ofApplicant applicantId: UUID) async throws -> [ApplicationRecord] {
        let rows = try await postgres.query(
            """
            SELECT \(unescaped: Self.columns) FROM applications WHERE applicant_id = \(applicantId)
            ORDER BY started_at NULLS LAST, application_id
            """, logger: logger)
        return try await Self.records(rows)
    }

    func application(ofApplicant applicantId: UUID, period periodId: UUID) async throws -> ApplicationRecord? {
        let rows = try await postgres.query(
            """
            SELECT \(unescaped: Self.columns) FROM applications
            WHERE applicant_id = \(applicantId) AND period_id = \(periodId)
            """, logger: logger)
        return try await Self.records(rows).first
    }

    /// The current (last uploaded) document per requirement.
    func currentDocuments(of applicationId: UUID) async throws -> [StoredDocument] {
        let rows = try await postgres.query(
            """
            SELECT document_id, requirement_code, type, format, size_bytes, sha256, uploaded_at FROM documents
            WHERE application_id = \(applicationId) AND replaced_by IS NULL ORDER BY requirement_code
            """, logger: logger)
        var documents: [StoredDocument] = []
        for try await (id, code, type, format, size, sha, at) in rows.decode(
            (UUID, String, String, String, Int, String, Date).self)
        {
            guard let type = DocumentType(rawValue: type), let format = DocumentFormat(rawValue: format) else { continue }
            documents.append(StoredDocument(documentId: id, requirementCode: code, type: type, format: format,
                                            sizeBytes: size, sha256: sha, uploadedAt: at))
        }
        return documents
    }

    /// A document's bytes and facts, with the application it belongs to (for the authorisation check).
    func document(_ documentId: UUID) async throws -> (document: StoredDocument, applicationId: UUID, content: ByteBuffer)? {
        let rows = try await postgres.query(
            """
            SELECT document_id, requirement_code, type, format, size_bytes, sha256, uploaded_at, application_id, content
            FROM documents WHERE document_id = \(documentId)
            """, logger: logger)
        for try await (id, code, type, format, size, sha, at, applicationId, content) in rows.decode(
            (UUID, String, String, String, Int, String, Date, UUID, ByteBuffer).self)
        {
            guard let type = DocumentType(rawValue: type), let format = DocumentFormat(rawValue: format) else { return nil }
            return (StoredDocument(documentId: id, requirementCode: code, type: type, format: format, sizeBytes: size,
                                   sha256: sha, uploadedAt: at), applicationId, content)
        }
        return nil
    }

    /// The current document of `applicationId` for `requirementCode`, as an id for ``document(_:)``.
    func currentDocumentId(of applicationId: UUID, requirementCode: String) async throws -> UUID? {
        let rows = try await postgres.query(
            """
            SELECT document_id FROM documents
            WHERE application_id = \(applicationId) AND requirement_code = \(requirementCode) AND replaced_by IS NULL
            """, logger: logger)
        for try await id in rows.decode(UUID.self) { return id }
        return nil
    }

    /// When the administrative results of the period (or of the application's formation) were published, if they were.
    func administrativeResultsPublishedAt(period periodId: UUID, formation formationId: UUID) async throws -> Date? {
        let rows = try await postgres.query(
            """
            SELECT min(published_at) FROM period_publications
            WHERE period_id = \(periodId) AND (formation_id IS NULL OR formation_id = \(formationId))
            """, logger: logger)
        for try await at in rows.decode(Date?.self) { return at }
        return nil
    }

    static func records(_ rows: PostgresRowSequence) async throws -> [ApplicationRecord] {
        var records: [ApplicationRecord] = []
        for try await row in rows { records.append(try record(from: row.makeRandomAccess())) }
        return records
    }

    /// An application from the first 14 columns of a row selected with ``columns``.
    static func record(from columns: PostgresRandomAccessRow) throws -> ApplicationRecord {
        let submission = try columns[9].decode(String?.self)
        let decision = try columns[12].decode(String?.self)
        let objection = try columns[13].decode(String?.self)
        return ApplicationRecord(
            applicationId: try columns[0].decode(UUID.self), applicantId: try columns[1].decode(UUID.self),
            periodId: try columns[2].decode(UUID.self), formationId: try columns[3].decode(UUID.self),
            status: ApplicationRecord.Status(rawValue: try columns[4].decode(String.self)) ?? .draft,
            streamVersion: try columns[5].decode(Int64.self), registrationNumber: try columns[6].decode(String?.self),
            startedAt: try columns[7].decode(Date?.self), submittedAt: try columns[8].decode(Date?.self),
            submission: try submission.map { try JSONColumn.decode(ApplicationSubmittedV1.self, from: $0) },
            withdrawnAt: try columns[10].decode(Date?.self), verificationStartedAt: try columns[11].decode(Date?.self),
            verificationDecision: try decision.map { try JSONColumn.decode(VerificationDecisionState.self, from: $0) },
            objection: try objection.map { try JSONColumn.decode(ObjectionState.self, from: $0) })
    }

    /// Everything a submission is checked against, in one round trip: the application, the applicant's name and
    /// birth date, the current documents, the formation and the period. On `connection`: the submission appends on
    /// the same one.
    func submissionContext(_ applicationId: UUID, on connection: PostgresConnection) async throws
        -> SubmissionContext?
    {
        for try await context in try await connection.execute(
            SubmissionContextStatement(applicationId: applicationId), logger: logger)
        {
            return context
        }
        return nil
    }
}
