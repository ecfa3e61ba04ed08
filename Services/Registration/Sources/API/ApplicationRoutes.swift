import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RecruitmentEvents
import ServiceKit

/// The applicant's application flow, and document downloads for the owner and for verification officers.
struct ApplicationRoutes: Sendable {
    let commands: ApplicationCommands
    let maxBody: Int

    var store: ApplicationStore { commands.store }
    var catalogue: CatalogueRoutes { commands.catalogue }

    /// Officers who may read any application and its documents.
    static let reviewingRoles: [Role] = [.verifier, .supervisor, .admin]

    func register(on router: Router<ServiceRequestContext>) {
        router.post("/v1/applications") { request, context in
            let applicant = try context.requireRole(.applicant)
            let body = try await request.decodeJSON(FormationChoice.self, maxBytes: self.maxBody)
            let record = try await self.commands.start(
                applicantId: applicant.accountId, formationId: body.formationId, request: context, now: Date())
            return JSONResponse(value: try await answeringCommittedChange { try await self.view(record) }, status: .created,
                                headers: [.location: "/v1/applications/\(record.applicationId.eventKey)"])
        }
        router.get("/v1/applications") { _, context in
            let applicant = try context.requireRole(.applicant)
            var views: [ApplicationView] = []
            for record in try await self.store.applications(ofApplicant: applicant.accountId) {
                views.append(try await self.view(record))
            }
            return JSONResponse(value: Page(items: views, nextCursor: nil))
        }
        router.get("/v1/applications/:applicationId") { _, context in
            let record = try await self.readable(context)
            return JSONResponse(value: try await self.view(record))
        }
        router.put("/v1/applications/:applicationId/formation") { request, context in
            let applicant = try context.requireRole(.applicant)
            let id = try context.uuidParameter("applicationId")
            let body = try await request.decodeJSON(FormationChoice.self, maxBytes: self.maxBody)
            let record = try await self.commands.changeFormation(
                id, applicantId: applicant.accountId, formationId: body.formationId, request: context, now: Date())
            return JSONResponse(value: try await answeringCommittedChange { try await self.view(record) })
        }
        router.put("/v1/applications/:applicationId/documents/:requirementCode") { request, context in
            let applicant = try context.requireRole(.applicant)
            let id = try context.uuidParameter("applicationId")
            let code = try Self.requirementCode(context)
            let body = try await self.collectUpload(request)
            let document = try await self.commands.upload(
                id, applicantId: applicant.accountId, requirementCode: code, body: body, request: context, now: Date())
            return JSONResponse(value: Self.view(document, applicationId: id), status: .created,
                                headers: [.location: Self.downloadPath(id, code)])
        }
        router.get("/v1/applications/:applicationId/documents/:requirementCode") { _, context in
            let record = try await self.readable(context)
            let code = try Self.requirementCode(context)
            guard let documentId = try await self.store.currentDocumentId(
                      of: record.applicationId, requirementCode: code),
                  let found = try await self.store.document(documentId)
            else { throw Problem.notFound("No document \"\(code)\" in this application.") }
            return Self.download(found.document, content: found.content)
        }
        router.post("/v1/applications/:applicationId/submission") { request, context in
            let applicant = try context.requireRole(.applicant)
            let id = try context.uuidParameter("applicationId")
            let body = try await request.decodeJSON(SubmissionRequest.self, maxBytes: self.maxBody)
            let (record, formation, period) = try await self.commands.submit(
                id, applicantId: applicant.accountId, body: body, request: context, now: Date())
            return JSONResponse(value: try Self.card(record, formation: formation, period: period), status: .created,
                                headers: [.location: "/v1/applications/\(id.eventKey)/card"])
        }
        router.get("/v1/applications/:applicationId/card") { _, context in
            let record = try await self.readable(context)
            guard record.submission != nil else {
                throw RegistrationProblem.applicationNotDraft(status: "not submitted")
            }
            return JSONResponse(value: try await self.card(record))
        }
        router.post("/v1/applications/:applicationId/withdrawal") { request, context in
            let applicant = try context.requireRole(.applicant)
            let id = try context.uuidParameter("applicationId")
            let body = try await request.decodeJSON(WithdrawalRequest.self, maxBytes: self.maxBody)
            let record = try await self.commands.withdraw(
                id, applicantId: applicant.accountId, body: body, request: context, now: Date())
            return JSONResponse(value: try await answeringCommittedChange { try await self.view(record) })
        }
        // For the verification service: a document by id with its hash, for officers who review applications.
        router.get("/internal/v1/documents/:documentId") { _, context in
            _ = try context.requireRole(Self.reviewingRoles)
            let id = try context.uuidParameter("documentId")
            guard let found = try await self.store.document(id) else {
                throw Problem.notFound("No document \(id.eventKey).")
            }
            return Self.download(found.document, content: found.content)
        }
    }

    // MARK: Authorisation

    /// The application named in the path, if the caller owns it or reviews applications. Accounts that are neither
    /// applicants nor reviewers (an exam officer, an announcer) get 403 before any lookup, as the document's
    /// `x-required-roles` says; an applicant gets 404 for anyone else's, so its existence is not revealed.
    func readable(_ context: ServiceRequestContext) async throws -> ApplicationRecord {
        let identity = try context.requireRole([.applicant] + Self.reviewingRoles)
        let id = try context.uuidParameter("applicationId")
        guard let record = try await store.application(id),
              record.applicantId == identity.accountId || !identity.roles.isDisjoint(with: Self.reviewingRoles)
        else { throw Problem.notFound("No application \(id.eventKey) of yours.") }
        return record
    }

