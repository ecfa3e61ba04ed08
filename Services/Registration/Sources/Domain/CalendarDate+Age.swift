import Foundation
import RecruitmentEvents

extension CalendarDate {
    /// Full years of age on `date` (someone born on 29 February turns a year older on 1 March in common years).
    func age(on date: CalendarDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }
}
