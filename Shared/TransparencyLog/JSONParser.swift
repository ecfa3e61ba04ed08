/// A strict JSON (RFC 8259) parser into ``JSONValue``: rejects non-integer numbers, integers JavaScript cannot hold
/// exactly, duplicate member names, lone surrogates and trailing content, each with a typed ``JSONValueError``.
public struct JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 64

    private let bytes: [UInt8]
    private var offset = 0

    /// Parses `text` as one JSON value.
    public static func parse(_ text: String) throws(JSONValueError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Parses UTF-8 `bytes` as one JSON value.
    public static func parse(_ bytes: [UInt8]) throws(JSONValueError) -> JSONValue {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .invalidUTF8 }
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue(path: "$", depth: 0)
        parser.skipWhitespace()
        guard parser.offset == bytes.count else { throw .syntax(offset: parser.offset, reason: "trailing content") }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            offset += 1
        }
    }

    private func fail(_ reason: String) -> JSONValueError {
        .syntax(offset: offset, reason: reason)
    }

    private mutating func expect(_ literal: String, _ value: JSONValue) throws(JSONValueError) -> JSONValue {
        let utf8 = Array(literal.utf8)
        guard offset + utf8.count <= bytes.count, Array(bytes[offset ..< offset + utf8.count]) == utf8 else {
            throw fail("expected \(literal)")
        }
        offset += utf8.count
        return value
    }

    private mutating func parseValue(path: String, depth: Int) throws(JSONValueError) -> JSONValue {
        guard depth <= Self.maximumDepth else { throw .tooDeep }
        guard let byte = current else { throw fail("unexpected end") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(path: path, depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(path: path, depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString(path: path))
        case UInt8(ascii: "t"): return try expect("true", .bool(true))
        case UInt8(ascii: "f"): return try expect("false", .bool(false))
        case UInt8(ascii: "n"): return try expect("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber(path: path)
        default: throw fail("unexpected character")
        }
    }

    private mutating func parseObject(path: String, depth: Int) throws(JSONValueError) -> JSONValue {
        offset += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            offset += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw fail("expected a member name") }
            let key = try parseString(path: path)
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw fail("expected ':'") }
            offset += 1
            skipWhitespace()
            let value = try parseValue(path: JSONPath.member(path, key), depth: depth)
            guard members.updateValue(value, forKey: key) == nil else { throw .duplicateKey(path: path, key: key) }
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"):
                offset += 1
                return .object(members)
            default: throw fail("expected ',' or '}'")
            }
        }
    }

    private mutating func parseArray(path: String, depth: Int) throws(JSONValueError) -> JSONValue {
        offset += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            offset += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(path: "\(path)[\(elements.count)]", depth: depth))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "]"):
                offset += 1
                return .array(elements)
            default: throw fail("expected ',' or ']'")
            }
        }
    }

    private mutating func parseNumber(path: String) throws(JSONValueError) -> JSONValue {
        let start = offset
        if current == UInt8(ascii: "-") { offset += 1 }
        guard let first = current, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else {
            throw fail("expected a digit")
        }
        offset += 1
        if first != UInt8(ascii: "0") {
            while let digit = current, digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") { offset += 1 }
        }
        if let next = current, next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            throw .nonIntegerNumber(path: path)
        }
        let text = String(decoding: bytes[start ..< offset], as: UTF8.self)
        guard let value = Int64(text), abs(value) <= JSONValue.maxSafeInteger else {
            throw .integerOutOfRange(path: path)
        }
        return .integer(value)
    }

    private mutating func parseString(path: String) throws(JSONValueError) -> String {
        offset += 1
        var scalars = String.UnicodeScalarView()
        var run = offset
        func flush(_ parser: JSONParser, upTo end: Int) {
            scalars.append(contentsOf: String(decoding: parser.bytes[run ..< end], as: UTF8.self).unicodeScalars)
        }
        while true {
            guard let byte = current else { throw fail("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                flush(self, upTo: offset)
                offset += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush(self, upTo: offset)
                offset += 1
                scalars.append(try parseEscape(path: path))
                run = offset
            case 0x00 ..< 0x20:
                throw fail("control character in a string")
            default:
                offset += 1
            }
        }
    }

    private mutating func parseEscape(path: String) throws(JSONValueError) -> Unicode.Scalar {
        guard let byte = current else { throw fail("unterminated escape") }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try parseHex4()
            if UTF16.isLeadSurrogate(unit) {
                guard current == UInt8(ascii: "\\"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u")
                else { throw .loneSurrogate(path: path) }
                offset += 2
                let trail = try parseHex4()
                guard UTF16.isTrailSurrogate(trail) else { throw .loneSurrogate(path: path) }
                let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(trail) - 0xDC00)
                return Unicode.Scalar(value)!
            }
            guard let scalar = Unicode.Scalar(unit) else { throw .loneSurrogate(path: path) }
            return scalar
        default:
            throw fail("unknown escape")
        }
    }

    private mutating func parseHex4() throws(JSONValueError) -> UInt16 {
        guard offset + 4 <= bytes.count, let decoded = Hex.decode(String(decoding: bytes[offset ..< offset + 4],
                                                                         as: UTF8.self))
        else { throw fail("expected four hex digits") }
        offset += 4
        return UInt16(decoded[0]) << 8 | UInt16(decoded[1])
    }
}

/// JSONPath-like locations for error messages (`$.a.b[2]`).
enum JSONPath {
    static func member(_ path: String, _ key: String) -> String {
        let simple = !key.isEmpty && key.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
        }
        return simple ? "\(path).\(key)" : "\(path)[\(CanonicalJSON.quoted(key))]"
    }
}
