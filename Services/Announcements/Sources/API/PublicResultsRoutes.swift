import Foundation
import Hummingbird
import Logging
import RecruitmentEvents
import ServiceKit

/// The public read models over HTTP: periods, formations with live counts, and each formation's published
/// administrative results, SKD results and final results. No token needed; nothing personal beyond what an official
/// announcement prints.
struct PublicResultsRoutes: Sendable {
    let store: PublicResultsStore

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/v1/periods") { request, _ in
            let limit = try request.pageLimit()
            let items = try await store.periods(after: try request.idCursor() ?? .minimum, limit: limit + 1)
            return JSONResponse(value: Page(upTo: limit, of: items) { $0.periodId.eventKey })
        }
        router.get("/v1/periods/:periodId") { _, context in
            let id = try context.uuidParameter("periodId")
            guard let period = try await store.period(id) else {
                throw Problem.notFound("No period \(id.eventKey) has been opened.")
            }
            return JSONResponse(value: period)
        }
        router.get("/v1/formations") { request, _ in
            let limit = try request.pageLimit()
            let items = try await store.formations(
                ofPeriod: try request.uuidQueryParameter("periodId"), after: try request.idCursor() ?? .minimum,
                limit: limit + 1)
            return JSONResponse(value: Page(upTo: limit, of: items) { $0.formationId.eventKey })
        }
        router.get("/v1/formations/:formationId") { _, context in
            let id = try context.uuidParameter("formationId")
            return JSONResponse(value: try await formation(id))
        }
        router.get("/v1/formations/:formationId/administrative-results") { request, context in
            let id = try context.uuidParameter("formationId")
            return JSONResponse(value: try await administrativeResults(id, request))
        }
        router.get("/v1/formations/:formationId/skd-results") { request, context in
            let id = try context.uuidParameter("formationId")
            return JSONResponse(value: try await list(id, stage: "skd", as: PublicSkdRow.self, request))
        }
        router.get("/v1/formations/:formationId/final-results") { request, context in
            let id = try context.uuidParameter("formationId")
            return JSONResponse(value: try await list(id, stage: "final", as: PublicFinalRow.self, request))
        }
    }

    func formation(_ id: UUID) async throws -> PublicFormation {
        guard let formation = try await store.formation(id) else {
            throw Problem.notFound("No formation \(id.eventKey) has been published.")
        }
        return formation
    }

    func administrativeResults(_ formation: UUID, _ request: Request) async throws -> PublicAdministrativeResults {
        let limit = try request.pageLimit()
        let cursor = request.uri.queryParameters["cursor"].map(String.init) ?? ""
        _ = try await self.formation(formation)
        guard let publication = try await store.administrativePublication(of: formation) else {
            throw Problem.notFound("The administrative results of formation \(formation.eventKey) are not published yet.")
        }
        let rows = try await store.administrativeRows(
            of: formation, publishedAt: publication.at, after: cursor, limit: limit + 1)
        let page = Page(upTo: limit, of: rows) { $0.registrationNumber }
        return PublicAdministrativeResults(
            formationId: formation, periodId: publication.period, round: publication.round,
            publishedAt: publication.at, objectionWindow: publication.window, items: page.items,
            nextCursor: page.nextCursor)
    }

    func list<Row: Codable & Sendable & Equatable>(
        _ formation: UUID, stage: String, as type: Row.Type, _ request: Request
    ) async throws -> PublicResultList<Row> {
        let limit = try request.pageLimit()
        var cursor = ListCursor.start
        if let raw = request.uri.queryParameters["cursor"] {
            guard let parsed = ListCursor(text: String(raw)) else {
                throw Problem.invalidField("cursor", code: "cursor-format", "a cursor from a previous page")
            }
            cursor = parsed
        }
        _ = try await self.formation(formation)
        guard let list = try await store.currentList(of: formation, stage: stage) else {
            let what = stage == "skd" ? "SKD ranking" : "final results"
            throw Problem.notFound("The \(what) of formation \(formation.eventKey) are not finalised yet.")
        }
        let rows = try await store.listRows(list.list, as: Row.self, after: cursor, limit: limit + 1)
        let kept = Array(rows.prefix(limit))
        return PublicResultList(
            listId: list.list, formationId: formation, periodId: list.period, formationKind: list.kind,
            quota: list.quota, producedAt: list.producedAt, items: kept.map(\.row),
            nextCursor: rows.count > limit ? kept.last?.cursor.text : nil)
    }
}
