import RecruitmentEvents
public import ServiceKit

extension VerificationService {
    /// The verification API as officer portals and the applicant portal code against it; every schema is derived from
    /// the Swift types the routes encode and decode, and the end-to-end tests validate real responses against it.
    public func openAPI(into document: inout OpenAPIDocument) {
        document.description = """
            Administrative verification of submitted applications (DOMAIN §1.4-1.5): the queue, claims with leases, \
            verdicts per document, MS/TMS decisions with four eyes, publication of a formation's results, objections \
            (masa sanggah) and the attributed history of every case. Tokens come from the registration service.
            """
        let jsonBody = context.configuration.maxJSONBodyBytes
        let officers = OpenAPISecurity.bearer(roles: ["verifier", "supervisor", "admin"])
        let verifier = OpenAPISecurity.bearer(roles: ["verifier"])
        let supervisor = OpenAPISecurity.bearer(roles: ["supervisor"])
        let applicant = OpenAPISecurity.bearer(roles: ["applicant"])
        let cursor = OpenAPIParameter.query("cursor", .string, description: "`nextCursor` of the previous page")
        let limit = OpenAPIParameter.query("limit", .integer(minimum: 1, maximum: 500), description: "Page size (default 50)")
        let formation = OpenAPIParameter.query("formationId", .uuid, description: "Only this formation")
        document.addTag("queue", description: "Work lists: queue, workload, countersignatures, objections, alerts")
        document.addTag("cases", description: "One case: claim, documents, verdicts, decision, four eyes, history")
        document.addTag("publication", description: "Administrative results of a formation")
        document.addTag("applicant", description: "The applicant's verification status and objection")

        // MARK: Work lists
        document.add(.get(
            "/v1/reason-codes", operationId: "listReasonCodes",
            summary: "The maintained list of reasons for an invalid document or unmet requirement", tags: ["queue"],
            responses: [.json(200, Page<ReasonCodeView>.self)]))
        document.add(.get(
            "/v1/queue", operationId: "listQueue",
            summary: "Waiting cases, oldest submission first, with their age (without the caller's conflicts)",
            tags: ["queue"], parameters: [formation, limit, cursor], security: officers,
            responses: [.json(200, Page<QueueItem>.self)]))
        document.add(.get(
            "/v1/queue/formations", operationId: "listWorkload", summary: "Verification work per formation",
            tags: ["queue"], security: officers, responses: [.json(200, Page<FormationWorkload>.self)]))
        document.add(.get(
            "/v1/countersignatures", operationId: "listAwaitingCountersignature",
            summary: "Decisions awaiting a countersignature, without the caller's own", tags: ["queue"],
            parameters: [formation, limit, cursor], security: .bearer(roles: ["supervisor", "admin"]),
            responses: [.json(200, Page<CountersignatureItem>.self)]))
        document.add(.get(
            "/v1/objections", operationId: "listObjections",
            summary: "Objections with their due date; `overdue` ones are unanswered past it", tags: ["queue"],
            parameters: [formation, .query("status", .string, description: "pending (default), overdue, resolved, all")],
            security: officers, responses: [.json(200, Page<ObjectionItem>.self)]))
        document.add(.get(
            "/v1/integrity-alerts", operationId: "listIntegrityAlerts",
            summary: "Documents whose bytes did not match the SHA-256 recorded at submission", tags: ["queue"],
            parameters: [limit], security: .bearer(roles: ["supervisor", "admin"]),
            responses: [.json(200, Page<IntegrityAlert>.self)]))

        // MARK: Cases
        document.add(.get(
            "/v1/cases", operationId: "findCase", summary: "The case of an application (zero or one item)",
            tags: ["cases"], parameters: [.query("applicationId", .uuid, required: true)], security: officers,
            responses: [.json(200, Page<CaseView>.self)]))
        document.add(.get(
            "/v1/cases/{caseId}", operationId: "getCase", summary: "One case with its documents and verdicts",
            tags: ["cases"], parameters: [.path("caseId")], security: officers, responses: [.json(200, CaseView.self)]))
        document.add(.get(
            "/v1/cases/{caseId}/history", operationId: "getCaseHistory",
            summary: "Every action on the case with actor and time", tags: ["cases"], parameters: [.path("caseId")],
            security: officers, responses: [.json(200, Page<CaseHistoryEntry>.self)]))
        document.add(.post(
            "/v1/cases/{caseId}/claim", operationId: "claimCase",
            summary: "Take the case for the lease period (again: renew); two verifiers racing: exactly one wins",
            tags: ["cases"], parameters: [.path("caseId")], security: verifier,
            responses: [.json(200, CaseView.self)], problems: [409]))
        document.add(.post(
            "/v1/cases/{caseId}/release", operationId: "releaseCase", summary: "Give a claimed case back to the queue",
            tags: ["cases"], parameters: [.path("caseId")], security: verifier,
            responses: [.json(200, CaseView.self)], problems: [409]))
        document.add(.post(
            "/v1/cases/{caseId}/conflicts", operationId: "declareConflict",
            summary: "Declare a conflict of interest: excluded from verifying, countersigning and answering",
            tags: ["cases"], parameters: [.path("caseId")], body: .json(ConflictDeclaration.self, maxBytes: jsonBody),
            security: .bearer(roles: ["verifier", "supervisor"]),
            responses: [.json(201, CaseView.self)], problems: [409]))
        document.add(.get(
            "/v1/cases/{caseId}/documents/{documentId}", operationId: "openDocument",
            summary: "A submitted document, checked against its SHA-256 (a mismatch is refused with 502 and raised)",
            tags: ["cases"], parameters: [.path("caseId"), .path("documentId")], security: officers,
            responses: [.binary(200, ["application/pdf", "image/jpeg", "video/mp4"])
                .header("X-Document-SHA256", description: "SHA-256 recorded at submission (hex)")],
            problems: [409, 502]))
        document.add(.put(
            "/v1/cases/{caseId}/documents/{documentId}/review", operationId: "reviewDocument",
            summary: "The verdict on one opened document, with a reason code when invalid", tags: ["cases"],
            parameters: [.path("caseId"), .path("documentId")],
            body: .json(DocumentReviewRequest.self, maxBytes: jsonBody), security: verifier,
            responses: [.json(200, CaseView.self)], problems: [409, 422]))
        document.add(.post(
            "/v1/cases/{caseId}/decision", operationId: "decideCase",
            summary: "MS or TMS (TMS names at least one unmet requirement); TMS awaits a countersignature",
            tags: ["cases"], parameters: [.path("caseId")], body: .json(DecisionRequest.self, maxBytes: jsonBody),
            security: verifier, responses: [.json(201, CaseView.self)], problems: [409, 422]))
        document.add(.post(
            "/v1/cases/{caseId}/countersignature", operationId: "countersignDecision",
            summary: "Four eyes: a supervisor other than the verifier makes the decision final", tags: ["cases"],
            parameters: [.path("caseId")], security: supervisor, responses: [.json(201, CaseView.self)],
            problems: [409]))
        document.add(.post(
            "/v1/cases/{caseId}/return", operationId: "returnDecision",
            summary: "Send the decision back to the queue with a comment", tags: ["cases"],
            parameters: [.path("caseId")], body: .json(ReturnRequest.self, maxBytes: jsonBody), security: supervisor,
            responses: [.json(200, CaseView.self)], problems: [409, 422]))
        document.add(.post(
            "/v1/cases/{caseId}/objection/resolution", operationId: "resolveObjection",
            summary: "Answer the objection: upheld turns TMS into MS", tags: ["cases"], parameters: [.path("caseId")],
            body: .json(ObjectionResolutionRequest.self, maxBytes: jsonBody), security: supervisor,
            responses: [.json(201, CaseView.self)], problems: [409, 422]))

        // MARK: Publication
        document.add(.post(
            "/v1/formations/{formationId}/administrative-results", operationId: "publishAdministrativeResults",
            summary: "Publish the formation's results: `initial` (all cases decided; opens the objection window) or "
                + "`after-objection` (window closed, all objections answered)",
            tags: ["publication"], parameters: [.path("formationId")],
            body: .json(PublicationRequest.self, description: "Optional; empty means the initial round", required: false,
                        maxBytes: jsonBody),
            security: .bearer(roles: ["supervisor", "admin"]),
            responses: [.json(201, PublicationRecord.self)], problems: [409]))
        document.add(.get(
            "/v1/formations/{formationId}/administrative-results", operationId: "getAdministrativeResults",
            summary: "The formation's tally and publications", tags: ["publication"],
            parameters: [.path("formationId")], security: officers,
            responses: [.json(200, PublicationRoutes.FormationResults.self)]))

        // MARK: Applicant
        document.add(.get(
            "/v1/applications/{applicationId}/verification", operationId: "getApplicantVerification",
            summary: "The applicant's verification stage, published result, objection window and history",
            tags: ["applicant"], parameters: [.path("applicationId")], security: applicant,
            responses: [.json(200, ApplicantVerificationView.self)]))
        document.add(.post(
            "/v1/applications/{applicationId}/objection", operationId: "fileObjection",
            summary: "Object to a published TMS result within the window (once)", tags: ["applicant"],
            parameters: [.path("applicationId")], body: .json(ObjectionRequest.self, maxBytes: jsonBody),
            security: applicant, responses: [.json(201, ApplicantVerificationView.self)], problems: [409, 422]))
    }
}
