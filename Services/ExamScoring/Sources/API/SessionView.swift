import Foundation
import RecruitmentEvents
import ServiceKit

/// A session as officers and applicants see it, with its start in UTC, the agency's time zone and WIB.
struct SessionView: Codable, Sendable {
    var sessionId: UUID
    var periodId: UUID
    var stage: ExamStage
    var site: ExamSite
    var label: String
    var startsAt: Date
    var startsAtLocal: String
    var startsAtWIB: String
    var durationMinutes: Int
    var capacity: Int
    var seatsTaken: Int
}
