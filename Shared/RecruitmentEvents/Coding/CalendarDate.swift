/// A calendar date without a time of day or time zone, written `YYYY-MM-DD` on the wire (e.g. the date printed on
/// an announcement letter).
///
/// Use it only for dates that are dates by nature; instants are `Date` (UTC, see ``EventTimestamp``).
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, LosslessStringConvertible {
    /// The year, 1...9999.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, 1...31 (valid for the month).
    public let day: Int

    /// A validated date; `nil` if the day does not exist (e.g. 2024-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year),
              CivilCalendar.isValid(year: Int64(year), month: Int64(month), day: Int64(day))
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ description: String) {
        var scanner = DigitScanner(description)
        guard let year = scanner.number(digits: 4), scanner.consume("-"),
              let month = scanner.number(digits: 2), scanner.consume("-"),
              let day = scanner.number(digits: 2), scanner.isAtEnd
        else { return nil }
        self.init(year: Int(year), month: Int(month), day: Int(day))
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        CivilCalendar.pad(Int64(year), 4) + "-" + CivilCalendar.pad(Int64(month), 2) + "-"
            + CivilCalendar.pad(Int64(day), 2)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Expected a calendar date YYYY-MM-DD, got \"\(text)\"")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
