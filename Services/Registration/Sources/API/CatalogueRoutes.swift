import EventStore
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Selection periods and formations: opened and published by the administrator, readable by everyone.
struct CatalogueRoutes: Sendable {
    let context: ServiceContext
    let maxBody: Int

    func register(on router: Router<ServiceRequestContext>) {
        router.post("/v1/admin/periods") { request, context in
            _ = try context.requireRole(.admin)
            let body = try await request.decodeJSON(SelectionPeriodRequest.self, maxBytes: self.maxBody)
            let event = try SelectionPeriodRules.validate(body, periodId: UUID()).get()
            try await self.openPeriod(event, context: context)
            return JSONResponse(value: PeriodView(event, now: Date()), status: .created,
                                headers: [.location: "/v1/periods/\(event.periodId.eventKey)"])
        }
        router.post("/v1/admin/periods/:periodId/formations") { request, context in
            _ = try context.requireRole(.admin)
            let periodId = try context.uuidParameter("periodId")
            let body = try await request.decodeJSON(FormationRequest.self, maxBytes: self.maxBody)
            let event = try FormationRules.validate(body, formationId: UUID(), periodId: periodId).get()
            try await self.publishFormation(event, context: context)
            return JSONResponse(value: FormationView(event, applicantCount: 0), status: .created,
                                headers: [.location: "/v1/formations/\(event.formationId.eventKey)"])
        }
        router.post("/v1/admin/periods/:periodId/deadline-extensions") { request, context in
            _ = try context.requireRole(.admin)
            let periodId = try context.uuidParameter("periodId")
            let body = try await request.decodeJSON(DeadlineExtensionRequest.self, maxBytes: self.maxBody)
            let period = try await self.extendDeadline(periodId, body, context: context, now: Date())
            return JSONResponse(value: PeriodView(period, now: Date()))
        }
        router.get("/v1/periods") { request, _ in
            let cursor = try request.idCursor() ?? .minimum
            let rows = try await self.context.postgres.query(
                "SELECT period_id, document::text FROM periods WHERE period_id > \(cursor) ORDER BY period_id LIMIT 101",
                logger: self.context.logger)
            var items: [PeriodView] = []
            for try await (_, document) in rows.decode((UUID, String).self) {
                items.append(PeriodView(try JSONColumn.decode(SelectionPeriodOpenedV1.self, from: document), now: Date()))
            }
            return JSONResponse(value: Page(upTo: 100, of: items) { $0.periodId.eventKey })
        }
        router.get("/v1/periods/:periodId") { _, context in
            let periodId = try context.uuidParameter("periodId")
            guard let period = try await self.period(periodId) else {
                throw Problem.notFound("No selection period \(periodId.eventKey).")
            }
            return JSONResponse(value: PeriodView(period.event, now: Date()))
        }
        router.get("/v1/periods/:periodId/formations") { request, context in
            let periodId = try context.uuidParameter("periodId")
            let cursor = try request.idCursor() ?? .minimum
            guard try await self.period(periodId) != nil else {
                throw Problem.notFound("No selection period \(periodId.eventKey).")
            }
            let rows = try await self.context.postgres.query(
                """
                SELECT formation_id, document::text FROM formations WHERE period_id = \(periodId) AND formation_id > \(cursor)
                ORDER BY formation_id LIMIT 101
                """, logger: self.context.logger)
            var formations: [FormationPublishedV1] = []
            for try await (_, document) in rows.decode((UUID, String).self) {
                formations.append(try JSONColumn.decode(FormationPublishedV1.self, from: document))
            }
            let counts = try await self.applicantCounts(formations.map(\.formationId))
            let items = formations.map { FormationView($0, applicantCount: counts[$0.formationId] ?? 0) }
            return JSONResponse(value: Page(upTo: 100, of: items) { $0.formationId.eventKey })
        }
        router.get("/v1/formations/:formationId") { _, context in
            let formationId = try context.uuidParameter("formationId")
            guard let formation = try await self.formation(formationId) else {
                throw Problem.notFound("No formation \(formationId.eventKey).")
            }
            let counts = try await self.applicantCounts([formationId])
            return JSONResponse(value: FormationView(formation, applicantCount: counts[formationId] ?? 0))
        }
    }

    // MARK: Commands

    func openPeriod(_ event: SelectionPeriodOpenedV1, context request: ServiceRequestContext) async throws {
        let streamId = "period-\(event.periodId.eventKey)"
        let envelope = try EventEnvelope(
            event: event, streamId: streamId, streamVersion: 1, correlationId: request.correlationId,
            traceparent: request.traceparent)
        try await context.eventStore.append([envelope], toStream: streamId, expectedVersion: 0) { connection, stored in
            try await connection.query(
                """
                INSERT INTO periods (period_id, stream_version, document, registration_opens_at, registration_closes_at,
                                     created_at)
                VALUES (\(event.periodId), 1, \(try JSONColumn.text(event))::jsonb, \(event.registrationOpensAt), \(event.registrationClosesAt),
                        \(envelope.time))
                """, logger: self.context.logger)
        }
    }

