import Foundation

extension JSONValue: Codable {
    /// Decodes any JSON value, refusing non-integer numbers and integers beyond ±(2^53 − 1).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let integer = try? container.decode(Int64.self) {
            guard abs(integer) <= JSONValue.maxSafeInteger else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "integer beyond ±(2^53 − 1)")
            }
            self = .integer(integer)
        } else if (try? container.decode(Double.self)) != nil {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "a non-integer number (records carry decimals as strings)")
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let elements = try? container.decode([JSONValue].self) {
            self = .array(elements)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .integer(let integer): try container.encode(integer)
        case .string(let string): try container.encode(string)
        case .array(let elements): try container.encode(elements)
        case .object(let members): try container.encode(members)
        }
    }

    /// The JSON value of an `Encodable` (through `JSONEncoder`, then ``JSONParser``): the usual way to turn a
    /// public record struct into what the log commits to. Throws ``JSONValueError`` for non-integer numbers: give
    /// decimals as strings.
    public init(encoding value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        self = try JSONParser.parse([UInt8](data))
    }
}
