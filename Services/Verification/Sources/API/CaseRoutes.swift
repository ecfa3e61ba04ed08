import EventStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Metrics
import NIOCore
import RecruitmentEvents
import ServiceKit

/// The officers' work on one case: read it, claim and release it, declare a conflict, open and judge its documents,
/// decide, countersign or return, and answer an objection.
struct CaseRoutes: Sendable {
    let commands: CaseCommands
    let documents: RegistrationDocumentClient
    let policy: VerificationPolicy
    let maxBody: Int

    var store: CaseStore { commands.store }
    var logger: Logger { commands.logger }

    /// Officers who may read cases.
    static let officerRoles: [Role] = [.verifier, .supervisor, .admin]

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/v1/cases") { request, context in
            let officer = try context.requireRole(Self.officerRoles)
            guard let applicationId = try request.uuidQueryParameter("applicationId") else {
                throw Problem.invalidField("applicationId", code: "required", "name the application whose case you want")
            }
            var items: [CaseView] = []
            if let loaded = try await self.store.load(application: applicationId) {
                items.append(try await self.view(loaded.state, caller: officer.accountId))
            }
            return JSONResponse(value: Page(items: items, nextCursor: nil))
        }
        router.get("/v1/cases/:caseId") { _, context in
            let officer = try context.requireRole(Self.officerRoles)
            let caseId = try context.uuidParameter("caseId")
            guard let loaded = try await self.store.load(caseId) else {
                throw Problem.notFound("No verification case \(caseId.eventKey).")
            }
            return JSONResponse(value: try await self.view(loaded.state, caller: officer.accountId))
        }
        router.get("/v1/cases/:caseId/history") { _, context in
            _ = try context.requireRole(Self.officerRoles)
            let caseId = try context.uuidParameter("caseId")
            guard try await self.store.load(caseId) != nil else {
                throw Problem.notFound("No verification case \(caseId.eventKey).")
            }
            let history = try await self.history(caseId, for: .officer)
            return JSONResponse(value: Page(items: history, nextCursor: nil))
        }
        router.post("/v1/cases/:caseId/claim") { _, context in
            let verifier = try context.requireRole(.verifier)
            let caseId = try context.uuidParameter("caseId")
            let state = try await self.commands.execute(caseId, request: context) { state in
                try state.claim(by: verifier.accountId, lease: self.policy.lease, now: Date())
            }
            return JSONResponse(value: try await self.committedView(state, caller: verifier.accountId))
        }
        router.post("/v1/cases/:caseId/release") { _, context in
            let verifier = try context.requireRole(.verifier)
            let caseId = try context.uuidParameter("caseId")
            let state = try await self.commands.execute(caseId, request: context) { state in
                try state.release(by: verifier.accountId, now: Date())
            }
            return JSONResponse(value: try await self.committedView(state, caller: verifier.accountId))
        }
        router.post("/v1/cases/:caseId/conflicts") { request, context in
            let officer = try context.requireRole(.verifier, .supervisor)
            let caseId = try context.uuidParameter("caseId")
            let body = try await request.decodeJSON(ConflictDeclaration.self, maxBytes: self.maxBody)
            let state = try await self.commands.execute(caseId, request: context) { state in
                try state.declareConflict(by: officer.accountId, relationship: body.relationship, now: Date())
            }
            return JSONResponse(value: try await self.committedView(state, caller: officer.accountId), status: .created)
        }
        router.get("/v1/cases/:caseId/documents/:documentId") { request, context in
            try await self.openDocument(request, context: context)
        }
        router.put("/v1/cases/:caseId/documents/:documentId/review") { request, context in
            let verifier = try context.requireRole(.verifier)
            let caseId = try context.uuidParameter("caseId")
            let documentId = try context.uuidParameter("documentId")
            let body = try await request.decodeJSON(DocumentReviewRequest.self, maxBytes: self.maxBody)
            let inspected = try await self.store.wasInspected(case: caseId, document: documentId)
            let state = try await self.commands.execute(caseId, request: context) { state in
                try state.review(
                    documentId: documentId, verdict: body.verdict, reasonCode: body.reasonCode, note: body.note,
                    by: verifier.accountId, inspected: inspected, now: Date())
            }
            return JSONResponse(value: try await self.committedView(state, caller: verifier.accountId))
        }
        router.post("/v1/cases/:caseId/decision") { request, context in
            let verifier = try context.requireRole(.verifier)
            let caseId = try context.uuidParameter("caseId")
            let body = try await request.decodeJSON(DecisionRequest.self, maxBytes: self.maxBody)
            let state = try await self.commands.execute(caseId, request: context) { state in
                try state.decide(
                    outcome: body.outcome, unmetRequirements: body.unmetRequirements ?? [], by: verifier.accountId,
                    countersignature: self.policy.countersignature, decisionId: UUID(), now: Date())
            }
            return JSONResponse(value: try await self.committedView(state, caller: verifier.accountId), status: .created)
        }
        router.post("/v1/cases/:caseId/countersignature") { _, context in
            let supervisor = try context.requireRole(.supervisor)
            let caseId = try context.uuidParameter("caseId")
            let state = try await self.commands.execute(caseId, request: context) { state in
                try state.countersign(by: supervisor.accountId)
            }
            return JSONResponse(value: try await self.committedView(state, caller: supervisor.accountId), status: .created)
        }
        router.post("/v1/cases/:caseId/return") { request, context in
            let supervisor = try context.requireRole(.supervisor)
            let caseId = try context.uuidParameter("caseId")
            let body = try await request.decodeJSON(ReturnRequest.self, maxBytes: self.maxBody)
            let state = try await self.commands.execute(caseId, request: context) { state in
                try state.returnDecision(by: supervisor.accountId, reason: body.reason)
            }
            return JSONResponse(value: try await self.committedView(state, caller: supervisor.accountId))
        }
        router.post("/v1/cases/:caseId/objection/resolution") { request, context in
            let supervisor = try context.requireRole(.supervisor)
            let caseId = try context.uuidParameter("caseId")
            let body = try await request.decodeJSON(ObjectionResolutionRequest.self, maxBytes: self.maxBody)
            let state = try await self.commands.execute(caseId, request: context) { state in
                try state.resolveObjection(by: supervisor.accountId, outcome: body.outcome, answer: body.answer)
            }
            return JSONResponse(value: try await self.committedView(state, caller: supervisor.accountId), status: .created)
        }
    }

    // MARK: Documents

    /// Streams a document to an officer after checking its bytes against the SHA-256 recorded at submission; a
    /// mismatch is refused (502) and raised as an integrity alert.
    func openDocument(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let officer = try context.requireRole(Self.officerRoles)
        let caseId = try context.uuidParameter("caseId")
        let documentId = try context.uuidParameter("documentId")
        guard let loaded = try await store.load(caseId) else {
            throw Problem.notFound("No verification case \(caseId.eventKey).")
        }
        let state = loaded.state
        guard let document = state.documents.first(where: { $0.documentId == documentId }) else {
            throw VerificationRuleViolation.documentNotInCase(documentId)
        }
        // A verifier reads documents of the case they hold; supervisors and administrators read any.
        if !officer.hasAny(of: [.supervisor, .admin]) {
            guard let claim = state.claim, claim.verifierId == officer.accountId else {
                throw VerificationRuleViolation.notClaimedByYou
            }
            guard claim.isActive(at: Date()) else { throw VerificationRuleViolation.leaseExpired(at: claim.leaseExpiresAt) }
        }
        let authorization = request.headers[.authorization] ?? ""
        let fetched: RegistrationDocumentClient.Fetched
        do {
            fetched = try await documents.fetch(documentId, expectedSha256: document.sha256, authorization: authorization)
        } catch {
            throw try await problem(for: error, caseId: caseId, document: document, officer: officer.accountId)
        }
        try await store.recordInspection(case: caseId, document: documentId, officer: officer.accountId, at: Date())
        var headers = HTTPFields()
        headers[.contentType] = fetched.contentType
        headers[.cacheControl] = "private, no-store"
        headers[HTTPField.Name("X-Document-SHA256")!] = document.sha256
        headers[.contentDisposition] = "inline; filename=\"\(document.requirementCode)\""
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: fetched.bytes))
    }

    /// The problem for a document that cannot be shown; a hash mismatch is also recorded and reported.
    func problem(for failure: RegistrationDocumentClient.Failure, caseId: UUID, document: VerificationCase.Document,
                 officer: UUID) async throws -> Problem
    {
        switch failure {
        case .hashMismatch(let actual):
            let alert = IntegrityAlert(
                alertId: UUID(), caseId: caseId, documentId: document.documentId, expectedSha256: document.sha256,
                actualSha256: actual, officerId: officer, detectedAt: Date())
            try await store.recordIntegrityAlert(alert)
            Counter(label: "asn_verification_document_integrity_alerts_total").increment()
            logger.error("document does not match the SHA-256 recorded at submission", metadata: [
                "alert_id": "\(alert.alertId.eventKey)", "case_id": "\(caseId.eventKey)",
                "document_id": "\(document.documentId.eventKey)", "expected_sha256": "\(document.sha256)",
                "actual_sha256": "\(actual)",
            ])
            return Problem(
                type: "/problems/document-integrity", title: "Document integrity check failed", status: .badGateway,
                detail: "The document's bytes do not match the SHA-256 recorded at submission. It is not shown; "
                    + "alert \(alert.alertId.eventKey) was raised for the supervisors.")
        case .unavailable(let status):
            return Problem(
                type: "/problems/document-unavailable", title: "Document unavailable", status: .badGateway,
                detail: "The registration service answered \(status) for this document.")
        case .unreachable:
            return Problem.unavailable(
                "The registration service, which holds the documents, is unavailable for the moment; try again.")
        }
    }

    // MARK: Views

    /// ``view(_:caller:)`` of a state a command has just committed: waits out a brief database outage rather than
    /// answer 503 for a change that was made.
    func committedView(_ state: VerificationCase, caller: UUID) async throws -> CaseView {
        try await answeringCommittedChange { try await view(state, caller: caller) }
    }

    func view(_ state: VerificationCase, caller: UUID) async throws -> CaseView {
        let formation = try await store.formation(state.formationId)
        let inspected = try await store.inspectedDocuments(case: state.caseId)
        return CaseView(state, formation: formation, inspected: inspected, caller: caller)
    }

    /// The case's history from its stream.
    func history(_ caseId: UUID, for audience: CaseHistory.Audience) async throws -> [CaseHistoryEntry] {
        let envelopes = try await commands.eventStore.loadStream(VerificationCase.streamId(caseId))
        var events: [(event: any RecruitmentEvent, version: Int64, time: Date)] = []
        for envelope in envelopes {
            events.append((try EventRegistry.standard.decode(envelope), envelope.streamVersion, envelope.time))
        }
        return CaseHistory.entries(events, for: audience)
    }
}

/// The configurable rules of the service.
struct VerificationPolicy: Sendable {
    /// How long a claim holds.
    var lease: Duration
    /// Which decisions need four eyes.
    var countersignature: CountersignaturePolicy
    /// The objection period.
    var objectionWindow: ObjectionWindowPolicy
    /// Whether applicants see which officer did what in their case's history.
    var historyShowsOfficers: Bool
}
