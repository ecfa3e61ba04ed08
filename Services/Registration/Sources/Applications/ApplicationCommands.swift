import EventStore
import Foundation
import Logging
import NIOCore
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// The application life cycle (DOMAIN §1.2): start a draft for one formation, upload documents, submit, withdraw.
///
/// Each application is one event stream (`application-<id>`). A command reads the application, checks its rules and
/// appends with the version it read, updating the inline read model in the same transaction. When another request
/// changed the application in between (parallel uploads from one browser, a double-clicked submit) the command is
/// re-run on the fresh state: uploads then simply apply, a second submission finds the application frozen.
struct ApplicationCommands: Sendable {
    let context: ServiceContext
    let store: ApplicationStore
    let catalogue: CatalogueRoutes
    let numbers: RegistrationNumberAllocator

    var logger: Logger { context.logger }

    /// Re-runs `attempt` when the application's stream moved under it.
    func retryingOnConflict<T>(_ attempt: () async throws -> T) async throws -> T {
        try await retryingOnConcurrencyConflict(exhausted: RegistrationProblem.concurrentChange, attempt)
    }

    // MARK: Start and change formation

    func start(applicantId: UUID, formationId: UUID, request: ServiceRequestContext, now: Date) async throws
        -> ApplicationRecord
    {
        let (formation, period) = try await openFormation(formationId, now: now)
        if let existing = try await store.application(ofApplicant: applicantId, period: period.periodId) {
            throw RegistrationProblem.applicationExists(applicationId: existing.applicationId)
        }
        let applicationId = UUID()
        let event = ApplicationStartedV1(
            applicationId: applicationId, applicantId: applicantId, periodId: period.periodId,
            formationId: formation.formationId, formationKind: formation.kind)
        let envelope = try EventEnvelope(
            event: event, streamId: ApplicationRecord.streamId(applicationId), streamVersion: 1, time: now,
            correlationId: request.correlationId, traceparent: request.traceparent)
        do {
            try await context.eventStore.append([envelope], toStream: envelope.streamId, expectedVersion: 0) {
                connection, _ in
                try await connection.query(
                    """
                    INSERT INTO applications (application_id, applicant_id, period_id, formation_id, status,
                                              stream_version, started_at)
                    VALUES (\(applicationId), \(applicantId), \(period.periodId), \(formation.formationId), 'draft', 1,
                            \(now))
                    """, logger: self.logger)
            }
        } catch where error.violatedUniqueConstraint == "applications_applicant_id_period_id_key" {
            let existing = try await store.application(ofApplicant: applicantId, period: period.periodId)
            throw RegistrationProblem.applicationExists(applicationId: existing?.applicationId ?? applicationId)
        }
        logger.info("application started", metadata: [
            "application_id": "\(applicationId.eventKey)", "formation_id": "\(formationId.eventKey)",
        ])
        guard let record = try await answeringCommittedChange({ try await store.application(applicationId) }) else {
            throw Problem.internalError()
        }
        return record
    }

    /// Moves a draft to another formation of the same period (DOMAIN §1.2: the formation may change until submission).
    func changeFormation(_ application: UUID, applicantId: UUID, formationId: UUID, request: ServiceRequestContext,
                         now: Date) async throws -> ApplicationRecord
    {
        try await retryingOnConflict {
            let record = try await draft(application, of: applicantId)
            let (formation, period) = try await openFormation(formationId, now: now)
            guard period.periodId == record.periodId else {
                throw Problem.invalidField("formationId", code: "other-period",
                                           "the new formation must belong to the application's period")
            }
            let event = ApplicationStartedV1(
                applicationId: record.applicationId, applicantId: applicantId, periodId: period.periodId,
                formationId: formation.formationId, formationKind: formation.kind)
            try await append(event, to: record, request: request, now: now) { connection, version in
                try await connection.query(
                    """
                    UPDATE applications SET formation_id = \(formation.formationId), stream_version = \(version)
                    WHERE application_id = \(record.applicationId)
                    """, logger: self.logger)
            }
            guard let updated = try await answeringCommittedChange({ try await store.application(record.applicationId) })
            else { throw Problem.internalError() }
            return updated
        }
    }

    // MARK: Documents

