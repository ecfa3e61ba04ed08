import Foundation
import RecruitmentEvents

extension CalendarDate {
    /// Full years of age on `date` (someone born on 29 February turns a year older on 1 March in common years).
    func age(on date: CalendarDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }

    /// The calendar date of `instant` in `timeZone` (e.g. "today" in WITA).
    static func of(_ instant: Date, in timeZone: TimeZone) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
