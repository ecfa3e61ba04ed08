public import ServiceKit

extension AnnouncementsService {
    /// The public API of the announcements service (grows with the transparency issue).
    public func openAPI(into document: inout OpenAPIDocument) {
        document.description = "The public face of the selection: live applicant counts now; announcements, the "
            + "transparency log, the live scoreboard, feedback and open data as they arrive. No personal data."
        document.addTag("counts", description: "Live applicant counts per formation")
        document.add(.get(
            "/v1/formations/counts", operationId: "listFormationCounts",
            summary: "Applicant counts per formation (submitted minus withdrawn), by formation id", tags: ["counts"],
            parameters: [
                .query("cursor", .uuid, description: "`nextCursor` of the previous page"),
                .query("limit", .integer(minimum: 1, maximum: 500), description: "Page size (default 100)"),
                .query("periodId", .uuid, description: "Only this period's formations"),
            ],
            responses: [.json(200, Page<FormationCountsRoutes.FormationCount>.self)]))
        document.add(.get(
            "/v1/formations/{formationId}/counts", operationId: "getFormationCount",
            summary: "The applicant count of one formation", tags: ["counts"], parameters: [.path("formationId")],
            responses: [.json(200, FormationCountsRoutes.FormationCount.self)]))
        PublicResultsRoutes.describe(into: &document)
        OpenDataRoutes.describe(into: &document)
        AnnouncementRoutes.describe(into: &document, maxBody: context.configuration.maxJSONBodyBytes)
        ScoreboardRoutes.describe(into: &document)
        PublicPageRoutes.describe(into: &document)
        feedback.describe(into: &document)
        TransparencyLogRoutes.describe(into: &document)
    }
}
