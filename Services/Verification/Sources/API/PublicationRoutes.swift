import Foundation
import HTTPTypes
import Hummingbird
import RecruitmentEvents
import ServiceKit

/// Publishing a formation's administrative results and reading its publications.
struct PublicationRoutes: Sendable {
    let commands: PublicationCommands
    let maxBody: Int

    /// A formation's publication status.
    struct FormationResults: Codable, Sendable, Equatable {
        var formationId: UUID
        var tally: PublicationCommands.Tally
        var publications: [PublicationRecord]
    }

    func register(on router: Router<ServiceRequestContext>) {
        router.post("/v1/formations/:formationId/administrative-results") { request, context in
            let officer = try context.requireRole(.supervisor, .admin)
            let formationId = try context.uuidParameter("formationId")
            let body = try await request.decodeJSON(
                PublicationRequest.self, maxBytes: self.maxBody, whenEmpty: PublicationRequest(round: nil))
            let record = try await self.commands.publish(
                formation: formationId, round: body.round ?? .initial, by: officer.accountId, request: context,
                now: Date())
            return JSONResponse(value: record, status: .created)
        }
        router.get("/v1/formations/:formationId/administrative-results") { _, context in
            _ = try context.requireRole(CaseRoutes.officerRoles)
            let formationId = try context.uuidParameter("formationId")
            guard try await self.commands.store.formation(formationId) != nil else {
                throw Problem.notFound("No formation \(formationId.eventKey) is known to the verification service.")
            }
            return JSONResponse(value: FormationResults(
                formationId: formationId, tally: try await self.commands.tally(formation: formationId),
                publications: try await self.commands.store.publications(formation: formationId)))
        }
    }
}
