import Foundation
import HTTPTypes
import Hummingbird
import RecruitmentEvents
import ServiceKit

/// The applicant's side: their verification status and history, and the objection (sanggah).
struct ApplicantRoutes: Sendable {
    let cases: CaseRoutes
    let maxBody: Int

    var store: CaseStore { cases.store }

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/v1/applications/:applicationId/verification") { _, context in
            let applicant = try context.requireRole(.applicant)
            let loaded = try await self.ownCase(context, applicant: applicant.accountId)
            return JSONResponse(value: try await self.view(loaded.state, now: Date()))
        }
        router.post("/v1/applications/:applicationId/objection") { request, context in
            let applicant = try context.requireRole(.applicant)
            let body = try await request.decodeJSON(ObjectionRequest.self, maxBytes: self.maxBody)
            let loaded = try await self.ownCase(context, applicant: applicant.accountId)
            let window = try await self.store.initialPublication(formation: loaded.state.formationId)?.objectionWindow
            let state = try await self.cases.commands.execute(loaded.state.caseId, request: context) { state in
                try state.fileObjection(
                    by: applicant.accountId, disputedRequirementCodes: body.disputedRequirementCodes,
                    reason: body.reason, window: window, objectionId: UUID(), now: Date())
            }
            return JSONResponse(
                value: try await answeringCommittedChange { try await self.view(state, now: Date()) }, status: .created)
        }
    }

    /// The caller's own case; anyone else's is 404, so its existence is not revealed.
    func ownCase(_ context: ServiceRequestContext, applicant: UUID) async throws -> CaseStore.Loaded {
        let applicationId = try context.uuidParameter("applicationId")
        guard let loaded = try await store.load(application: applicationId), loaded.state.applicantId == applicant
        else {
            throw Problem.notFound(
                "No verification of application \(applicationId.eventKey) of yours (it may not have reached verification yet).")
        }
        return loaded
    }

    func view(_ state: VerificationCase, now: Date) async throws -> ApplicantVerificationView {
        let window = try await store.initialPublication(formation: state.formationId)?.objectionWindow
        let published = window != nil && state.finalOutcome != nil
        let stage: String = switch state.status {
        case .closed: "closed"
        case .decided: published ? "published" : "awaiting-publication"
        case .open, .claimed, .awaitingCountersignature: "in-verification"
        }
        let outcome = published ? state.finalOutcome : nil
        let history = try await cases.history(
            state.caseId,
            for: .applicant(resultsPublished: published, showOfficers: cases.policy.historyShowsOfficers))
        return ApplicantVerificationView(
            applicationId: state.applicationId, registrationNumber: state.registrationNumber, stage: stage,
            outcome: outcome,
            unmetRequirements: outcome == .tms ? state.decision?.unmetRequirements : nil,
            documents: published ? state.documents.map {
                ApplicantDocumentVerdict(
                    requirementCode: $0.requirementCode, type: $0.type, verdict: $0.review?.verdict,
                    reasonCode: $0.review?.reasonCode, note: $0.review?.note)
            } : nil,
            objectionWindow: published ? window : nil,
            canObject: published && state.finalOutcome == .tms && state.objection == nil
                && window?.accepts(now) == true,
            objection: state.objection, history: history)
    }
}
