import RecruitmentEvents
import ServiceKit

extension AnnouncementRoutes {
    /// Describes official announcements in the OpenAPI document.
    static func describe(into document: inout OpenAPIDocument, maxBody: Int) {
        document.addTag("announcements", description: "Official announcements: drafted, published, never changed")
        let announcer = OpenAPISecurity.bearer(roles: ["announcer", "admin"])
        let draft = OpenAPIParameter.path("draftId")
        document.add(.get(
            "/v1/announcements", operationId: "listAnnouncements", summary: "Published announcements, newest first",
            tags: ["announcements"],
            parameters: [
                .query("cursor", .string, description: "`nextCursor` of the previous page"),
                .query("limit", .integer(minimum: 1, maximum: 500), description: "Page size (default 100)"),
                .query("periodId", .uuid, description: "Only this period's"),
                .query("formationId", .uuid, description: "Only this formation's"),
                .query("kind", .enumeration(AnnouncementKind.self), description: "Only this kind"),
            ],
            responses: [.json(200, Page<AnnouncementSummary>.self)]))
        document.add(.get(
            "/v1/announcements/{announcementId}", operationId: "getAnnouncement",
            summary: "One announcement: its logged record and a page of its rows, each with its log record id",
            tags: ["announcements"],
            parameters: [
                .path("announcementId"),
                .query("cursor", .string, description: "`nextCursor` of the previous page"),
                .query("limit", .integer(minimum: 1, maximum: 1_000), description: "Rows per page (default 100)"),
            ],
            responses: [.json(200, AnnouncementDetail.self)]))
        document.add(.post(
            "/internal/v1/announcements/drafts", operationId: "draftAnnouncement",
            summary: "Draft an announcement from the read models (formation results, a period's formations or exam "
                + "schedule, or text)", tags: ["announcements"],
            body: .json(AnnouncementDraftRequest.self, maxBytes: maxBody), security: announcer,
            responses: [.json(201, AnnouncementDraftView.self)], problems: [409, 422]))
        document.add(.get(
            "/internal/v1/announcements/drafts", operationId: "listAnnouncementDrafts", summary: "Drafts under review",
            tags: ["announcements"], security: announcer, responses: [.json(200, Page<AnnouncementDraftView>.self)]))
        document.add(.get(
            "/internal/v1/announcements/drafts/{draftId}", operationId: "getAnnouncementDraft",
            summary: "One draft with its first rows", tags: ["announcements"], parameters: [draft],
            security: announcer, responses: [.json(200, AnnouncementDraftView.self)]))
        document.add(.post(
            "/internal/v1/announcements/drafts/{draftId}/refresh", operationId: "refreshAnnouncementDraft",
            summary: "Draw the draft again from the read models", tags: ["announcements"], parameters: [draft],
            security: announcer, responses: [.json(200, AnnouncementDraftView.self)], problems: [409]))
        document.add(.delete(
            "/internal/v1/announcements/drafts/{draftId}", operationId: "deleteAnnouncementDraft",
            summary: "Discard a draft", tags: ["announcements"], parameters: [draft], security: announcer,
            responses: [.empty(204)]))
        document.add(.post(
            "/internal/v1/announcements/drafts/{draftId}/publish", operationId: "publishAnnouncement",
            summary: "Publish a draft: numbered, appended to the transparency log row by row, immutable; 409 when "
                + "the results changed since it was drawn", tags: ["announcements"], parameters: [draft],
            security: announcer, responses: [.json(201, AnnouncementSummary.self)], problems: [409]))
    }
}
