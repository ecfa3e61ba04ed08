import Foundation
import TransparencyLog

/// What an announcement says, drawn from the read models when drafted: a summary (the formation or period and the
/// figures of the stage) and the rows it publishes. Both are plain JSON so that each row can be committed to the
/// transparency log as it is shown.
struct AnnouncementContent: Codable, Sendable, Equatable {
    var summary: JSONValue
    var rows: [JSONValue]
}

/// An exam session as an exam-schedule announcement lists it.
struct ScheduledSession: Codable, Sendable, Equatable {
    var sessionId: UUID
    var stage: String
    var siteCode: String?
    var siteName: String
    var siteRegency: String?
    var label: String
    var startsAt: Date
    var startsAtLocal: String
    var durationMinutes: Int
    var capacity: Int
}
