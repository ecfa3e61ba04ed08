public import Foundation

/// The wire format of instants: UTC, ISO 8601, millisecond precision, e.g. `2024-09-10T16:59:00.000Z`.
///
/// Formatting and parsing are done by hand (civil-calendar arithmetic on integer milliseconds) so the result does not
/// depend on locale, calendar settings or platform formatters, and so a formatted instant always parses back to the
/// same `Date`.
public enum EventTimestamp {
    /// Formats `date` as `YYYY-MM-DDTHH:MM:SS.mmmZ`, rounded to the nearest millisecond.
    public static func string(from date: Date) -> String {
        let milliseconds = epochMilliseconds(of: date)
        let days = floorDivide(milliseconds, 86_400_000)
        let millisecondOfDay = milliseconds - days * 86_400_000
        let (year, month, day) = CivilCalendar.date(fromDaysSinceEpoch: days)
        let hour = millisecondOfDay / 3_600_000
        let minute = millisecondOfDay / 60_000 % 60
        let second = millisecondOfDay / 1000 % 60
        let millisecond = millisecondOfDay % 1000
        return CivilCalendar.pad(year, 4) + "-" + CivilCalendar.pad(month, 2) + "-" + CivilCalendar.pad(day, 2)
            + "T" + CivilCalendar.pad(hour, 2) + ":" + CivilCalendar.pad(minute, 2) + ":" + CivilCalendar.pad(second, 2)
            + "." + CivilCalendar.pad(millisecond, 3) + "Z"
    }

    /// Parses an RFC 3339 / ISO 8601 instant with or without fractional seconds, with `Z` or a `±HH:MM` offset.
    ///
    /// Fractional digits beyond milliseconds are truncated. Returns `nil` for anything else (no date-only values, no
    /// missing offset, no out-of-range fields).
    public static func date(from string: String) -> Date? {
        var scanner = DigitScanner(string)
        guard let year = scanner.number(digits: 4), scanner.consume("-"),
              let month = scanner.number(digits: 2), scanner.consume("-"),
              let day = scanner.number(digits: 2), scanner.consume("T") || scanner.consume("t"),
              let hour = scanner.number(digits: 2), scanner.consume(":"),
              let minute = scanner.number(digits: 2), scanner.consume(":"),
              let second = scanner.number(digits: 2)
        else { return nil }
        var millisecond: Int64 = 0
        if scanner.consume(".") {
            guard let fraction = scanner.fractionMilliseconds() else { return nil }
            millisecond = fraction
        }
        let offsetMinutes: Int64
        if scanner.consume("Z") || scanner.consume("z") {
            offsetMinutes = 0
        } else {
            let sign: Int64
            if scanner.consume("+") { sign = 1 } else if scanner.consume("-") { sign = -1 } else { return nil }
            guard let offsetHour = scanner.number(digits: 2), scanner.consume(":"),
                  let offsetMinute = scanner.number(digits: 2), offsetHour < 24, offsetMinute < 60
            else { return nil }
            offsetMinutes = sign * (offsetHour * 60 + offsetMinute)
        }
        guard scanner.isAtEnd, CivilCalendar.isValid(year: year, month: month, day: day),
              hour < 24, minute < 60, second < 60
        else { return nil }
        let days = CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
        let milliseconds = days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond
            - offsetMinutes * 60_000
        return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// `date` rounded to the nearest millisecond: the precision of every instant on the wire.
    public static func truncatedToMilliseconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: Double(epochMilliseconds(of: date)) / 1000)
    }

    static func epochMilliseconds(of date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.toNearestOrAwayFromZero))
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}

/// Proleptic Gregorian calendar arithmetic (H. Hinnant's `days_from_civil` / `civil_from_days`).
enum CivilCalendar {
    static func isValid(year: Int64, month: Int64, day: Int64) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysInMonth(year: year, month: month)
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isLeapYear(_ year: Int64) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = EventTimestamp.floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func date(fromDaysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = EventTimestamp.floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A tiny forward scanner over ASCII digits and separators.
struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ string: String) { bytes = Array(string.utf8) }

    var isAtEnd: Bool { index == bytes.count }

    mutating func consume(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue, index < bytes.count, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    /// Exactly `digits` decimal digits.
    mutating func number(digits: Int) -> Int64? {
        guard index + digits <= bytes.count else { return nil }
        var value: Int64 = 0
        for byte in bytes[index..<index + digits] {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - 0x30)
        }
        index += digits
        return value
    }

    /// One or more fraction digits, read as milliseconds (extra digits truncated).
    mutating func fractionMilliseconds() -> Int64? {
        var value: Int64 = 0
        var count = 0
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
            if count < 3 { value = value * 10 + Int64(bytes[index] - 0x30) }
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 3) { value *= 10 }
        return value
    }
}
