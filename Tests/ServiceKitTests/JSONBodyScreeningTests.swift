@testable import ServiceKit
import Testing

/// What the JSON body screening refuses before decoding (duplicate members, NUL in strings) and what it leaves alone.
@Suite struct JSONBodyScreeningTests {
    static func issue(_ text: String) -> FieldIssue? {
        JSONBodyScreening.firstIssue(in: Array(text.utf8))
    }

    @Test func wellFormedBodiesPass() {
        #expect(Self.issue(#"{"a":1,"b":[{"a":2},{"a":3}],"c":{"a":"x\"y"}}"#) == nil)
        #expect(Self.issue(#"{"note":"a backslash then u0000: \\u0000"}"#) == nil, "an escaped backslash is no NUL")
        #expect(Self.issue(#"["\u0001", "\u00e9"]"#) == nil)
        #expect(Self.issue("") == nil)
    }

    @Test func aDuplicateMemberIsNamed() {
        #expect(Self.issue(#"{"roles":["verifier"],"roles":["admin"]}"#)?.field == "roles")
        #expect(Self.issue(#"{"roles":["verifier"],"roles":["admin"]}"#)?.code == "duplicate-key")
        #expect(Self.issue(#"{"a":{"b":1,"b":2}}"#)?.field == "a.b")
        #expect(Self.issue(#"{"items":[{"x":1},{"x":1,"x":2}]}"#)?.field == "items[1].x")
        #expect(Self.issue(#"{"a":1,"\u0061":2}"#)?.field == "a", "names compare after unescaping")
    }

    @Test func aNULCharacterIsNamed() {
        let top = Self.issue(#"{"username":"a\u0000b","password":"x"}"#)
        #expect(top?.field == "username")
        #expect(top?.code == "nul-character")
        #expect(Self.issue(#"{"list":["ok","\u0000"]}"#)?.field == "list[1]")
        #expect(Self.issue(#""\u0000""#)?.field == "body")
    }

    @Test func malformedOrTooDeepBodiesAreLeftToTheDecoder() {
        #expect(Self.issue(#"{"a":"unterminated"#) == nil)
        #expect(Self.issue("]]]") == nil)
        #expect(Self.issue(String(repeating: "[", count: 100_000)) == nil)
    }
}
