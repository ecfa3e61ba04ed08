/// A Kafka record header: a name and an optional binary value (Kafka distinguishes a null value from an
/// empty one).
public struct KafkaHeader: Sendable, Hashable {
    /// The header name, e.g. `ce_type`.
    public var name: String
    /// The header value, or `nil` for a null header.
    public var value: [UInt8]?

    /// Creates a header from raw bytes.
    public init(name: String, value: [UInt8]?) {
        self.name = name
        self.value = value
    }

    /// Creates a header whose value is the UTF-8 encoding of `string`.
    public init(name: String, string: String) {
        self.name = name
        self.value = Array(string.utf8)
    }

    /// The value decoded as UTF-8, or `nil` for a null header.
    public var stringValue: String? {
        value.map { String(decoding: $0, as: UTF8.self) }
    }
}

extension Array where Element == KafkaHeader {
    /// The value of the first header named `name` (`.some(nil)` for a null header, `nil` if absent).
    public func first(named name: String) -> [UInt8]?? {
        first(where: { $0.name == name }).map(\.value)
    }
}
