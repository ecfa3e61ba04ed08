import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Reads and writes the `cases` read model. Writes happen inside the event store's append transactions (see
/// ``CaseCommands``) or the intake projection's batch transaction.
struct CaseStore: Sendable {
    let postgres: PostgresClient
    let logger: Logger

    /// A case with the stream version its state folds.
    struct Loaded: Sendable {
        var state: VerificationCase
        var version: Int64

        /// `events` as the next versions of the case's stream, stamped at `time`, and the case folded over them (at
        /// the envelopes' own millisecond times, as a replay of the stream would fold it).
        func recording(_ events: [any RecruitmentEvent], at time: Date, correlationId: String?,
                       causationId: String? = nil, traceparent: String?) throws
            -> (envelopes: [EventEnvelope], state: VerificationCase, version: Int64)
        {
            var state = self.state
            var envelopes: [EventEnvelope] = []
            for (offset, event) in events.enumerated() {
                let envelope = try EventEnvelope(
                    event: event, streamId: state.streamId, streamVersion: version + Int64(offset) + 1, time: time,
                    correlationId: correlationId, causationId: causationId, traceparent: traceparent)
                state.apply(event, at: envelope.time)
                envelopes.append(envelope)
            }
            return (envelopes, state, version + Int64(events.count))
        }
    }

    /// The columns ``decodeState(_:)`` reads, in order (selected first by every query that needs the state).
    static let stateColumns = "state::text, submission::text, submitted_at, opened_at"

    /// The case of a row selected with ``stateColumns`` first: its stored state, or, for a case no command has
    /// touched yet, the state of the submission it was opened from.
    static func decodeState(_ row: PostgresRandomAccessRow) throws -> VerificationCase {
        if let state = try row[0].decode(String?.self) {
            return try JSONColumn.decode(VerificationCase.self, from: state)
        }
        guard let submission = try row[1].decode(String?.self) else { throw CaseStoreError.missingState }
        return VerificationCase(
            opening: try JSONColumn.decode(ApplicationSubmittedV1.self, from: submission),
            submittedAt: try row[2].decode(Date.self), openedAt: try row[3].decode(Date.self))
    }

    func load(_ caseId: UUID) async throws -> Loaded? {
        try await first(postgres.query(
            "SELECT \(unescaped: Self.stateColumns), stream_version FROM cases WHERE case_id = \(caseId)",
            logger: logger))
    }

    func load(application applicationId: UUID) async throws -> Loaded? {
        try await first(postgres.query(
            "SELECT \(unescaped: Self.stateColumns), stream_version FROM cases WHERE application_id = \(applicationId)",
            logger: logger))
    }

    /// The case row locked for the rest of `connection`'s transaction.
    static func loadForUpdate(application applicationId: UUID, on connection: PostgresConnection, logger: Logger)
        async throws -> Loaded?
    {
        try await first(connection.query(
            """
            SELECT \(unescaped: stateColumns), stream_version FROM cases WHERE application_id = \(applicationId)
            FOR UPDATE
            """, logger: logger))
    }

    private func first(_ rows: PostgresRowSequence) async throws -> Loaded? {
        try await Self.first(rows)
    }

    private static func first(_ rows: PostgresRowSequence) async throws -> Loaded? {
        for try await row in rows {
            let columns = row.makeRandomAccess()
            return Loaded(state: try decodeState(columns), version: try columns[4].decode(Int64.self))
        }
        return nil
    }