    /// Stores an upload for `requirementCode` after inspecting its bytes; a second upload replaces the first (the old
    /// one is kept, marked replaced, and no longer shown).
    func upload(_ application: UUID, applicantId: UUID, requirementCode: String, body: ByteBuffer,
                request: ServiceRequestContext, now: Date) async throws -> StoredDocument
    {
        try await retryingOnConflict {
            let record = try await draft(application, of: applicantId)
            let (formation, period) = try await openFormation(record.formationId, now: now, field: "requirementCode")
            guard let requirement = period.requiredDocuments.first(where: {
                $0.code == requirementCode && $0.applies(to: formation.kind)
            }) else {
                throw RegistrationProblem.unknownRequirement(code: requirementCode)
            }
            let inspected: InspectedDocument
            switch DocumentInspection.inspect(body.readableBytesView, against: requirement) {
            case .success(let value): inspected = value
            case .failure(let rejection): throw RegistrationProblem.documentRejected(rejection)
            }
            let previous = try await store.currentDocumentId(of: record.applicationId, requirementCode: requirementCode)
            let documentId = UUID()
            let event: any RecruitmentEvent = if let previous {
                DocumentReplacedV1(
                    applicationId: record.applicationId, applicantId: applicantId, documentId: documentId,
                    replacedDocumentId: previous, requirementCode: requirementCode, type: requirement.type,
                    format: inspected.format, sizeBytes: inspected.sizeBytes, sha256: inspected.sha256)
            } else {
                DocumentUploadedV1(
                    applicationId: record.applicationId, applicantId: applicantId, documentId: documentId,
                    requirementCode: requirementCode, type: requirement.type, format: inspected.format,
                    sizeBytes: inspected.sizeBytes, sha256: inspected.sha256)
            }
            try await append(event, to: record, request: request, now: now) { connection, version in
                // One current document per requirement (a partial unique index): retire the old one first.
                if let previous {
                    try await connection.query(
                        "UPDATE documents SET replaced_by = \(documentId) WHERE document_id = \(previous)",
                        logger: self.logger)
                }
                try await connection.query(
                    """
                    INSERT INTO documents (document_id, application_id, requirement_code, type, format, size_bytes,
                                           sha256, content, uploaded_at)
                    VALUES (\(documentId), \(record.applicationId), \(requirementCode), \(requirement.type.rawValue),
                            \(inspected.format.rawValue), \(inspected.sizeBytes), \(inspected.sha256), \(body), \(now))
                    """, logger: self.logger)
                try await connection.query(
                    """
                    UPDATE applications SET stream_version = \(version) WHERE application_id = \(record.applicationId)
                    """, logger: self.logger)
            }
            return StoredDocument(
                documentId: documentId, requirementCode: requirementCode, type: requirement.type,
                format: inspected.format, sizeBytes: inspected.sizeBytes, sha256: inspected.sha256, uploadedAt: now)
        }
    }

    // MARK: Submission and withdrawal

    /// Submits a complete, eligible draft: assigns the registration number and freezes the data.
    func submit(_ application: UUID, applicantId: UUID, body: SubmissionRequest, request: ServiceRequestContext,
                now: Date) async throws -> (ApplicationRecord, FormationPublishedV1, SelectionPeriodOpenedV1)
    {
        // One connection for the read and the append: a lease is not free (PostgresNIO arms timers on each return).
        try await retryingOnConflict {
            try await store.postgres.withConnection { connection in
                try await submit(application, applicantId: applicantId, body: body, request: request, now: now,
                                 on: connection)
            }
        }
    }

    private func submit(_ application: UUID, applicantId: UUID, body: SubmissionRequest,
                        request: ServiceRequestContext, now: Date, on connection: PostgresConnection) async throws
        -> (ApplicationRecord, FormationPublishedV1, SelectionPeriodOpenedV1)
    {
        guard let found = try await store.submissionContext(application, on: connection),
              found.record.applicantId == applicantId
        else { throw Problem.notFound("No application \(application.eventKey) of yours.") }
        let (record, formation, period, documents) = (found.record, found.formation, found.period, found.documents)
        guard record.status == .draft else {
            throw RegistrationProblem.applicationNotDraft(status: record.status.rawValue)
        }
        let snapshot = FormationSnapshot(formation, period: period)
        let issues = SubmissionRules.check(
            body, formation: snapshot, requiredDocuments: period.requiredDocuments, birthDate: found.birthDate,
            documents: documents, now: now)
        guard issues.isEmpty else { throw RegistrationValidationError(issues: issues) }

        let number = RegistrationNumber.make(fiscalYear: period.fiscalYear, sequence: try await numbers.next(on: connection))
        let event = ApplicationSubmittedV1(
            applicationId: record.applicationId, applicantId: applicantId, periodId: period.periodId,
            formationId: formation.formationId, formationKind: formation.kind, registrationNumber: number,
            applicantName: found.applicantName, education: body.education, academicGrade: body.academicGrade,
            documents: SubmissionRules.submittedDocuments(
                documents, requiredDocuments: period.requiredDocuments, kind: formation.kind))
        // The hottest command: one statement appends the event and freezes the application.
        let envelope = try self.envelope(event, for: record, request: request, now: now)
        try await context.eventStore.append(
            envelope, expectedVersion: record.streamVersion,
            alongside: FreezeSubmission(
                registrationNumber: number, submittedAt: now, streamVersion: envelope.streamVersion,
                applicationId: record.applicationId),
            on: connection)
        logger.info("application submitted", metadata: [
            "application_id": "\(record.applicationId.eventKey)", "registration_number": "\(number)",
        ])
        var submitted = record
        submitted.status = .submitted
        submitted.registrationNumber = number
        submitted.submittedAt = now
        submitted.submission = event
        submitted.streamVersion += 1
        return (submitted, formation, period)
    }

