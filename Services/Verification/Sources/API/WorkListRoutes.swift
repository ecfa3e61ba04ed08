import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// The officers' lists: the verification queue, the workload per formation, decisions awaiting a countersignature,
/// objections, integrity alerts, and the maintained list of reason codes.
struct WorkListRoutes: Sendable {
    let store: CaseStore
    var postgres: PostgresClient { store.postgres }
    var logger: Logger { store.logger }

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/v1/reason-codes") { _, _ in
            JSONResponse(value: Page(
                items: RequirementFailureReason.allCases.map {
                    ReasonCodeView(code: $0, label: $0.label, explanation: $0.explanation)
                },
                nextCursor: nil))
        }
        router.get("/v1/queue") { request, context in
            let officer = try context.requireRole(CaseRoutes.officerRoles)
            let page = try await self.queue(
                formation: try request.uuidQueryParameter("formationId"), limit: try request.pageLimit(default: 50),
                cursor: try QueueCursor(request), officer: officer.accountId, now: Date())
            return JSONResponse(value: page)
        }
        router.get("/v1/queue/formations") { _, context in
            _ = try context.requireRole(CaseRoutes.officerRoles)
            return JSONResponse(value: Page(items: try await self.workload(now: Date()), nextCursor: nil))
        }
        router.get("/v1/countersignatures") { request, context in
            let supervisor = try context.requireRole(.supervisor, .admin)
            let page = try await self.awaitingCountersignature(
                formation: try request.uuidQueryParameter("formationId"), limit: try request.pageLimit(default: 50),
                cursor: try QueueCursor(request), supervisor: supervisor.accountId)
            return JSONResponse(value: page)
        }
        router.get("/v1/objections") { request, context in
            _ = try context.requireRole(CaseRoutes.officerRoles)
            let filter = try ObjectionFilter(request)
            let items = try await self.objections(
                formation: try request.uuidQueryParameter("formationId"), filter: filter, now: Date())
            return JSONResponse(value: Page(items: items, nextCursor: nil))
        }
        router.get("/v1/integrity-alerts") { request, context in
            _ = try context.requireRole(.supervisor, .admin)
            let alerts = try await self.store.integrityAlerts(limit: try request.pageLimit(default: 100))
            return JSONResponse(value: Page(items: alerts, nextCursor: nil))
        }
    }

    // MARK: Queue

    /// Waiting cases (never claimed, released, returned, or with a lapsed lease), oldest submission first; the
    /// caller's own application and cases they declared a conflict on are left out.
    func queue(formation: UUID?, limit: Int, cursor: QueueCursor?, officer: UUID, now: Date) async throws
        -> Page<QueueItem>
    {
        let after = cursor ?? .start
        let rows = try await postgres.query(
            """
            SELECT c.case_id, c.application_id, c.registration_number, c.formation_id, f.position_name,
                   c.submitted_at, c.status, c.returned_reason,
                   (extract(epoch FROM c.submitted_at) * 1000000)::bigint
            FROM cases c LEFT JOIN formations f ON f.formation_id = c.formation_id
            WHERE c.status IN ('open', 'claimed') AND (c.status = 'open' OR c.lease_expires_at <= \(now))
              AND (\(formation)::uuid IS NULL OR c.formation_id = \(formation))
              AND (c.submitted_at, c.case_id) > ('epoch'::timestamptz + \(after.microseconds) * interval '1 microsecond',
                                                 \(after.caseId))
              AND c.applicant_id <> \(officer) AND NOT (c.conflicted_officers @> ARRAY[\(officer)]::uuid[])
            ORDER BY c.submitted_at, c.case_id
            LIMIT \(limit + 1)
            """, logger: logger)
        var items: [QueueItem] = []
        var cursors: [UUID: QueueCursor] = [:]
        for try await (caseId, applicationId, number, formationId, position, submittedAt, status, returned, micros)
            in rows.decode((UUID, UUID, String, UUID, String?, Date, String, String?, Int64).self)
        {
            let state = status == "claimed" ? "lease-expired" : (returned == nil ? "open" : "returned")
            items.append(QueueItem(
                caseId: caseId, applicationId: applicationId, registrationNumber: number, formationId: formationId,
                positionName: position, submittedAt: submittedAt,
                ageSeconds: max(0, Int(now.timeIntervalSince(submittedAt))), queueState: state,
                returnedReason: returned))
            cursors[caseId] = QueueCursor(microseconds: micros, caseId: caseId)
        }
        return Page(upTo: limit, of: items) { cursors[$0.caseId]?.text ?? "" }
    }

    /// Verification work per formation.
    func workload(now: Date) async throws -> [FormationWorkload] {
        let rows = try await postgres.query(
            """
            SELECT c.formation_id, min(f.position_name),
                   count(*) FILTER (WHERE c.status = 'open' OR (c.status = 'claimed' AND c.lease_expires_at <= \(now)))::int,
                   count(*) FILTER (WHERE c.status = 'claimed' AND c.lease_expires_at > \(now))::int,
                   count(*) FILTER (WHERE c.status = 'awaiting-countersignature')::int,
                   count(*) FILTER (WHERE c.status = 'decided')::int,
                   count(*) FILTER (WHERE c.status = 'closed')::int,
                   min(c.submitted_at) FILTER (
                       WHERE c.status = 'open' OR (c.status = 'claimed' AND c.lease_expires_at <= \(now)))
            FROM cases c LEFT JOIN formations f ON f.formation_id = c.formation_id
            GROUP BY c.formation_id ORDER BY c.formation_id
            """, logger: logger)
        var items: [FormationWorkload] = []
        for try await (formation, position, waiting, inReview, awaiting, decided, closed, oldest) in rows.decode(
            (UUID, String?, Int, Int, Int, Int, Int, Date?).self)
        {
            items.append(FormationWorkload(
                formationId: formation, positionName: position, waiting: waiting, inReview: inReview,
                awaitingCountersignature: awaiting, decided: decided, closed: closed,
                oldestWaitingAgeSeconds: oldest.map { max(0, Int(now.timeIntervalSince($0))) }))
        }
        return items
    }

    // MARK: Four eyes

    /// Decisions awaiting a countersignature, oldest submission first; the caller's own decisions are left out (nobody
    /// countersigns their own).
    func awaitingCountersignature(formation: UUID?, limit: Int, cursor: QueueCursor?, supervisor: UUID) async throws
        -> Page<CountersignatureItem>
    {
        let after = cursor ?? .start
        let rows = try await postgres.query(
            """
            SELECT \(unescaped: CaseStore.stateColumns), (extract(epoch FROM c.submitted_at) * 1000000)::bigint
            FROM cases c
            WHERE c.status = 'awaiting-countersignature'
              AND (\(formation)::uuid IS NULL OR c.formation_id = \(formation))
              AND (c.submitted_at, c.case_id) > ('epoch'::timestamptz + \(after.microseconds) * interval '1 microsecond',
                                                 \(after.caseId))
              AND c.decided_by <> \(supervisor) AND c.applicant_id <> \(supervisor)
              AND NOT (c.conflicted_officers @> ARRAY[\(supervisor)]::uuid[])
            ORDER BY c.submitted_at, c.case_id
            LIMIT \(limit + 1)
            """, logger: logger)
        var items: [CountersignatureItem] = []
        var cursors: [UUID: QueueCursor] = [:]
        for try await row in rows {
            let columns = row.makeRandomAccess()
            let state = try CaseStore.decodeState(columns)
            let micros = try columns[4].decode(Int64.self)
            guard let decision = state.decision else { continue }
            items.append(CountersignatureItem(
                caseId: state.caseId, applicationId: state.applicationId, registrationNumber: state.registrationNumber,
                formationId: state.formationId, decision: decision))
            cursors[state.caseId] = QueueCursor(microseconds: micros, caseId: state.caseId)
        }
        return Page(upTo: limit, of: items) { cursors[$0.caseId]?.text ?? "" }
    }

    // MARK: Objections

    func objections(formation: UUID?, filter: ObjectionFilter, now: Date) async throws -> [ObjectionItem] {
        let rows = try await postgres.query(
            """
            SELECT \(unescaped: CaseStore.stateColumns), p.answers_due_at
            FROM cases c
            LEFT JOIN publications p ON p.formation_id = c.formation_id AND p.round = 'initial'
            WHERE c.objection_status IS NOT NULL
              AND (\(formation)::uuid IS NULL OR c.formation_id = \(formation))
              AND (\(filter.statusColumn)::text IS NULL OR c.objection_status = \(filter.statusColumn))
            ORDER BY c.submitted_at, c.case_id
            """, logger: logger)
        var items: [ObjectionItem] = []
        for try await row in rows {
            let columns = row.makeRandomAccess()
            let state = try CaseStore.decodeState(columns)
            let due = try columns[4].decode(Date?.self)
            guard let objection = state.objection else { continue }
            let overdue = objection.outcome == nil && due.map { now >= $0.addingTimeInterval(1) } == true
            if filter == .overdue && !overdue { continue }
            items.append(ObjectionItem(
                objectionId: objection.objectionId, caseId: state.caseId, applicationId: state.applicationId,
                registrationNumber: state.registrationNumber, formationId: state.formationId,
                disputedRequirementCodes: objection.disputedRequirementCodes, reason: objection.reason,
                filedAt: objection.filedAt, answersDueAt: due, overdue: overdue, outcome: objection.outcome,
                answer: objection.answer, resolvedAt: objection.resolvedAt))
        }
        return items
    }
}

