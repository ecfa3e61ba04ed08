import Foundation
import Hummingbird
import RecruitmentEvents
import ServiceKit

/// Official announcements: public lists and details; drafting, reviewing and publishing for announcers.
struct AnnouncementRoutes: Sendable {
    let store: AnnouncementStore
    let maxBody: Int

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/v1/announcements") { request, _ in
            let limit = try request.pageLimit()
            var before = Int64.max
            if let raw = request.uri.queryParameters["cursor"] {
                guard let value = Int64(String(raw)), value > 0 else {
                    throw Problem.invalidField("cursor", code: "cursor-format", "a cursor from a previous page")
                }
                before = value
            }
            var kind: AnnouncementKind?
            if let raw = request.uri.queryParameters["kind"] {
                guard let value = AnnouncementKind(rawValue: String(raw)) else {
                    throw Problem.invalidField(
                        "kind", code: "enum", "one of " + AnnouncementKind.allCases.map(\.rawValue).joined(separator: ", "))
                }
                kind = value
            }
            let items = try await store.announcements(
                period: try request.uuidQueryParameter("periodId"),
                formation: try request.uuidQueryParameter("formationId"), kind: kind, before: before,
                limit: limit + 1)
            return JSONResponse(value: Page(upTo: limit, of: items) { "\($0.sequence)" })
        }
        router.get("/v1/announcements/:announcementId") { request, context in
            let id = try context.uuidParameter("announcementId")
            var after = -1
            if let raw = request.uri.queryParameters["cursor"] {
                guard let value = Int(String(raw)), value >= 0 else {
                    throw Problem.invalidField("cursor", code: "cursor-format", "a cursor from a previous page")
                }
                after = value
            }
            return JSONResponse(value: try await store.announcement(
                id, rowsAfter: after, limit: try request.pageLimit(default: 100, range: 1...1_000)))
        }

        let drafts = "/internal/v1/announcements/drafts"
        router.post(RouterPath(drafts)) { request, context in
            let announcer = try context.requireRole(.announcer, .admin)
            let body = try await request.decodeJSON(AnnouncementDraftRequest.self, maxBytes: maxBody)
            return JSONResponse(value: try await store.createDraft(body, by: announcer.accountId), status: .created)
        }
        router.get(RouterPath(drafts)) { _, context in
            _ = try context.requireRole(.announcer, .admin)
            return JSONResponse(value: Page(items: try await store.drafts(), nextCursor: nil))
        }
        router.get(RouterPath("\(drafts)/:draftId")) { _, context in
            _ = try context.requireRole(.announcer, .admin)
            return JSONResponse(value: try await store.draft(try context.uuidParameter("draftId")))
        }
        router.post(RouterPath("\(drafts)/:draftId/refresh")) { _, context in
            _ = try context.requireRole(.announcer, .admin)
            return JSONResponse(value: try await store.refreshDraft(try context.uuidParameter("draftId")))
        }
        router.delete(RouterPath("\(drafts)/:draftId")) { _, context in
            _ = try context.requireRole(.announcer, .admin)
            try await store.deleteDraft(try context.uuidParameter("draftId"))
            return Response(status: .noContent)
        }
        router.post(RouterPath("\(drafts)/:draftId/publish")) { _, context in
            let announcer = try context.requireRole(.announcer, .admin)
            let summary = try await store.publish(
                try context.uuidParameter("draftId"), by: announcer.accountId,
                correlationId: context.correlationId.isEmpty ? nil : context.correlationId)
            return JSONResponse(value: summary, status: .created)
        }
    }
}
