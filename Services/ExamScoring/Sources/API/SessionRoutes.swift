import ExamScoringRules
import Foundation
import HTTPTypes
import Hummingbird
import RecruitmentEvents
import ServiceKit

/// Sessions, seating, rosters and answer keys: the exam officer's preparation of a stage.
struct SessionRoutes: Sendable {
    let sessions: SessionCommands
    let seating: SeatingCommands
    let rosters: RosterStore
    let packages: PackageStore
    let maxBody: Int

    /// Officers who read exam data.
    static let readers: [Role] = [.examOfficer, .admin, .announcer]

    func register(on router: Router<ServiceRequestContext>) {
        router.post("/v1/sessions") { request, context in
            let officer = try context.requireRole(.examOfficer)
            let body = try await request.decodeJSON(ScheduleSessionRequest.self, maxBytes: self.maxBody)
            let view = try await self.sessions.schedule(body, context: context.command(officer))
            return JSONResponse(value: view, status: .created)
        }
        router.get("/v1/sessions") { request, context in
            _ = try context.requireRole(Self.readers)
            guard let periodId = try request.uuidQueryParameter("periodId") else {
                throw Problem.invalidField("periodId", code: "required", "name the period whose sessions you want")
            }
            return JSONResponse(value: Page(items: try await self.sessions.sessions(ofPeriod: periodId), nextCursor: nil))
        }
        router.get("/v1/sessions/:sessionId") { _, context in
            _ = try context.requireRole(Self.readers)
            let sessionId = try context.uuidParameter("sessionId")
            guard let view = try await self.sessions.session(sessionId) else {
                throw ExamRuleViolation.unknownSession(sessionId)
            }
            return JSONResponse(value: view)
        }
        router.post("/v1/sessions/:sessionId/reschedule") { request, context in
            let officer = try context.requireRole(.examOfficer)
            let sessionId = try context.uuidParameter("sessionId")
            let body = try await request.decodeJSON(RescheduleSessionRequest.self, maxBytes: self.maxBody)
            return JSONResponse(value: try await self.sessions.reschedule(sessionId, body, context: context.command(officer)))
        }
        router.get("/v1/sessions/:sessionId/roster") { request, context in
            _ = try context.requireRole(Self.readers)
            let sessionId = try context.uuidParameter("sessionId")
            guard try await self.sessions.session(sessionId) != nil else {
                throw ExamRuleViolation.unknownSession(sessionId)
            }
            let limit = try request.pageLimit()
            let cursor = request.uri.queryParameters.get("cursor")
            if let cursor, cursor.utf8.count > 64 {
                throw Problem.invalidField("cursor", code: "invalid", "not a cursor of this list")
            }
            let entries = try await self.rosters.roster(of: sessionId, limit: limit + 1, after: cursor)
            return JSONResponse(value: Page(upTo: limit, of: entries) { $0.seat })
        }
        router.post("/v1/periods/:periodId/seating") { request, context in
            let officer = try context.requireRole(.examOfficer)
            let periodId = try context.uuidParameter("periodId")
            let body = try await request.decodeJSON(SeatingRequest.self, maxBytes: self.maxBody)
            let summary = try await self.seating.seat(period: periodId, stage: body.stage, context: context.command(officer))
            return JSONResponse(value: summary)
        }
        router.post("/v1/exam-packages") { request, context in
            let officer = try context.requireRole(.examOfficer)
            let body = try await request.decodeJSON(CreatePackageRequest.self, maxBytes: self.maxBody)
            let code = body.code.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...40).contains(code.count) else {
                throw Problem.invalidField("code", code: "length", "1 to 40 characters")
            }
            let key = try scoring { () throws(ScoreValidationError) in try body.answerKey.validated() }
            let summary = try await self.packages.create(
                periodId: body.periodId, code: code, key: key, context: context.command(officer))
            return JSONResponse(value: summary, status: .created)
        }
        router.get("/v1/exam-packages") { request, context in
            _ = try context.requireRole(.examOfficer)
            guard let periodId = try request.uuidQueryParameter("periodId") else {
                throw Problem.invalidField("periodId", code: "required", "name the period whose packages you want")
            }
            return JSONResponse(value: Page(items: try await self.packages.packages(ofPeriod: periodId), nextCursor: nil))
        }
    }
}

extension ServiceRequestContext {
    /// The command context of an authenticated officer's request.
    func command(_ officer: AuthenticatedIdentity) -> CommandContext {
        CommandContext(actor: officer.accountId, correlationId: correlationId, traceparent: traceparent)
    }
}
