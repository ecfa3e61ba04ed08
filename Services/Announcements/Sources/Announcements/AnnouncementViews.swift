import Foundation
import RecruitmentEvents
import TransparencyLog

/// A published announcement in lists: what it is, its number and where it sits in the log.
struct AnnouncementSummary: Codable, Sendable, Equatable {
    var announcementId: UUID
    var sequence: Int64
    var number: String
    var kind: AnnouncementKind
    var title: String
    var dated: CalendarDate
    var periodId: UUID?
    var formationId: UUID?
    var correctsAnnouncementId: UUID?
    /// Later announcements that correct this one.
    var correctedBy: [UUID]
    var rowCount: Int
    /// The announcement's own record in the transparency log (its id is the announcement id).
    var recordId: UUID
    var leafIndex: Int64
    var publishedAt: Date
}

/// A published announcement with its full record (the JSON the log commits to) and a page of its rows.
struct AnnouncementDetail: Codable, Sendable {
    var announcement: AnnouncementSummary
    /// The record committed to the transparency log: check it with `GET /v1/log/records/{recordId}`.
    var record: JSONValue
    var rows: [AnnouncementRowView]
    var nextCursor: String?
}

/// One published row: its log record id and leaf, and the row as published.
struct AnnouncementRowView: Codable, Sendable {
    var position: Int
    var recordId: UUID
    var leafIndex: Int64
    var row: JSONValue
}

/// A draft as the announcer reviews it before publishing.
struct AnnouncementDraftView: Codable, Sendable {
    var draftId: UUID
    var request: AnnouncementDraftRequest
    var summary: JSONValue
    var rowCount: Int
    /// The first rows, for review.
    var rows: [JSONValue]
    var createdBy: UUID
    var createdAt: Date
    var refreshedAt: Date
}
