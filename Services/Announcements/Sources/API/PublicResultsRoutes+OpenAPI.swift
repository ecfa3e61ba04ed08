import ServiceKit

extension PublicResultsRoutes {
    /// Describes the public read models in the OpenAPI document.
    static func describe(into document: inout OpenAPIDocument) {
        document.addTag("results", description: "Periods, formations and each stage's published results")
        let paging: [OpenAPIParameter] = [
            .query("cursor", .string, description: "`nextCursor` of the previous page"),
            .query("limit", .integer(minimum: 1, maximum: 500), description: "Page size (default 100)"),
        ]
        let formation = OpenAPIParameter.path("formationId")
        document.add(.get(
            "/v1/periods", operationId: "listPeriods", summary: "Opened selection periods", tags: ["results"],
            parameters: paging, responses: [.json(200, Page<PublicPeriod>.self)]))
        document.add(.get(
            "/v1/periods/{periodId}", operationId: "getPeriod",
            summary: "A period with its registration window in UTC, the agency's time and WIB", tags: ["results"],
            parameters: [.path("periodId")], responses: [.json(200, PublicPeriod.self)]))
        document.add(.get(
            "/v1/formations", operationId: "listFormations",
            summary: "Published formations with their live applicant counts", tags: ["results"],
            parameters: paging + [.query("periodId", .uuid, description: "Only this period's formations")],
            responses: [.json(200, Page<PublicFormation>.self)]))
        document.add(.get(
            "/v1/formations/{formationId}", operationId: "getFormation", summary: "One formation", tags: ["results"],
            parameters: [formation], responses: [.json(200, PublicFormation.self)]))
        document.add(.get(
            "/v1/formations/{formationId}/administrative-results", operationId: "getAdministrativeResults",
            summary: "MS/TMS per application as published by verification (the latest publication's round), with "
                + "the unmet requirements' reason codes; by registration number",
            tags: ["results"], parameters: [formation] + paging,
            responses: [.json(200, PublicAdministrativeResults.self)]))
        document.add(.get(
            "/v1/formations/{formationId}/skd-results", operationId: "getSkdResults",
            summary: "The finalised SKD ranking: scores, rank, code (P/L, P, TL, TH, DIS) and its reason",
            tags: ["results"], parameters: [formation] + paging,
            responses: [.json(200, PublicResultList<PublicSkdRow>.self)]))
        document.add(.get(
            "/v1/formations/{formationId}/final-results", operationId: "getFinalResults",
            summary: "The latest final results: SKD₁₀₀, SKB₁₀₀, integrated score, rank, code and the deciding "
                + "tie-break", tags: ["results"], parameters: [formation] + paging,
            responses: [.json(200, PublicResultList<PublicFinalRow>.self)]))
    }
}

extension OpenDataRoutes {
    /// Describes the open-data downloads in the OpenAPI document.
    static func describe(into document: inout OpenAPIDocument) {
        document.addTag("open-data", description: "Per-formation statistics to download")
        let period = OpenAPIParameter.query("periodId", .uuid, description: "Only this period's formations")
        document.add(.get(
            "/v1/open-data/formations", operationId: "getFormationStatistics",
            summary: "Per formation: applicants, withdrawn, published MS/TMS, SKD codes and final outcomes",
            tags: ["open-data"], parameters: [period], responses: [.json(200, Page<FormationStatistics>.self)]))
        document.add(.get(
            "/v1/open-data/formations.csv", operationId: "getFormationStatisticsCsv",
            summary: "The same statistics as RFC 4180 CSV", tags: ["open-data"], parameters: [period],
            responses: [.text(200, mediaType: "text/csv")]))
    }
}
