import RecruitmentEvents
public import ServiceKit

extension RegistrationService {
    /// The registration API as frontends code against it; every schema is derived from the Swift types the routes
    /// encode and decode, and the end-to-end tests validate real responses against the served document.
    public func openAPI(into document: inout OpenAPIDocument) {
        document.description = """
            Online registration for ASN selections: selection periods and formations, applicant accounts, documents and \
            applications; the suite's identity provider (EdDSA access tokens, JWKS). NIK and KK numbers never leave \
            this service.
            """
        let jsonBody = context.configuration.maxJSONBodyBytes
        document.addTag("catalogue", description: "Selection periods and formations (public; created by admins)")
        document.addTag("identity", description: "Accounts, login, tokens and officers")
        document.addTag("applications", description: "The applicant's application, documents and status")
        document.addTag("internal", description: "For the other services of the suite")

        // MARK: Catalogue
        document.add(.get(
            "/v1/periods", operationId: "listPeriods", summary: "Selection periods, oldest id first", tags: ["catalogue"],
            parameters: [.query("cursor", .uuid, description: "`nextCursor` of the previous page")],
            responses: [.json(200, Page<PeriodView>.self)]))
        document.add(.get(
            "/v1/periods/{periodId}", operationId: "getPeriod", summary: "One selection period", tags: ["catalogue"],
            parameters: [.path("periodId")], responses: [.json(200, PeriodView.self)]))
        document.add(.get(
            "/v1/periods/{periodId}/formations", operationId: "listFormations",
            summary: "The formations of a period with live applicant counts", tags: ["catalogue"],
            parameters: [.path("periodId"), .query("cursor", .uuid, description: "`nextCursor` of the previous page")],
            responses: [.json(200, Page<FormationView>.self)]))
        document.add(.get(
            "/v1/formations/{formationId}", operationId: "getFormation",
            summary: "One formation with its live applicant count", tags: ["catalogue"],
            parameters: [.path("formationId")], responses: [.json(200, FormationView.self)]))
        document.add(.post(
            "/v1/admin/periods", operationId: "openPeriod",
            summary: "Open a selection period (documents default to the national list, DOMAIN §1.3)",
            tags: ["catalogue"], body: .json(SelectionPeriodRequest.self, maxBytes: jsonBody),
            security: .bearer(roles: ["admin"]),
            responses: [.json(201, PeriodView.self).header("Location", description: "The new period")],
            problems: [422]))
        document.add(.post(
            "/v1/admin/periods/{periodId}/deadline-extensions", operationId: "extendDeadline",
            summary: "Move the registration deadline later, with a public reason (RegistrationDeadlineExtendedV1)",
            tags: ["catalogue"], parameters: [.path("periodId")],
            body: .json(DeadlineExtensionRequest.self, maxBytes: jsonBody), security: .bearer(roles: ["admin"]),
            responses: [.json(200, PeriodView.self)], problems: [409, 422]))
        document.add(.post(
            "/v1/admin/periods/{periodId}/formations", operationId: "publishFormation",
            summary: "Publish a formation in a period", tags: ["catalogue"], parameters: [.path("periodId")],
            body: .json(FormationRequest.self, maxBytes: jsonBody), security: .bearer(roles: ["admin"]),
            responses: [.json(201, FormationView.self).header("Location", description: "The new formation")],
            problems: [422]))

        // MARK: Identity
        document.add(.post(
            "/v1/accounts", operationId: "signUp",
            summary: "Create an applicant account (one per NIK)",
            description: "The NIK is validated and decoded (DOMAIN §4) and shown back masked; a birth date that "
                + "disagrees with the NIK is accepted with a warning.",
            tags: ["identity"], body: .json(SignUpRequest.self, maxBytes: jsonBody),
            responses: [
                .json(201, SignUpReceipt.self),
                .problem(429, description: "Too many sign-ups from this client address")
                    .header("Retry-After", description: "Seconds to wait", type: .integer(minimum: 1)),
            ],
            problems: [409, 422]))
        document.add(.post(
            "/v1/auth/token", operationId: "login",
            summary: "Log in with an e-mail address or NIK and a password; returns a short-lived access token",
            tags: ["identity"], body: .json(LoginRequest.self, maxBytes: jsonBody),
            responses: [
                .json(200, IssuedAccessToken.self),
                .problem(401, description: "Wrong user name or password (`/problems/invalid-credentials`)"),
                .problem(429, description: "Account locked or too many failed logins from this client")
                    .header("Retry-After", description: "Seconds to wait", type: .integer(minimum: 1)),
            ]))
        document.add(.get(
            "/.well-known/jwks.json", operationId: "jwks", summary: "The public keys access tokens are verified with",
            tags: ["identity"], responses: [.json(200, JWKSView.self)]))
        document.add(.get(
            "/v1/me", operationId: "me", summary: "The signed-in account", tags: ["identity"], security: .bearer(),
            responses: [.json(200, AccountView.self)]))
        document.add(.post(
            "/v1/admin/officers", operationId: "createOfficer", summary: "Create an officer account with roles",
            tags: ["identity"], body: .json(OfficerRequest.self, maxBytes: jsonBody), security: .bearer(roles: ["admin"]),
            responses: [.json(201, OfficerView.self).header("Location", description: "The new officer")],
            problems: [409, 422]))
        document.add(.get(
            "/v1/admin/officers", operationId: "listOfficers", summary: "Officer accounts", tags: ["identity"],
            parameters: [.query("cursor", .uuid, description: "`nextCursor` of the previous page")],
            security: .bearer(roles: ["admin"]), responses: [.json(200, Page<OfficerView>.self)]))

        // MARK: Applications
        let applicationId = OpenAPIParameter.path("applicationId")
        let requirementCode = OpenAPIParameter.path(
            "requirementCode", .text(minLength: 1, maxLength: 64, pattern: "^[a-z0-9-]+$"),
            description: "The code of one of the period's required documents, e.g. `ijazah`")
        let applicant = OpenAPISecurity.bearer(roles: ["applicant"])
        let reader = OpenAPISecurity.bearer(roles: ["applicant", "verifier", "supervisor", "admin"])
        document.add(.post(
            "/v1/applications", operationId: "startApplication",
            summary: "Start a draft application for one formation (one per period)", tags: ["applications"],
            body: .json(FormationChoice.self, maxBytes: jsonBody), security: applicant,
            responses: [.json(201, ApplicationView.self).header("Location", description: "The new application")],
            problems: [409, 422]))
        document.add(.get(
            "/v1/applications", operationId: "listMyApplications", summary: "The signed-in applicant's applications",
            tags: ["applications"], security: applicant, responses: [.json(200, Page<ApplicationView>.self)]))
        document.add(.get(
            "/v1/applications/{applicationId}", operationId: "getApplication",
            summary: "An application's whole progress (its applicant, or officers who review applications)",
            tags: ["applications"], parameters: [applicationId], security: reader,
            responses: [.json(200, ApplicationView.self)]))
        document.add(.put(
            "/v1/applications/{applicationId}/formation", operationId: "changeFormation",
            summary: "Move a draft to another formation of the same period", tags: ["applications"],
            parameters: [applicationId], body: .json(FormationChoice.self, maxBytes: jsonBody), security: applicant,
            responses: [.json(200, ApplicationView.self)], problems: [409, 422]))
        document.add(.put(
            "/v1/applications/{applicationId}/documents/{requirementCode}", operationId: "uploadDocument",
            summary: "Upload (or replace) one required document",
            description: "The whole body is the file. Its format is detected from its content (JPEG, PDF), never from "
                + "the name or declared type; the size limit is the period's for this document.",
            tags: ["applications"], parameters: [applicationId, requirementCode],
            body: .binary(["application/pdf", "image/jpeg", "application/octet-stream"],
                          maxBytes: SelectionPeriodRules.maximumDocumentBytes),
            security: applicant,
            responses: [.json(201, DocumentView.self).header("Location", description: "Where to download it")],
            problems: [409, 422]))
        document.add(.get(
            "/v1/applications/{applicationId}/documents/{requirementCode}", operationId: "downloadDocument",
            summary: "Download the current document for a requirement", tags: ["applications"],
            parameters: [applicationId, requirementCode], security: reader,
            responses: [.binary(200, ["application/pdf", "image/jpeg", "video/mp4"])
                .header("X-Document-SHA256", description: "SHA-256 of the bytes (hex)")]))
        document.add(.post(
            "/v1/applications/{applicationId}/submission", operationId: "submitApplication",
            summary: "Submit the application: eligibility, documents and deadline are checked; the data is frozen",
            tags: ["applications"], parameters: [applicationId], body: .json(SubmissionRequest.self, maxBytes: jsonBody),
            security: applicant,
            responses: [.json(201, RegistrationCard.self).header("Location", description: "The registration card")],
            problems: [409, 422]))
        document.add(.get(
            "/v1/applications/{applicationId}/card", operationId: "getRegistrationCard",
            summary: "The registration card of a submitted application", tags: ["applications"],
            parameters: [applicationId], security: reader, responses: [.json(200, RegistrationCard.self)],
            problems: [409]))
        document.add(.post(
            "/v1/applications/{applicationId}/withdrawal", operationId: "withdrawApplication",
            summary: "Withdraw a submitted application (until a verifier takes it up)", tags: ["applications"],
            parameters: [applicationId], body: .json(WithdrawalRequest.self, maxBytes: jsonBody), security: applicant,
            responses: [.json(200, ApplicationView.self)], problems: [409]))

        // MARK: Internal
        document.add(.get(
            "/internal/v1/documents/{documentId}", operationId: "fetchDocument",
            summary: "A document by id with its hash, for the verification service (forwarding an officer's token)",
            tags: ["internal"], parameters: [.path("documentId")],
            security: .bearer(roles: ["verifier", "supervisor", "admin"]),
            responses: [.binary(200, ["application/pdf", "image/jpeg", "video/mp4"])
                .header("X-Document-SHA256", description: "SHA-256 of the bytes (hex)")
                .header("Repr-Digest", description: "RFC 9530 digest of the bytes")]))
        document.add(.post(
            "/internal/v1/age-order", operationId: "ageOrder",
            summary: "Order tied applications by age (1 = oldest) for the final tie-break, without birth dates",
            tags: ["internal"], body: .json(AgeOrderRoutes.Request.self, maxBytes: jsonBody),
            security: .bearer(roles: ["exam_officer", "admin"]),
            responses: [.json(200, AgeOrderRoutes.Response.self)]))
    }
}
