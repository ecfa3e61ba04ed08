/// A JSON value as the transparency log commits to it: strings, booleans, null, integers, arrays and objects.
///
/// Non-integer numbers are not representable (records carry decimals as strings), and integers are limited to the
/// range a JavaScript number holds exactly (±(2^53 − 1)), so a browser's `JSON.stringify` writes the same digits.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The largest magnitude of an integer in a record: `Number.MAX_SAFE_INTEGER`.
    public static let maxSafeInteger: Int64 = (1 << 53) - 1

    /// The members if this is an object.
    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { members } else { nil }
    }

    /// The string if this is a string.
    public var stringValue: String? {
        if case .string(let string) = self { string } else { nil }
    }

    /// The integer if this is an integer.
    public var integerValue: Int64? {
        if case .integer(let integer) = self { integer } else { nil }
    }

    /// The member `key` if this is an object that has it.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

/// Why text or a value is not a JSON value the log accepts.
public enum JSONValueError: Error, Hashable, Sendable {
    /// The text is not valid UTF-8.
    case invalidUTF8
    /// The text is not JSON; `offset` is the byte where parsing stopped.
    case syntax(offset: Int, reason: String)
    /// A number with a fraction or an exponent (records carry decimals as strings); `path` locates it.
    case nonIntegerNumber(path: String)
    /// An integer beyond ±(2^53 − 1), which JavaScript cannot hold exactly; `path` locates it.
    case integerOutOfRange(path: String)
    /// An object with the same member name twice; `path` locates the object.
    case duplicateKey(path: String, key: String)
    /// A string with a lone UTF-16 surrogate escape, which is not Unicode text; `path` locates it.
    case loneSurrogate(path: String)
    /// Nesting deeper than ``JSONParser/maximumDepth``.
    case tooDeep
    /// A record that must be an object is not.
    case notAnObject
}
