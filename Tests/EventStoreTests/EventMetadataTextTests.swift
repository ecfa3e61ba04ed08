import Foundation
import RecruitmentEvents
import Testing
@testable import EventStore

/// The directly written metadata text and timestamps are exactly what the Foundation coders produce.
@Suite struct EventMetadataTextTests {
    static func encoded(_ metadata: EventMetadata) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(metadata), as: UTF8.self)
    }

    @Test func plainTextEqualsTheEncoder() throws {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<200 {
            let envelope = EventEnvelope(
                type: "asn.test.v1", source: "/asn/test",
                subject: round % 3 == 0 ? nil : "application/\(UUID().eventKey)",
                time: Date(timeIntervalSince1970: Double.random(in: 0...4_000_000_000, using: &generator)),
                streamId: "s-\(round)", streamVersion: 1,
                correlationId: round % 4 == 0 ? nil : UUID().eventKey,
                causationId: round % 5 == 0 ? nil : UUID().eventKey,
                traceparent: round % 2 == 0 ? nil : "00-\(UUID().eventKey)-01",
                partitionKey: "key/\(round)", data: Array("{}".utf8))
            let metadata = EventMetadata(envelope)
            let plain = try #require(metadata.plainJSONText())
            #expect(plain == (try Self.encoded(metadata)))
            #expect(metadata.jsonText() == plain)
            #expect(try EventMetadata.decode(plain) == metadata)
        }
    }

    @Test func valuesThatNeedEscapingGoThroughTheEncoder() throws {
        for odd in ["a\"b", "back\\slash", "line\nbreak", "tab\t", "Kupang – NTT", "\u{7F}"] {
            var envelope = EventEnvelope(
                type: "asn.test.v1", source: "/asn/test", subject: nil, time: Date(), streamId: "s", streamVersion: 1,
                partitionKey: "k", data: Array("{}".utf8))
            envelope.correlationId = odd
            let metadata = EventMetadata(envelope)
            #expect(metadata.plainJSONText() == nil)
            #expect(metadata.jsonText() == (try Self.encoded(metadata)))
            #expect(try EventMetadata.decode(metadata.jsonText()) == metadata)
        }
    }

    @Test func directTimestampsEqualTheFormatter() {
        var generator = SystemRandomNumberGenerator()
        var dates = [0, 0.000_001, 0.5, 59.999_999_5, 951_782_400, 1_709_164_800.123_456, 4_102_444_799.999_999,
                     253_402_300_799.999_999].map { Date(timeIntervalSince1970: $0) }
        for _ in 0..<2_000 {
            dates.append(Date(timeIntervalSince1970: Double.random(in: 0...253_402_300_000, using: &generator)))
            dates.append(Date(timeIntervalSince1970: Double.random(in: 1_600_000_000...2_000_000_000, using: &generator)))
        }
        for date in dates {
            #expect(EventTime.format(date) == EventTime.formatWithFormatter(date), "\(date.timeIntervalSince1970)")
        }
        #expect(EventTime.formatDirectly(Date(timeIntervalSince1970: -1)) == nil)
        #expect(EventTime.format(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500000Z")
    }
}
