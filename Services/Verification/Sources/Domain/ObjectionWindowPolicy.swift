import Foundation
import RecruitmentEvents

/// The objection period (masa sanggah) of an administrative result (DOMAIN §1.5): it opens with the announcement and
/// runs for `windowDays` calendar days after the announcement's day, counted in the agency's time zone; answers are
/// due within `answerDays` calendar days after the window closes. Both are configuration (3 and 7 by default).
struct ObjectionWindowPolicy: Sendable, Equatable {
    var windowDays: Int
    var answerDays: Int

    static let standard = ObjectionWindowPolicy(windowDays: 3, answerDays: 7)

    /// The window opened by a publication at `publishedAt` of an agency in `timeZone`. Closing instants are the last
    /// second of their calendar day (`…T23:59:59` local), as announcements state them.
    func window(publishedAt: Date, timeZone: TimeZone) -> ObjectionWindow {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let publicationDay = calendar.startOfDay(for: publishedAt)
        let windowEnd = calendar.date(byAdding: .day, value: windowDays + 1, to: publicationDay)!
        let answersEnd = calendar.date(byAdding: .day, value: answerDays, to: windowEnd)!
        return ObjectionWindow(
            opensAt: publishedAt, closesAt: windowEnd.addingTimeInterval(-1),
            answersDueAt: answersEnd.addingTimeInterval(-1))
    }
}

extension ObjectionWindow {
    /// Whether an objection may be filed at `now`: from the opening instant through the whole closing second.
    func accepts(_ now: Date) -> Bool {
        now >= opensAt && now < closesAt.addingTimeInterval(1)
    }

    /// Whether an objection still unanswered at `now` is overdue.
    func isAnswerOverdue(at now: Date) -> Bool {
        now >= answersDueAt.addingTimeInterval(1)
    }
}
