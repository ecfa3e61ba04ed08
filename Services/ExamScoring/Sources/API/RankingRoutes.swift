import ExamScoringRules
import Foundation
import HTTPTypes
import Hummingbird
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// SKD rankings, SKB schemes and final results per formation and period.
struct RankingRoutes: Sendable {
    /// `PUT /v1/formations/{id}/skb-scheme`.
    struct SchemeRequest: Decodable, Sendable {
        var agencyLevel: AgencyLevel?
        var components: [SkbSchemeComponent]
    }

    let rankings: RankingCommands
    let schemes: SchemeStore
    let finals: FinalCommands
    let maxBody: Int

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/v1/formations/:formationId/skd-ranking") { _, context in
            _ = try context.requireRole(SessionRoutes.readers)
            return JSONResponse(value: try await self.rankings.view(try context.uuidParameter("formationId")))
        }
        router.post("/v1/formations/:formationId/skd-ranking") { _, context in
            let officer = try context.requireRole(.examOfficer)
            let ranking = try await self.rankings.finalise(
                try context.uuidParameter("formationId"), context: context.command(officer))
            return JSONResponse(value: ranking, status: .created)
        }
        router.get("/v1/formations/:formationId/skb-scheme") { _, context in
            _ = try context.requireRole(SessionRoutes.readers)
            let formationId = try context.uuidParameter("formationId")
            guard let entry = try await self.schemes.postgres.withConnection({ connection in
                try await self.schemes.entry(of: formationId, on: connection)
            }) else { throw ExamRuleViolation.noSkbScheme(formationId) }
            return JSONResponse(value: entry)
        }
        router.put("/v1/formations/:formationId/skb-scheme") { request, context in
            let officer = try context.requireRole(.examOfficer)
            let formationId = try context.uuidParameter("formationId")
            let body = try await request.decodeJSON(SchemeRequest.self, maxBytes: self.maxBody)
            let entry = try await self.schemes.set(
                body.components, agency: body.agencyLevel, of: formationId, context: context.command(officer))
            return JSONResponse(value: entry)
        }
        router.post("/v1/periods/:periodId/final-results") { request, context in
            let officer = try context.requireRole(.examOfficer)
            let periodId = try context.uuidParameter("periodId")
            let authorization = request.headers[.authorization] ?? ""
            let results = try await self.finals.compute(
                period: periodId, authorization: authorization, context: context.command(officer))
            return JSONResponse(value: Page(items: results, nextCursor: nil), status: .created)
        }
        router.get("/v1/formations/:formationId/final-results") { _, context in
            _ = try context.requireRole(SessionRoutes.readers)
            let formationId = try context.uuidParameter("formationId")
            guard let result = try await self.finals.result(of: formationId) else {
                throw Problem.notFound("No final results are computed for formation \(formationId.eventKey).")
            }
            return JSONResponse(value: result)
        }
    }
}

/// `GET /v1/me/exam-cards`: an applicant's own seats (exam cards) and what was recorded.
struct CardRoutes: Sendable {
    let rosters: RosterStore
    let sessions: SessionCommands

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/v1/me/exam-cards") { _, context in
            let applicant = try context.requireRole(.applicant)
            let cards = try await self.rosters.cards(ofApplicant: applicant.accountId, sessions: self.sessions)
            return JSONResponse(value: Page(items: cards, nextCursor: nil))
        }
    }
}
