import Foundation
import RecruitmentEvents
import Testing

@Suite("EventCoding: instants, calendar dates, exact decimals")
struct EventCodingTests {
    struct Probe: Codable, Equatable {
        var zeta: Int
        var at: Date
        var on: CalendarDate
        var score: ExactDecimal
    }

    static let deadline = EventTimestamp.date(from: "2024-09-10T16:59:00.000Z")!

    @Test("Instants are UTC ISO 8601 with milliseconds; keys are sorted")
    func encoding() throws {
        let probe = Probe(
            zeta: 1, at: Self.deadline, on: CalendarDate("2024-09-10")!, score: ExactDecimal(8036, scale: 2))
        let json = String(decoding: try EventCoding.encode(probe), as: UTF8.self)
        #expect(json == #"{"at":"2024-09-10T16:59:00.000Z","on":"2024-09-10","score":"80.36","zeta":1}"#)
        #expect(try EventCoding.decode(Probe.self, from: Array(json.utf8)) == probe)
    }

    @Test("23:59 WIB on 10 Sep 2024 is 16:59Z; the instant is 1725987540 s after the epoch")
    func knownInstant() {
        #expect(Self.deadline.timeIntervalSince1970 == 1_725_987_540)
        #expect(EventTimestamp.string(from: Date(timeIntervalSince1970: 1_725_987_540)) == "2024-09-10T16:59:00.000Z")
        #expect(EventTimestamp.date(from: "2024-09-10T23:59:00+07:00") == Self.deadline)
        #expect(EventTimestamp.date(from: "2024-09-11T00:59:00+08:00") == Self.deadline)
    }

    static let accepted: [(String, String)] = [
        ("2024-09-10T16:59:00Z", "2024-09-10T16:59:00.000Z"),
        ("2024-09-10T16:59:00.5Z", "2024-09-10T16:59:00.500Z"),
        ("2024-09-10T16:59:00.123456789Z", "2024-09-10T16:59:00.123Z"),
        ("2024-09-10t16:59:00z", "2024-09-10T16:59:00.000Z"),
        ("2024-09-10T08:59:00-08:00", "2024-09-10T16:59:00.000Z"),
        ("2024-02-29T23:59:59.999Z", "2024-02-29T23:59:59.999Z"),
        ("1969-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z"),
        ("2000-03-01T00:00:00.000Z", "2000-03-01T00:00:00.000Z"),
    ]

    @Test("Decoding accepts with and without fractional seconds and with offsets", arguments: accepted)
    func parsing(input: String, canonical: String) throws {
        let date = try #require(EventTimestamp.date(from: input))
        #expect(EventTimestamp.string(from: date) == canonical)
        let decoded = try EventCoding.decode([Date].self, from: Array("[\"\(input)\"]".utf8))
        #expect(decoded == [date])
    }

    static let rejected = [
        "2024-09-10", "2024-09-10T16:59:00", "2024-09-10T16:59Z", "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z",
        "2024-09-10T24:00:00Z", "2024-09-10T16:60:00Z", "2024-09-10T16:59:00.Z", "2024-09-10T16:59:00+0800",
        " 2024-09-10T16:59:00Z", "2024-09-10T16:59:00Z ", "1725987540",
    ]

    @Test("Decoding rejects anything else", arguments: rejected)
    func rejecting(input: String) {
        #expect(EventTimestamp.date(from: input) == nil)
        #expect(throws: EventCodingError.self) {
            try EventCoding.decode([Date].self, from: Array("[\"\(input)\"]".utf8))
        }
    }

    @Test("Formatting then parsing is the identity on milliseconds")
    func millisecondRoundTrip() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let milliseconds = Int64.random(in: -2_208_988_800_000...4_102_444_800_000, using: &generator)
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let text = EventTimestamp.string(from: date)
            #expect(EventTimestamp.date(from: text) == date, "\(milliseconds) → \(text)")
        }
    }

    @Test("Sub-millisecond instants round to the nearest millisecond")
    func rounding() {
        let date = Date(timeIntervalSince1970: 1_725_987_540.123_6)
        #expect(EventTimestamp.string(from: date) == "2024-09-10T16:59:00.124Z")
        #expect(EventTimestamp.truncatedToMilliseconds(date) == EventTimestamp.date(from: "2024-09-10T16:59:00.124Z"))
    }

    @Test("CalendarDate is YYYY-MM-DD and validated")
    func calendarDate() throws {
        #expect(CalendarDate("2024-02-29")?.description == "2024-02-29")
        #expect(CalendarDate("2023-02-29") == nil)
        #expect(CalendarDate("2024-9-10") == nil)
        #expect(CalendarDate("2024-09-10T00:00:00Z") == nil)
        #expect(CalendarDate(year: 2025, month: 1, day: 5)! > CalendarDate(year: 2024, month: 12, day: 31)!)
        #expect(throws: EventCodingError.self) {
            try EventCoding.decode([CalendarDate].self, from: Array(#"["2024-13-01"]"#.utf8))
        }
    }

    @Test("ExactDecimal travels as a string and keeps its digits")
    func exactDecimal() throws {
        let score = try #require(ExactDecimal("80.36"))
        #expect(String(decoding: try EventCoding.encode([score]), as: UTF8.self) == #"["80.36"]"#)
        #expect(ExactDecimal("77.80")?.description == "77.80")
        #expect(ExactDecimal("-0.50")?.description == "-0.50")
        #expect(ExactDecimal(5, scale: 3).description == "0.005")
        #expect(ExactDecimal("80.360") == score)
        #expect(ExactDecimal("80.360")?.hashValue == score.hashValue)
        #expect(ExactDecimal("78.824")! < ExactDecimal("78.83")!)
        #expect(!(ExactDecimal("80.360")! < ExactDecimal("80.36")!) && !(ExactDecimal("80.36")! < ExactDecimal("80.360")!))
        #expect(ExactDecimal("-0.5")! < ExactDecimal("0")!)
        #expect(ExactDecimal("9223372036854775807")! > ExactDecimal("0.999999999999999999")!)
        #expect(ExactDecimal("0.000000000000000001")! < ExactDecimal("0.00000000000000001")!)
        for invalid in ["", "-", ".5", "5.", "1e5", "+1", "80,36", " 1", "1.2.3", "92233720368547758080"] {
            #expect(ExactDecimal(invalid) == nil, "\(invalid) should be rejected")
        }
        #expect(throws: EventCodingError.self) {
            try EventCoding.decode([ExactDecimal].self, from: Array("[80.36]".utf8))
        }
    }

    @Test("ExactDecimal from a Decimal computation: 442 / 550 × 100 → 80.36")
    func fromDecimal() throws {
        let skd100 = Decimal(442) / Decimal(550) * Decimal(100)
        #expect(ExactDecimal(skd100, scale: 2) == ExactDecimal("80.36"))
        #expect(ExactDecimal(skd100, scale: 2)?.decimalValue == Decimal(string: "80.36"))
        let skd = Decimal(string: "80.36")!
        let skb = Decimal(string: "77.80")!
        let integrated = Decimal(string: "0.4")! * skd + Decimal(string: "0.6")! * skb
        #expect(ExactDecimal(integrated, scale: 3)?.description == "78.824")
    }
}
