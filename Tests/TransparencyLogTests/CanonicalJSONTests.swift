import Testing
import TransparencyLog

@Suite("Canonical JSON (RFC 8785) and the strict parser")
struct CanonicalJSONTests {
    @Test("members sort by UTF-16 code units, not by scalars or bytes")
    func sorting() throws {
        // RFC 8785 §3.2.3: U+20AC (€) sorts before U+1F600 (a surrogate pair, D83D), which sorts before U+FB33.
        let value = try JSONParser.parse(#"{"\ufb33":1,"\ud83d\ude00":2,"\u20ac":3,"\r":4,"1":5,"\u0080":6,"a":7}"#)
        #expect(CanonicalJSON.string(value) == "{\"\\r\":4,\"1\":5,\"a\":7,\"\u{80}\":6,\"€\":3,\"😀\":2,\"\u{FB33}\":1}")
    }

    @Test("strings are escaped as JSON.stringify escapes them")
    func escaping() throws {
        let value: JSONValue = .string("q\"b\\s/\u{08}\u{0C}\n\r\t\u{00}\u{1F}\u{7F}\u{2028}é😀")
        #expect(CanonicalJSON.string(value) == "\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0000\\u001f\u{7F}\u{2028}é😀\"")
    }

    @Test("whitespace goes, integers stay as written, nesting is kept")
    func layout() throws {
        let text = " { \"b\" : [ 1 , -2 , true , false , null , { \"z\" : \"\", \"y\" : [ ] } ] , \"a\" : -0 } "
        #expect(CanonicalJSON.string(try JSONParser.parse(text)) == #"{"a":0,"b":[1,-2,true,false,null,{"y":[],"z":""}]}"#)
        let big = try JSONParser.parse("[9007199254740991,-9007199254740991]")
        #expect(CanonicalJSON.string(big) == "[9007199254740991,-9007199254740991]")
    }

    @Test("parsing the canonical form gives the value back")
    func roundTrip() throws {
        let value: JSONValue = ["name": "Formasi 2025", "count": 12, "tags": ["a", nil, true], "nested": ["k": "v"]]
        #expect(try JSONParser.parse(CanonicalJSON.string(value)) == value)
    }

    @Test("bad input is refused with the right typed error")
    func rejections() {
        let cases: [(String, JSONValueError)] = [
            (#"{"score":87.5}"#, .nonIntegerNumber(path: "$.score")),
            (#"{"a":[1e3]}"#, .nonIntegerNumber(path: "$.a[0]")),
            (#"{"a":9007199254740992}"#, .integerOutOfRange(path: "$.a")),
            (#"{"a":1,"a":2}"#, .duplicateKey(path: "$", key: "a")),
            (#"{"a":"\ud800"}"#, .loneSurrogate(path: "$.a")),
            (#"{"a":"\udc00x"}"#, .loneSurrogate(path: "$.a")),
        ]
        for (text, error) in cases {
            #expect(throws: error, "\(text)") { try JSONParser.parse(text) }
        }
        for text in ["", "{", "{\"a\":}", "[1,]", "01", "\"\u{01}\"", "{} x", "'a'", "tru", "\"\\x\"", "-", "{a:1}"] {
            #expect(throws: JSONValueError.self, "\(text)") { try JSONParser.parse(text) }
        }
        #expect(throws: JSONValueError.invalidUTF8) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: JSONValueError.tooDeep) { try JSONParser.parse(deep) }
    }

    @Test("Encodable structs become JSON values; doubles are refused")
    func encodable() throws {
        struct Row: Encodable {
            var name: String
            var rank: Int
            var score: String
        }
        struct Bad: Encodable { var score: Double }
        let value = try JSONValue(encoding: Row(name: "A", rank: 3, score: "87.50"))
        #expect(CanonicalJSON.string(value) == #"{"name":"A","rank":3,"score":"87.50"}"#)
        #expect(throws: JSONValueError.nonIntegerNumber(path: "$.score")) {
            try JSONValue(encoding: Bad(score: 87.5))
        }
    }
}
