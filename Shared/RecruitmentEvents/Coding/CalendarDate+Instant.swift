public import Foundation

extension CalendarDate {
    /// The calendar date of `instant` in `timeZone` (e.g. "today" in WITA).
    public static func of(_ instant: Date, in timeZone: TimeZone) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
