import Foundation
import ServiceKit
import Testing
@testable import Announcements

/// The announcement types' schemas derive from their Swift types, JSON records included.
@Suite struct AnnouncementsOpenAPITests {
    @Test func announcementAndResultOperationsRender() throws {
        var document = OpenAPIDocument(title: "announcements", version: "test")
        PublicResultsRoutes.describe(into: &document)
        OpenDataRoutes.describe(into: &document)
        AnnouncementRoutes.describe(into: &document, maxBody: 65_536)
        let text = String(decoding: try document.jsonData(pretty: true), as: UTF8.self)
        #expect(text.contains("\"/internal/v1/announcements/drafts/{draftId}/publish\""))
        #expect(text.contains("AnnouncementDetail"))
    }
}

extension AnnouncementsOpenAPITests {
    @Test func dump() throws {
        var document = OpenAPIDocument(title: "announcements", version: "test")
        AnnouncementRoutes.describe(into: &document, maxBody: 65_536)
        let text = String(decoding: try document.jsonData(pretty: true), as: UTF8.self)
        try text.write(toFile: "/tmp/ann-openapi.json", atomically: true, encoding: .utf8)
    }
}
