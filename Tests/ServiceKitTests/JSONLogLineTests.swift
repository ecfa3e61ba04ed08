import Foundation
import Logging
import RecruitmentEvents
import Testing
@testable import ServiceKit

/// The hand-written JSON of log lines: valid JSON for any text, sorted keys, masked 16-digit runs.
@Suite struct JSONLogLineTests {
    @Test func metadataBecomesValidMaskedJSON() throws {
        let nasty = "quote \" backslash \\ newline \n tab \t bell \u{07} nul \u{00} émoji 🇮🇩 NIK 5371024507950001"
        let value = StructuredLogHandler.jsonValue(.dictionary([
            "message": .string(nasty), "nested": .dictionary(["b": .array([.string("x"), .stringConvertible(42)]), "a": "y"]),
        ]))
        let line = value.text()
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let message = try #require(parsed["message"] as? String)
        #expect(message.hasPrefix("quote \" backslash \\ newline \n tab \t bell \u{07} nul \u{00} émoji 🇮🇩"))
        #expect(!message.contains("5371024507950001"))
        #expect(message.hasSuffix(PersonalDataMask.replacement))
        #expect((parsed["nested"] as? [String: Any])?["b"] as? [String] == ["x", "42"])
        #expect(line.contains(#""nested":{"a":"y","b":"#), "keys are sorted")
    }

    @Test func timestampsAreUTCWithMilliseconds() {
        #expect(LogTimestamp.format(Date(timeIntervalSince1970: 1_725_033_599.987)) == "2024-08-30T15:59:59.987Z")
        #expect(LogTimestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    }
}