/// A decision in the supervisors' list.
struct CountersignatureItem: Codable, Sendable, Equatable {
    var caseId: UUID
    var applicationId: UUID
    var registrationNumber: String
    var formationId: UUID
    var decision: VerificationCase.Decision
}

/// Which objections `GET /v1/objections` lists (`status`: `pending` by default, `overdue`, `resolved` or `all`).
enum ObjectionFilter: String, CaseIterable, Sendable {
    case pending, overdue, resolved, all

    init(_ request: Request) throws {
        guard let raw = request.uri.queryParameters["status"] else {
            self = .pending
            return
        }
        guard let value = ObjectionFilter(rawValue: String(raw)) else {
            throw Problem.invalidField("status", code: "enum", "one of pending, overdue, resolved, all")
        }
        self = value
    }

    /// The `objection_status` the rows must have, if one.
    var statusColumn: String? {
        switch self {
        case .pending, .overdue: "pending"
        case .resolved: "resolved"
        case .all: nil
        }
    }
}

/// Where a list ordered by submission time and case id continues: `<microseconds since 1970>.<case id>`.
struct QueueCursor: Sendable, Equatable {
    var microseconds: Int64
    var caseId: UUID

    /// Before every case (submissions are all after 1970).
    static let start = QueueCursor(microseconds: 0, caseId: .minimum)

    /// 1970 to the end of year 9999: instants PostgreSQL can add to its epoch.
    static let validMicroseconds: ClosedRange<Int64> = 0...253_402_300_799_999_999

    var text: String { "\(microseconds).\(caseId.eventKey)" }

    init(microseconds: Int64, caseId: UUID) {
        self.microseconds = microseconds
        self.caseId = caseId
    }

    /// The request's `cursor`, `nil` on the first page.
    init?(_ request: Request) throws {
        guard let raw = request.uri.queryParameters["cursor"] else { return nil }
        let parts = raw.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, let micros = Int64(parts[0]), Self.validMicroseconds.contains(micros),
              let id = UUID(uuidString: String(parts[1]))
        else {
            throw Problem.invalidField("cursor", code: "cursor-format", "a cursor from a previous page")
        }
        self.init(microseconds: micros, caseId: id)
    }
}