    /// Withdraws a submitted application, possible until a verifier takes it up (DOMAIN §1.4 starts verification).
    func withdraw(_ application: UUID, applicantId: UUID, body: WithdrawalRequest, request: ServiceRequestContext,
                  now: Date) async throws -> ApplicationRecord
    {
        let note = body.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let note, note.count > 500 {
            throw Problem.invalidField("note", code: "too-long", "at most 500 characters")
        }
        return try await retryingOnConflict {
            guard let record = try await store.application(application), record.applicantId == applicantId else {
                throw Problem.notFound("No application \(application.eventKey) of yours.")
            }
            switch record.status {
            case .draft:
                throw RegistrationProblem.withdrawalClosed(
                    reason: "A draft has not been submitted; it needs no withdrawal and is not counted.")
            case .withdrawn:
                throw RegistrationProblem.withdrawalClosed(reason: "The application is already withdrawn.")
            case .submitted:
                break
            }
            if record.verificationStartedAt != nil {
                throw RegistrationProblem.withdrawalClosed(
                    reason: "Verification of this application has started; withdrawal is no longer possible.")
            }
            let event = ApplicationWithdrawnV1(
                applicationId: record.applicationId, applicantId: applicantId, periodId: record.periodId,
                formationId: record.formationId, reason: .applicantRequest, note: note?.isEmpty == true ? nil : note)
            try await append(event, to: record, request: request, now: now) { connection, version in
                try await connection.query(
                    """
                    UPDATE applications SET status = 'withdrawn', withdrawn_at = \(now),
                        withdrawal_reason = \(WithdrawalReason.applicantRequest.rawValue), stream_version = \(version)
                    WHERE application_id = \(record.applicationId)
                    """, logger: self.logger)
            }
            guard let updated = try await answeringCommittedChange({ try await store.application(record.applicationId) })
            else { throw Problem.internalError() }
            return updated
        }
    }

    // MARK: Helpers

    /// The applicant's own draft; 404 for anyone else's (existence is not revealed), 409 once submitted.
    func draft(_ application: UUID, of applicantId: UUID) async throws -> ApplicationRecord {
        guard let record = try await store.application(application), record.applicantId == applicantId else {
            throw Problem.notFound("No application \(application.eventKey) of yours.")
        }
        guard record.status == .draft else { throw RegistrationProblem.applicationNotDraft(status: record.status.rawValue) }
        return record
    }

    /// A formation whose period currently takes registrations.
    func openFormation(_ formationId: UUID, now: Date, field: String = "formationId") async throws
        -> (FormationPublishedV1, SelectionPeriodOpenedV1)
    {
        guard let formation = try await catalogue.formation(formationId),
              let period = try await catalogue.period(formation.periodId)?.event
        else {
            throw RegistrationValidationError(issues: [
                .init(field: "formationId", code: "unknown-formation", message: "no such formation"),
            ])
        }
        if let closed = Eligibility.registrationWindowIssue(
            opensAt: period.registrationOpensAt, closesAt: period.registrationClosesAt,
            timeZone: TimeZone(identifier: period.timeZone) ?? TimeDisplay.wib, now: now, field: field)
        {
            throw RegistrationValidationError(issues: [closed])
        }
        return (formation, period)
    }

    /// Appends `event` as the next version of the application's stream and runs `update` in the same transaction
    /// with that version.
    func append(_ event: some RecruitmentEvent, to record: ApplicationRecord, request: ServiceRequestContext, now: Date,
                update: @escaping @Sendable (PostgresConnection, Int64) async throws -> Void) async throws
    {
        let envelope = try envelope(event, for: record, request: request, now: now)
        try await context.eventStore.append([envelope], toStream: record.streamId, expectedVersion: record.streamVersion) {
            connection, _ in try await update(connection, envelope.streamVersion)
        }
    }

    /// `event` as the next version of the application's stream.
    func envelope(_ event: some RecruitmentEvent, for record: ApplicationRecord, request: ServiceRequestContext,
                  now: Date) throws -> EventEnvelope
    {
        try EventEnvelope(
            event: event, streamId: record.streamId, streamVersion: record.streamVersion + 1, time: now,
            correlationId: request.correlationId, traceparent: request.traceparent)
    }
}

/// `POST /v1/applications/{id}/withdrawal`.
struct WithdrawalRequest: Codable, Sendable {
    /// The applicant's own words, at most 500 characters.
    var note: String?
}

extension FormationSnapshot {
    init(_ formation: FormationPublishedV1, period: SelectionPeriodOpenedV1) {
        self.init(
            formationId: formation.formationId, periodId: formation.periodId, kind: formation.kind,
            educationRequirements: formation.educationRequirements, ageLimit: formation.ageLimit,
            registrationOpensAt: period.registrationOpensAt, registrationClosesAt: period.registrationClosesAt,
            timeZone: TimeZone(identifier: period.timeZone) ?? TimeDisplay.wib, fiscalYear: period.fiscalYear)
    }
}
