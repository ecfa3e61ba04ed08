import Foundation
import RecruitmentEvents

/// The `metadata` jsonb of an `events` row: every envelope attribute that is not a column of its own.
struct EventMetadata: Codable, Equatable {
    var source: String
    var subject: String?
    /// RFC 3339 UTC timestamp with microseconds, e.g. `2025-03-01T08:30:00.123456Z`.
    var time: String
    var correlationId: String?
    var causationId: String?
    var traceparent: String?
    var partitionKey: String

    init(_ envelope: EventEnvelope) {
        source = envelope.source
        subject = envelope.subject
        time = EventTime.format(envelope.time)
        correlationId = envelope.correlationId
        causationId = envelope.causationId
        traceparent = envelope.traceparent
        partitionKey = envelope.partitionKey
    }

    func jsonText() -> String {
        if let text = plainJSONText() { return text }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a struct of strings cannot fail.
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// What ``jsonText()`` encodes, written directly (an append writes one per event) when no value needs escaping:
    /// the same keys in the same sorted order, absent values omitted. `nil` otherwise.
    func plainJSONText() -> String? {
        let fields: [(String, String?)] = [
            ("causationId", causationId), ("correlationId", correlationId), ("partitionKey", partitionKey),
            ("source", source), ("subject", subject), ("time", time), ("traceparent", traceparent),
        ]
        var text = "{"
        text.reserveCapacity(320)
        for (name, value) in fields {
            guard let value else { continue }
            guard value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) else { return nil }
            if text.utf8.count > 1 { text += "," }
            text += "\"" + name + "\":\"" + value + "\""
        }
        return text + "}"
    }

    static func decode(_ text: String) throws -> EventMetadata {
        try JSONDecoder().decode(EventMetadata.self, from: Data(text.utf8))
    }
}

/// Microsecond-precision RFC 3339 timestamps (PostgreSQL's `timestamptz` resolution).
enum EventTime {
    static func format(_ date: Date) -> String {
        formatDirectly(date) ?? formatWithFormatter(date)
    }

    /// ``format(_:)`` through Foundation's ISO 8601 format style (any date).
    static func formatWithFormatter(_ date: Date) -> String {
        let micros = (date.timeIntervalSince1970 * 1_000_000).rounded()
        let totalMicros = Int64(micros)
        let seconds = totalMicros >= 0 ? totalMicros / 1_000_000 : (totalMicros - 999_999) / 1_000_000
        let fraction = totalMicros - seconds * 1_000_000
        let whole = Date(timeIntervalSince1970: TimeInterval(seconds))
        let base = whole.formatted(.iso8601)  // e.g. 2025-03-01T08:30:00Z
        // base ends with "Z"; insert the fraction before it.
        let fractionText = String(fraction)
        let padded = String(repeating: "0", count: 6 - fractionText.count) + fractionText
        return String(base.dropLast()) + "." + padded + "Z"
    }

    /// ``format(_:)`` by civil-calendar arithmetic instead of a date formatter (years 1970-9999; `nil` otherwise).
    static func formatDirectly(_ date: Date) -> String? {
        let seconds = date.timeIntervalSince1970
        guard seconds >= 0, seconds < 253_402_300_800 else { return nil }
        let totalMicros = Int64((seconds * 1_000_000).rounded())
        let wholeSeconds = totalMicros / 1_000_000
        let fraction = Int(totalMicros % 1_000_000)
        let days = Int(wholeSeconds / 86_400)
        let secondOfDay = Int(wholeSeconds % 86_400)
        // Howard Hinnant's days-to-civil algorithm.
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        guard year <= 9999 else { return nil }
        return String(unsafeUninitializedCapacity: 27) { output in
            var position = 0
            func put(_ value: Int, digits: Int) {
                var value = value
                for offset in stride(from: digits - 1, through: 0, by: -1) {
                    output[position + offset] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                position += digits
            }
            func put(_ character: Unicode.Scalar) {
                output[position] = UInt8(ascii: character)
                position += 1
            }
            put(year, digits: 4); put("-"); put(month, digits: 2); put("-"); put(day, digits: 2); put("T")
            put(secondOfDay / 3_600, digits: 2); put(":"); put(secondOfDay / 60 % 60, digits: 2); put(":")
            put(secondOfDay % 60, digits: 2); put("."); put(fraction, digits: 6); put("Z")
            return position
        }
    }

    static func parse(_ text: String) -> Date? {
        guard text.hasSuffix("Z") else { return nil }
        let body = text.dropLast()
        let parts = body.split(separator: ".", maxSplits: 1)
        guard let wholePart = parts.first,
            let whole = try? Date(String(wholePart) + "Z", strategy: .iso8601)
        else { return nil }
        guard parts.count == 2 else { return whole }
        let digits = parts[1]
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy(\.isASCII), let value = Int64(digits) else {
            return nil
        }
        var scale: Double = 1
        for _ in 0..<digits.count { scale *= 10 }
        let seconds = Int64(whole.timeIntervalSince1970)
        return Date(timeIntervalSince1970: Double(seconds) + Double(value) / scale)
    }
}
