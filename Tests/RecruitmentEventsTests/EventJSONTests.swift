import RecruitmentEvents
import Testing

@Suite("EventJSON")
struct EventJSONTests {
    @Test("Parses every JSON kind, keeping integers apart from other numbers")
    func parsing() throws {
        let text = #"{"a":1,"b":1.5,"c":true,"d":null,"e":"x\/y","f":[1,"2"],"g":{}}"#
        let json = try EventCoding.decode(EventJSON.self, from: Array(text.utf8))
        #expect(json == .object([
            "a": .integer(1), "b": .number(1.5), "c": .bool(true), "d": .null, "e": .string("x/y"),
            "f": .array([.integer(1), .string("2")]), "g": .object([:]),
        ]))
    }

    @Test("Text is deterministic: sorted keys, escapes, no escaped slashes")
    func text() {
        let json: EventJSON = .object([
            "zeta": .string("line\nbreak \"quoted\" back\\slash /asn/registration \u{01}"),
            "alpha": .array([.integer(-3), .bool(false), .null]),
            "Ümlaut": .string("Kota Kupang — NTT"),
        ])
        let expected = #"{"alpha":[-3,false,null],"#
            + #""zeta":"line\nbreak \"quoted\" back\\slash /asn/registration \u0001","#
            + #""Ümlaut":"Kota Kupang — NTT"}"#
        #expect(json.text() == expected)
        #expect(EventJSON.object(["a": .array([])]).text(pretty: true) == "{\n  \"a\": []\n}")
    }

    @Test("Subscripts read and write object members")
    func subscripts() {
        var json: EventJSON = .object(["scores": .object(["twk": .integer(110)])])
        json["scores"]?["tiu"] = .integer(130)
        json["obsolete"] = nil
        #expect(json["scores"]?["tiu"]?.integerValue == 130)
        #expect(json["scores"]?["twk"]?.integerValue == 110)
        var notObject: EventJSON = .string("x")
        notObject["key"] = .null
        #expect(notObject == .string("x"))
    }
}
