import ExamScoringRules
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RecruitmentEvents
import ServiceKit

/// Recording what happened at a session: SKD and SKB results, absences, disqualifications, and CAT file imports.
struct ResultRoutes: Sendable {
    let results: ResultCommands
    let schemes: SchemeStore
    let maxBody: Int

    /// The largest CAT file accepted (about 100,000 rows).
    static let maximumImportBytes = 8 << 20

    func register(on router: Router<ServiceRequestContext>) {
        router.post("/v1/participants/:participantNumber/skd-result") { request, context in
            let officer = try context.requireRole(.examOfficer)
            let number = try context.participantNumber()
            let body = try await request.decodeJSON(SkdResultRequest.self, maxBytes: self.maxBody)
            let event = try await self.results.recordSkd(number, body, context: context.command(officer))
            return JSONResponse(value: event, status: .created)
        }
        router.post("/v1/participants/:participantNumber/skb-result") { request, context in
            let officer = try context.requireRole(.examOfficer)
            let number = try context.participantNumber()
            let body = try await request.decodeJSON(SkbResultRequest.self, maxBytes: self.maxBody)
            let event = try await self.results.recordSkb(
                number, body, schemes: self.schemes, context: context.command(officer))
            return JSONResponse(value: event, status: .created)
        }
        router.post("/v1/participants/:participantNumber/absence") { request, context in
            let officer = try context.requireRole(.examOfficer)
            let number = try context.participantNumber()
            let body = try await request.decodeJSON(AbsenceRequest.self, maxBytes: self.maxBody)
            let event = try await self.results.recordAbsence(number, stage: body.stage, context: context.command(officer))
            return JSONResponse(value: event, status: .created)
        }
        router.post("/v1/participants/:participantNumber/disqualification") { request, context in
            let officer = try context.requireRole(.examOfficer)
            let number = try context.participantNumber()
            let body = try await request.decodeJSON(DisqualificationRequest.self, maxBytes: self.maxBody)
            let event = try await self.results.recordDisqualification(number, body, context: context.command(officer))
            return JSONResponse(value: event, status: .created)
        }
        router.post("/v1/skd-imports") { request, context in
            let officer = try context.requireRole(.examOfficer)
            let type = request.headers[.contentType]?.lowercased() ?? ""
            guard type.hasPrefix("text/csv") else { throw Problem.unsupportedMediaType(expected: "text/csv") }
            if let length = request.headers[.contentLength].flatMap(Int.init), length > Self.maximumImportBytes {
                throw Problem.payloadTooLarge(limit: Self.maximumImportBytes)
            }
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: Self.maximumImportBytes)
            } catch {
                throw Problem.payloadTooLarge(limit: Self.maximumImportBytes)
            }
            let summary = try await self.results.importSkd(Data(body.readableBytesView), context: context.command(officer))
            return JSONResponse(value: summary, status: .created)
        }
    }
}

extension ServiceRequestContext {
    /// The `participantNumber` path parameter, or 404 when it cannot be one.
    func participantNumber() throws -> String {
        let number = parameters.get("participantNumber") ?? ""
        guard ParticipantNumber.isPlausible(number) else { throw ExamRuleViolation.unknownParticipant(number) }
        return number
    }
}
