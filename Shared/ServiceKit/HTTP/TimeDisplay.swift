public import Foundation

/// Renders instants for people: the agency's local time and WIB, the zone national deadlines are stated in.
public enum TimeDisplay {
    /// Western Indonesian Time (UTC+7).
    public static let wib = TimeZone(identifier: "Asia/Jakarta")!

    /// `instant` as ISO 8601 local time with offset in `zone`, to the second.
    public static func local(_ instant: Date, in zone: TimeZone) -> String {
        var style = Date.ISO8601FormatStyle(timeZone: zone)
        style = style.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .colon)
        return instant.formatted(style)
    }

    /// `instant` in the agency's zone followed by WIB, e.g. `2024-09-10T23:59:00+08:00 (2024-09-10T22:59:00+07:00 WIB)`.
    public static func describe(_ instant: Date, agency: TimeZone) -> String {
        "\(local(instant, in: agency)) (\(local(instant, in: wib)) WIB)"
    }
}
