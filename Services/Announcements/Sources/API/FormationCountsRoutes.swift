import Foundation
import Hummingbird
import Logging
import PostgresNIO
import RecruitmentEvents
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

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/v1/formations/counts") { request, _ in
            try await self.list(request)
        }
        router.get("/v1/formations/:formationId/counts") { _, context in
            let id = try context.uuidParameter("formationId")
            guard let count = try await self.count(of: id) else {
                throw Problem.notFound("No applications have been submitted for formation \(id.uuidString.lowercased()).")
            }
            return JSONResponse(value: count)
        }
    }

    func list(_ request: Request) async throws -> JSONResponse<Page<FormationCount>> {
        let limit = try request.pageLimit()
        let cursor = try request.idCursor() ?? .minimum
        let period = try request.uuidQueryParameter("periodId")

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
        return JSONResponse(value: Page(upTo: limit, of: items) { $0.formationId.eventKey })
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