    /// Inserts newly opened cases with the JSON of the submissions they were opened from (one statement); cases that
    /// exist already are left alone.
    static func insert(_ cases: [(state: VerificationCase, submission: String)], at time: Date,
                       on connection: PostgresConnection, logger: Logger) async throws
    {
        guard !cases.isEmpty else { return }
        let states = cases.map(\.state)
        try await connection.query(
            """
            INSERT INTO cases (case_id, application_id, applicant_id, period_id, formation_id, registration_number,
                               submitted_at, opened_at, status, stream_version, submission, updated_at)
            SELECT case_id, application_id, applicant_id, period_id, formation_id, registration_number, submitted_at,
                   opened_at, 'open', 1, submission::json, \(time)
            FROM unnest(\(states.map(\.caseId))::uuid[], \(states.map(\.applicationId))::uuid[],
                        \(states.map(\.applicantId))::uuid[], \(states.map(\.periodId))::uuid[],
                        \(states.map(\.formationId))::uuid[], \(states.map(\.registrationNumber))::text[],
                        \(states.map(\.submittedAt))::timestamptz[], \(states.map(\.openedAt))::timestamptz[],
                        \(cases.map(\.submission))::text[])
                 AS c(case_id, application_id, applicant_id, period_id, formation_id, registration_number, submitted_at,
                      opened_at, submission)
            ON CONFLICT DO NOTHING
            """, logger: logger)
    }

    /// Writes a case's new state and version.
    static func save(_ state: VerificationCase, version: Int64, at time: Date, on connection: PostgresConnection,
                     logger: Logger) async throws
    {
        let objectionStatus: String? = state.objection.map { $0.outcome == nil ? "pending" : "resolved" }
        try await connection.query(
            """
            UPDATE cases SET status = \(state.status.rawValue), claimed_by = \(state.claim?.verifierId),
                lease_expires_at = \(state.claim?.leaseExpiresAt), decided_by = \(state.decision?.verifierId),
                conflicted_officers = \(state.conflictedOfficers)::uuid[],
                final_outcome = \(state.finalOutcome?.rawValue), objection_status = \(objectionStatus),
                returned_reason = \(state.status == .open ? state.lastReturn?.reason : nil),
                stream_version = \(version), state = \(try JSONColumn.text(state))::json, submission = NULL,
                updated_at = \(time)
            WHERE case_id = \(state.caseId)
            """, logger: logger)
    }

    // MARK: Publications

    /// The initial publication of a formation's results, with its objection window.
    func initialPublication(formation formationId: UUID) async throws -> PublicationRecord? {
        try await publications(formation: formationId).first { $0.round == .initial }
    }

    func publications(formation formationId: UUID) async throws -> [PublicationRecord] {
        let rows = try await postgres.query(
            """
            SELECT publication_id, formation_id, period_id, round, ms_count, tms_count, objection_opens_at,
                   objection_closes_at, answers_due_at, published_by, published_at
            FROM publications WHERE formation_id = \(formationId) ORDER BY published_at
            """, logger: logger)
        var records: [PublicationRecord] = []
        for try await (id, formation, period, round, ms, tms, opens, closes, due, by, at) in rows.decode(
            (UUID, UUID, UUID, String, Int, Int, Date?, Date?, Date?, UUID, Date).self)
        {
            let window: ObjectionWindow? = if let opens, let closes, let due {
                ObjectionWindow(opensAt: opens, closesAt: closes, answersDueAt: due)
            } else { nil }
            records.append(PublicationRecord(
                publicationId: id, formationId: formation, periodId: period,
                round: AdministrativeAnnouncementRound(rawValue: round) ?? .initial, msCount: ms, tmsCount: tms,
                objectionWindow: window, publishedBy: by, publishedAt: at))
        }
        return records
    }

    // MARK: Catalogue

    /// The agency's time zone of a period (objection windows are counted in it), if the period is known.
    func timeZone(period periodId: UUID) async throws -> TimeZone? {
        let rows = try await postgres.query("SELECT time_zone FROM periods WHERE period_id = \(periodId)", logger: logger)
        for try await zone in rows.decode(String.self) { return TimeZone(identifier: zone) }
        return nil
    }

    func formation(_ formationId: UUID) async throws -> FormationSummary? {
        let rows = try await postgres.query(
            """
            SELECT formation_id, period_id, position_name, unit_name, kind, quota FROM formations
            WHERE formation_id = \(formationId)
            """, logger: logger)
        for try await (id, period, position, unit, kind, quota) in rows.decode(
            (UUID, UUID, String, String, String, Int).self)
        {
            return FormationSummary(formationId: id, periodId: period, positionName: position, unitName: unit,
                                    kind: FormationKind(rawValue: kind) ?? .umum, quota: quota)
        }
        return nil
    }