    /// Appends to the period's stream; concurrent publications of formations commute, so a version conflict is
    /// retried with the fresh version.
    func publishFormation(_ event: FormationPublishedV1, context request: ServiceRequestContext) async throws {
        let streamId = "period-\(event.periodId.eventKey)"
        for attempt in 1...5 {
            guard let period = try await period(event.periodId) else {
                throw Problem.notFound("No selection period \(event.periodId.eventKey).")
            }
            let envelope = try EventEnvelope(
                event: event, streamId: streamId, streamVersion: period.version + 1,
                correlationId: request.correlationId, traceparent: request.traceparent)
            do {
                try await context.eventStore.append([envelope], toStream: streamId, expectedVersion: period.version) {
                    connection, stored in
                    try await connection.query(
                        """
                        UPDATE periods SET stream_version = \(stored.last!.envelope.streamVersion)
                        WHERE period_id = \(event.periodId)
                        """, logger: self.context.logger)
                    try await connection.query(
                        """
                        INSERT INTO formations (formation_id, period_id, document, created_at)
                        VALUES (\(event.formationId), \(event.periodId), \(try JSONColumn.text(event))::jsonb, \(envelope.time))
                        """, logger: self.context.logger)
                }
                return
            } catch EventStoreError.concurrencyConflict where attempt < 5 {
                continue
            }
        }
    }

    /// Moves a period's deadline later (DOMAIN §5.5: 2023 and 2024 were extended); the new deadline must lie after
    /// the current one and after now, so nobody's refused submission becomes retroactively late or early.
    func extendDeadline(_ periodId: UUID, _ body: DeadlineExtensionRequest, context request: ServiceRequestContext,
                        now: Date) async throws -> SelectionPeriodOpenedV1
    {
        let reason = body.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        for attempt in 1...5 {
            guard let found = try await period(periodId) else {
                throw Problem.notFound("No selection period \(periodId.eventKey).")
            }
            let (current, version) = found
            var issues: [FieldIssue] = []
            if body.registrationClosesAt <= current.registrationClosesAt || body.registrationClosesAt <= now {
                issues.append(FieldIssue(field: "registrationClosesAt", code: "not-later",
                                         message: "the new deadline must be after the current one and in the future"))
            }
            if reason.isEmpty || reason.count > 500 {
                issues.append(FieldIssue(field: "reason", code: "required", message: "the public reason, 1-500 characters"))
            }
            guard issues.isEmpty else { throw Problem.validation(issues, status: .unprocessableContent) }
            let event = RegistrationDeadlineExtendedV1(
                periodId: periodId, previousClosesAt: current.registrationClosesAt,
                registrationClosesAt: body.registrationClosesAt, reason: reason)
            var updated = current
            updated.registrationClosesAt = body.registrationClosesAt
            let streamId = "period-\(periodId.eventKey)"
            let envelope = try EventEnvelope(
                event: event, streamId: streamId, streamVersion: version + 1, time: now,
                correlationId: request.correlationId, traceparent: request.traceparent)
            let document = try JSONColumn.text(updated)
            do {
                try await context.eventStore.append([envelope], toStream: streamId, expectedVersion: version) {
                    connection, _ in
                    try await connection.query(
                        """
                        UPDATE periods SET stream_version = \(version + 1), document = \(document)::jsonb,
                            registration_closes_at = \(body.registrationClosesAt)
                        WHERE period_id = \(periodId)
                        """, logger: self.context.logger)
                }
                context.logger.notice("registration deadline extended", metadata: [
                    "period_id": "\(periodId.eventKey)", "closes_at": "\(body.registrationClosesAt)",
                ])
                return updated
            } catch EventStoreError.concurrencyConflict where attempt < 5 {
                continue
            }
        }
        throw Problem.conflict(type: "concurrent-change", "The period changed meanwhile; retry.")
    }

    // MARK: Queries

    func period(_ id: UUID) async throws -> (event: SelectionPeriodOpenedV1, version: Int64)? {
        let rows = try await context.postgres.query(
            "SELECT document::text, stream_version FROM periods WHERE period_id = \(id)", logger: context.logger)
        for try await (document, version) in rows.decode((String, Int64).self) {
            return (try JSONColumn.decode(SelectionPeriodOpenedV1.self, from: document), version)
        }
        return nil
    }

    func formation(_ id: UUID) async throws -> FormationPublishedV1? {
        let rows = try await context.postgres.query(
            "SELECT document::text FROM formations WHERE formation_id = \(id)", logger: context.logger)
        for try await document in rows.decode(String.self) {
            return try JSONColumn.decode(FormationPublishedV1.self, from: document)
        }
        return nil
    }

    /// Submitted, not withdrawn applications per formation.
    func applicantCounts(_ formationIds: [UUID]) async throws -> [UUID: Int] {
        guard !formationIds.isEmpty else { return [:] }
        let rows = try await context.postgres.query(
            """
            SELECT formation_id, count(*) FROM applications
            WHERE formation_id = ANY(\(formationIds)) AND status = 'submitted' GROUP BY formation_id
            """, logger: context.logger)
        var counts: [UUID: Int] = [:]
        for try await (id, count) in rows.decode((UUID, Int).self) { counts[id] = count }
        return counts
    }

}
