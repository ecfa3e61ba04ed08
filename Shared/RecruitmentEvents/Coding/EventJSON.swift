/// A JSON value, used where events are handled as documents rather than Swift types: payload upcasting
/// (``EventUpcaster``) and the generated JSON Schemas (``EventSchemaGenerator``).
///
/// Integers and other numbers are kept apart so that integer fields survive an upcast unchanged.
public enum EventJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([EventJSON])
    case object([String: EventJSON])

    /// The member `key` of an object, or `nil` (also for non-objects). Setting on a non-object does nothing;
    /// setting `nil` removes the member.
    public subscript(key: String) -> EventJSON? {
        get {
            guard case .object(let members) = self else { return nil }
            return members[key]
        }
        set {
            guard case .object(var members) = self else { return }
            members[key] = newValue
            self = .object(members)
        }
    }

    /// The string value, or `nil`.
    public var stringValue: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    /// The integer value, or `nil`.
    public var integerValue: Int64? {
        guard case .integer(let value) = self else { return nil }
        return value
    }

    /// The elements of an array, or `nil`.
    public var arrayValue: [EventJSON]? {
        guard case .array(let value) = self else { return nil }
        return value
    }

    /// The members of an object, or `nil`.
    public var objectValue: [String: EventJSON]? {
        guard case .object(let value) = self else { return nil }
        return value
    }
}

extension EventJSON: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([EventJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: EventJSON].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