    // MARK: Documents

    func recordInspection(case caseId: UUID, document documentId: UUID, officer officerId: UUID, at time: Date)
        async throws
    {
        try await postgres.query(
            """
            INSERT INTO document_inspections (case_id, document_id, officer_id, inspected_at)
            VALUES (\(caseId), \(documentId), \(officerId), \(time)) ON CONFLICT DO NOTHING
            """, logger: logger)
    }

    func wasInspected(case caseId: UUID, document documentId: UUID) async throws -> Bool {
        let rows = try await postgres.query(
            """
            SELECT EXISTS (SELECT 1 FROM document_inspections WHERE case_id = \(caseId) AND document_id = \(documentId))
            """, logger: logger)
        for try await exists in rows.decode(Bool.self) { return exists }
        return false
    }

    /// The documents of a case that some officer has opened.
    func inspectedDocuments(case caseId: UUID) async throws -> Set<UUID> {
        let rows = try await postgres.query(
            "SELECT DISTINCT document_id FROM document_inspections WHERE case_id = \(caseId)", logger: logger)
        var ids = Set<UUID>()
        for try await id in rows.decode(UUID.self) { ids.insert(id) }
        return ids
    }

    func recordIntegrityAlert(_ alert: IntegrityAlert) async throws {
        try await postgres.query(
            """
            INSERT INTO integrity_alerts (alert_id, case_id, document_id, expected_sha256, actual_sha256, officer_id,
                                          detected_at)
            VALUES (\(alert.alertId), \(alert.caseId), \(alert.documentId), \(alert.expectedSha256),
                    \(alert.actualSha256), \(alert.officerId), \(alert.detectedAt))
            """, logger: logger)
    }

    func integrityAlerts(limit: Int) async throws -> [IntegrityAlert] {
        let rows = try await postgres.query(
            """
            SELECT alert_id, case_id, document_id, expected_sha256, actual_sha256, officer_id, detected_at
            FROM integrity_alerts ORDER BY detected_at DESC LIMIT \(limit)
            """, logger: logger)
        var alerts: [IntegrityAlert] = []
        for try await (id, caseId, documentId, expected, actual, officer, at) in rows.decode(
            (UUID, UUID, UUID, String, String, UUID, Date).self)
        {
            alerts.append(IntegrityAlert(alertId: id, caseId: caseId, documentId: documentId, expectedSha256: expected,
                                         actualSha256: actual, officerId: officer, detectedAt: at))
        }
        return alerts
    }
}

/// A `cases` row that cannot be read.
enum CaseStoreError: Error {
    /// Neither a state nor the submission (the table's CHECK makes this impossible).
    case missingState
}

/// A published round of a formation's administrative results.
struct PublicationRecord: Codable, Sendable, Equatable {
    var publicationId: UUID
    var formationId: UUID
    var periodId: UUID
    var round: AdministrativeAnnouncementRound
    var msCount: Int
    var tmsCount: Int
    /// The objection window; initial round only.
    var objectionWindow: ObjectionWindow?
    var publishedBy: UUID
    var publishedAt: Date
}

/// A formation as the officers' lists show it.
struct FormationSummary: Codable, Sendable, Equatable {
    var formationId: UUID
    var periodId: UUID
    var positionName: String
    var unitName: String
    var kind: FormationKind
    var quota: Int
}

/// A document whose bytes did not match the SHA-256 recorded at submission.
struct IntegrityAlert: Codable, Sendable, Equatable {
    var alertId: UUID
    var caseId: UUID
    var documentId: UUID
    var expectedSha256: String
    var actualSha256: String
    /// The officer who opened it.
    var officerId: UUID
    var detectedAt: Date
}
