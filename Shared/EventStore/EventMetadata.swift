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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a struct of strings cannot fail.
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String) throws -> EventMetadata {
        try JSONDecoder().decode(EventMetadata.self, from: Data(text.utf8))
    }
}

/// Microsecond-precision RFC 3339 timestamps (PostgreSQL's `timestamptz` resolution).
enum EventTime {
    static func format(_ date: Date) -> String {
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
