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

    /// The applicant's name (as on the KTP) and birth date, which eligibility and the submitted snapshot need.
    func applicantFacts(_ applicantId: UUID) async throws -> (fullName: String, birthDate: CalendarDate)? {
        let rows = try await postgres.query(
            """
            SELECT full_name, to_char(birth_date, 'YYYY-MM-DD') FROM applicants WHERE applicant_id = \(applicantId)
            """, logger: logger)
        for try await (name, text) in rows.decode((String, String).self) {
            guard let date = CalendarDate(text) else { return nil }
            return (name, date)
        }
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

    func nextRegistrationSequence() async throws -> Int64 {
        let rows = try await postgres.query("SELECT nextval('registration_number_seq')", logger: logger)
        for try await value in rows.decode(Int64.self) { return value }
        throw Problem.internalError()
    }

    static func records(_ rows: PostgresRowSequence) async throws -> [ApplicationRecord] {
        var records: [ApplicationRecord] = []
        for try await row in rows {
            let columns = row.makeRandomAccess()
            let id = try columns[0].decode(UUID.self)
            let applicant = try columns[1].decode(UUID.self)
            let period = try columns[2].decode(UUID.self)
            let formation = try columns[3].decode(UUID.self)
            let status = try columns[4].decode(String.self)
            let version = try columns[5].decode(Int64.self)
            let number = try columns[6].decode(String?.self)
            let started = try columns[7].decode(Date?.self)
            let submitted = try columns[8].decode(Date?.self)
            let submission = try columns[9].decode(String?.self)
            let withdrawn = try columns[10].decode(Date?.self)
            let verificationStarted = try columns[11].decode(Date?.self)
            let decision = try columns[12].decode(String?.self)
            let objection = try columns[13].decode(String?.self)
            records.append(ApplicationRecord(
                applicationId: id, applicantId: applicant, periodId: period, formationId: formation,
                status: ApplicationRecord.Status(rawValue: status) ?? .draft, streamVersion: version,
                registrationNumber: number, startedAt: started, submittedAt: submitted,
                submission: try submission.map { try JSONColumn.decode(ApplicationSubmittedV1.self, from: $0) },
                withdrawnAt: withdrawn, verificationStartedAt: verificationStarted,
                verificationDecision: try decision.map { try JSONColumn.decode(VerificationDecisionState.self, from: $0) },
                objection: try objection.map { try JSONColumn.decode(ObjectionState.self, from: $0) }))
        }
        return records
    }
}
