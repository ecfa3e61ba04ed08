import Foundation

/// A JSON value as the validator sees it: parsed with `JSONSerialization`, then made `Sendable` and unambiguous
/// (Foundation hands out `NSNumber` for booleans and numbers alike).
enum OpenAPIJSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([OpenAPIJSONValue])
    case object([String: OpenAPIJSONValue])

    /// Parses JSON text (any top-level value).
    static func parse(_ data: Data) throws -> OpenAPIJSONValue {
        try OpenAPIJSONValue(foundation: JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    struct Unsupported: Error {
        var value: String
    }

    init(foundation value: Any) throws {
        switch value {
        case is NSNull:
            self = .null
        case let string as String:
            self = .string(string)
        case let number as NSNumber:
            // Booleans are NSNumbers of Objective-C type `c` (`char`); JSONSerialization never makes an Int8.
            if String(cString: number.objCType) == "c" {
                self = .bool(number.boolValue)
            } else {
                self = .number(number.doubleValue)
            }
        case let array as [Any]:
            self = .array(try array.map(OpenAPIJSONValue.init(foundation:)))
        case let object as [String: Any]:
            self = .object(try object.mapValues(OpenAPIJSONValue.init(foundation:)))
        default:
            throw Unsupported(value: String(describing: type(of: value)))
        }
    }

    subscript(key: String) -> OpenAPIJSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    var string: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    var number: Double? {
        guard case .number(let value) = self else { return nil }
        return value
    }

    var object: [String: OpenAPIJSONValue]? {
        guard case .object(let value) = self else { return nil }
        return value
    }

    var array: [OpenAPIJSONValue]? {
        guard case .array(let value) = self else { return nil }
        return value
    }

    /// The JSON Schema type names this value has: an integral number is both `integer` and `number`.
    var typeNames: Set<String> {
        switch self {
        case .null: ["null"]
        case .bool: ["boolean"]
        case .number(let value): value.rounded(.towardZero) == value && value.isFinite ? ["number", "integer"] : ["number"]
        case .string: ["string"]
        case .array: ["array"]
        case .object: ["object"]
        }
    }

    /// The primary type name, for messages.
    var typeName: String {
        switch self {
        case .number(let value) where value.rounded(.towardZero) == value: "integer"
        default: typeNames.first { $0 != "integer" } ?? "number"
        }
    }

    /// Compact JSON text with sorted keys, for messages (long strings and containers shortened).
    var brief: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let value):
            value.rounded(.towardZero) == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .string(let value):
            value.count > 60 ? Self.quoted(String(value.prefix(57)) + "…") : Self.quoted(value)
        case .array(let elements): "an array of \(elements.count)"
        case .object(let members): "an object with keys \(members.keys.sorted())"
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

/// JSON paths as the violations print them: `$`, `$.items[3].status`, `$["odd key"]`.
enum OpenAPIJSONPath {
    static func member(_ path: String, _ key: String) -> String {
        let isIdentifier = key.first.map { $0.isLetter || $0 == "_" } == true
            && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        return isIdentifier ? "\(path).\(key)" : "\(path)[\(OpenAPIJSONValue.quoted(key))]"
    }

    static func element(_ path: String, _ index: Int) -> String {
        "\(path)[\(index)]"
    }
}
