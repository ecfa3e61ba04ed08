import Foundation
import Hummingbird
import Logging
import PostgresNIO
import ServiceKit

/// Public applicant counts per formation: `GET /v1/formations/counts` (cursor-paginated, optionally per period) and
/// `GET /v1/formations/{formationId}/counts`.
struct FormationCountsRoutes: Sendable {
    let postgres: PostgresClient
    let logger: Logger

    struct FormationCount: Codable, Sendable, Equatable {
        var formationId: UUID
        var periodId: UUID
        /// Applications currently standing: submitted minus withdrawn.
        var applicants: Int
        var submitted: Int
        var withdrawn: Int
        var updatedAt: Date
    }

    struct Page: Codable, Sendable {
        var items: [FormationCount]
        /// Pass as `cursor` to get the next page; absent on the last page.
        var nextCursor: String?
    }

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/v1/formations/counts") { request, _ in
            try await self.list(request)
        }
        router.get("/v1/formations/:formationId/counts") { _, context in
            let raw = try context.parameters.require("formationId")
            guard let id = UUID(uuidString: raw) else {
                throw Problem.invalidField("formationId", code: "uuid-format", "a formation id (UUID)")
            }
            guard let count = try await self.count(of: id) else {
                throw Problem.notFound("No applications have been submitted for formation \(id.uuidString.lowercased()).")
            }
            return JSONResponse(value: count)
        }
    }

    func list(_ request: Request) async throws -> JSONResponse<Page> {
        let query = request.uri.queryParameters
        var issues: [FieldIssue] = []
        var limit = 100
        if let raw = query["limit"] {
            if let value = Int(String(raw)), (1...500).contains(value) { limit = value } else {
                issues.append(FieldIssue(field: "limit", code: "range", message: "an integer from 1 to 500"))
            }
        }
        var cursor = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        if let raw = query["cursor"] {
            if let value = UUID(uuidString: String(raw)) { cursor = value } else {
                issues.append(FieldIssue(field: "cursor", code: "cursor-format", message: "a cursor from a previous page"))
            }
        }
        var period: UUID?
        if let raw = query["periodId"] {
            if let value = UUID(uuidString: String(raw)) { period = value } else {
                issues.append(FieldIssue(field: "periodId", code: "uuid-format", message: "a period id (UUID)"))
            }
        }
        guard issues.isEmpty else { throw Problem.validation(issues) }

        let rows = try await postgres.query(
            """
            SELECT formation_id, period_id, submitted, withdrawn, updated_at FROM formation_applicant_counts
            WHERE formation_id > \(cursor) AND (\(period)::uuid IS NULL OR period_id = \(period))
            ORDER BY formation_id LIMIT \(limit + 1)
            """, logger: logger)
        var items: [FormationCount] = []
        for try await (formation, periodId, submitted, withdrawn, updatedAt)
            in rows.decode((UUID, UUID, Int, Int, Date).self)
        {
            items.append(FormationCount(
                formationId: formation, periodId: periodId, applicants: submitted - withdrawn,
                submitted: submitted, withdrawn: withdrawn, updatedAt: updatedAt))
        }
        var next: String?
        if items.count > limit {
            items.removeLast()
            next = items.last?.formationId.uuidString.lowercased()
        }
        return JSONResponse(value: Page(items: items, nextCursor: next))
    }

    func count(of formation: UUID) async throws -> FormationCount? {
        let rows = try await postgres.query(
            """
            SELECT period_id, submitted, withdrawn, updated_at FROM formation_applicant_counts
            WHERE formation_id = \(formation)
            """, logger: logger)
        for try await (periodId, submitted, withdrawn, updatedAt) in rows.decode((UUID, Int, Int, Date).self) {
            return FormationCount(
                formationId: formation, periodId: periodId, applicants: submitted - withdrawn,
                submitted: submitted, withdrawn: withdrawn, updatedAt: updatedAt)
        }
        return nil
    }
}