    // MARK: Uploads and downloads

    /// The raw body of an upload, up to the largest size any document may have (the requirement's own limit is
    /// checked after, with the exact figure in the problem).
    func collectUpload(_ request: Request) async throws -> ByteBuffer {
        let ceiling = Self.uploadCeiling
        if let length = request.headers[.contentLength].flatMap(Int.init), length > ceiling {
            throw RegistrationProblem.documentRejected(.tooLarge(sizeBytes: length, maximumBytes: ceiling))
        }
        do {
            return try await request.body.collect(upTo: ceiling)
        } catch {
            throw RegistrationProblem.documentRejected(.tooLarge(sizeBytes: ceiling + 1, maximumBytes: ceiling))
        }
    }

    /// No period may allow documents above this (SelectionPeriodRules caps `maximumSizeBytes`).
    static let uploadCeiling = SelectionPeriodRules.maximumDocumentBytes

    static func requirementCode(_ context: ServiceRequestContext) throws -> String {
        guard let code = context.parameters.get("requirementCode"), !code.isEmpty, code.count <= 64,
              code.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        else {
            throw Problem.invalidField("requirementCode", code: "requirement-code-format",
                                       "a requirement code such as ijazah or pas-foto")
        }
        return code
    }

    static func download(_ document: StoredDocument, content: ByteBuffer) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = document.format.rawValue
        headers[.contentDisposition] =
            "attachment; filename=\"\(document.requirementCode).\(document.format == .pdf ? "pdf" : document.format == .jpeg ? "jpg" : "mp4")\""
        headers[.cacheControl] = "private, no-store"
        headers[.eTag] = "\"\(document.sha256)\""
        headers[HTTPField.Name("X-Document-Id")!] = document.documentId.eventKey
        headers[HTTPField.Name("X-Document-SHA256")!] = document.sha256
        if let digest = Data(hex: document.sha256) {
            headers[HTTPField.Name("Repr-Digest")!] = "sha-256=:\(digest.base64EncodedString()):"
        }
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: content))
    }

    static func downloadPath(_ applicationId: UUID, _ code: String) -> String {
        "/v1/applications/\(applicationId.eventKey)/documents/\(code)"
    }

    static func view(_ document: StoredDocument, applicationId: UUID) -> DocumentView {
        DocumentView(
            documentId: document.documentId, requirementCode: document.requirementCode, type: document.type,
            format: document.format, sizeBytes: document.sizeBytes, sha256: document.sha256,
            uploadedAt: document.uploadedAt, download: downloadPath(applicationId, document.requirementCode))
    }

    // MARK: Views

    func view(_ record: ApplicationRecord) async throws -> ApplicationView {
        guard let formation = try await catalogue.formation(record.formationId),
              let period = try await catalogue.period(record.periodId)?.event
        else { throw Problem.internalError() }
        // In the period's order of requirements, as the portal lists them.
        let order = Dictionary(period.requiredDocuments.enumerated().map { ($1.code, $0) }) { first, _ in first }
        let documents = try await store.currentDocuments(of: record.applicationId)
            .sorted { (order[$0.requirementCode] ?? .max, $0.requirementCode) < (order[$1.requirementCode] ?? .max, $1.requirementCode) }
        let uploaded = Set(documents.map(\.requirementCode))
        let missing = record.status == .draft
            ? period.requiredDocuments.filter {
                $0.mandatory && $0.applies(to: formation.kind) && !uploaded.contains($0.code)
            }.map(\.code)
            : []
        let publishedAt = record.status == .submitted
            ? try await store.administrativeResultsPublishedAt(period: record.periodId, formation: record.formationId)
            : nil
        return ApplicationView(
            applicationId: record.applicationId, applicantId: record.applicantId, periodId: record.periodId,
            formation: FormationSummary(formation), status: record.status.rawValue,
            registrationNumber: record.registrationNumber, startedAt: record.startedAt,
            submittedAt: record.submittedAt, withdrawnAt: record.withdrawnAt,
            documents: documents.map { Self.view($0, applicationId: record.applicationId) },
            missingDocuments: missing,
            canWithdraw: record.status == .submitted && record.verificationStartedAt == nil,
            verification: ApplicationProgress.verification(record, resultsPublishedAt: publishedAt),
            history: ApplicationProgress.history(record, resultsPublishedAt: publishedAt))
    }

    func card(_ record: ApplicationRecord) async throws -> RegistrationCard {
        guard let submission = record.submission,
              let formation = try await catalogue.formation(submission.formationId),
              let period = try await catalogue.period(submission.periodId)?.event
        else { throw Problem.internalError() }
        return try Self.card(record, formation: formation, period: period)
    }

    static func card(_ record: ApplicationRecord, formation: FormationPublishedV1, period: SelectionPeriodOpenedV1)
        throws -> RegistrationCard
    {
        guard let submission = record.submission, let submittedAt = record.submittedAt else {
            throw Problem.internalError()
        }
        let zone = TimeZone(identifier: period.timeZone) ?? TimeDisplay.wib
        return RegistrationCard(
            registrationNumber: submission.registrationNumber, applicationId: record.applicationId,
            applicantName: submission.applicantName, agencyName: period.agencyName, periodName: period.name,
            formation: FormationSummary(formation), education: submission.education, submittedAt: submittedAt,
            submittedAtLocal: TimeDisplay.local(submittedAt, in: zone),
            submittedAtWIB: TimeDisplay.local(submittedAt, in: TimeDisplay.wib), documents: submission.documents)
    }
}
