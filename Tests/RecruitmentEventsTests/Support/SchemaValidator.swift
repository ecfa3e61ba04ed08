import Foundation
import RecruitmentEvents

/// A tiny JSON Schema validator for exactly the subset the generator emits: `type`, `properties`, `required`,
/// `additionalProperties: false`, `items`, `enum`, `format` (date-time, date, uuid, uri), `pattern`, `minimum`.
/// Annotations are ignored; any other keyword is reported, so the generator cannot outgrow the validator unnoticed.
struct SchemaValidator {
    private static let annotations: Set<String> = [
        "$schema", "$id", "$comment", "title", "description", "examples",
    ]
    private static let keywords: Set<String> = [
        "type", "properties", "required", "additionalProperties", "items", "enum", "format", "pattern", "minimum",
    ]

    /// Every violation of `schema` by `value`, as "path: message".
    static func violations(of value: EventJSON, against schema: EventJSON, at path: String = "$") -> [String] {
        guard let keywordsOfSchema = schema.objectValue else { return ["\(path): schema is not an object"] }
        var problems: [String] = []
        for keyword in keywordsOfSchema.keys where !annotations.contains(keyword) && !keyword.hasPrefix("x-") {
            if !keywords.contains(keyword) { problems.append("\(path): unsupported keyword \(keyword)") }
        }
        if let type = schema["type"]?.stringValue, !matches(value, type: type) {
            return problems + ["\(path): expected \(type), got \(value.text())"]
        }
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) {
            problems.append("\(path): \(value.text()) is not one of \(EventJSON.array(allowed).text())")
        }
        if let format = schema["format"]?.stringValue, let text = value.stringValue, !valid(text, format: format) {
            problems.append("\(path): \"\(text)\" is not a valid \(format)")
        }
        if let pattern = schema["pattern"]?.stringValue, let text = value.stringValue,
           text.range(of: pattern, options: .regularExpression) == nil {
            problems.append("\(path): \"\(text)\" does not match \(pattern)")
        }
        if let minimum = schema["minimum"]?.integerValue, let number = value.integerValue, number < minimum {
            problems.append("\(path): \(number) < \(minimum)")
        }
        if case .object(let members) = value {
            let properties = schema["properties"]?.objectValue ?? [:]
            for required in schema["required"]?.arrayValue ?? [] {
                if let name = required.stringValue, members[name] == nil {
                    problems.append("\(path): missing required \(name)")
                }
            }
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                if let propertySchema = properties[name] {
                    problems += violations(of: member, against: propertySchema, at: path + "." + name)
                } else if schema["additionalProperties"] == .bool(false) {
                    problems.append("\(path): unexpected property \(name)")
                }
            }
        }
        if case .array(let elements) = value, let items = schema["items"] {
            for (index, element) in elements.enumerated() {
                problems += violations(of: element, against: items, at: "\(path)[\(index)]")
            }
        }
        return problems
    }

    private static func matches(_ value: EventJSON, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
             ("integer", .integer), ("number", .integer), ("number", .number):
            true
        default:
            false
        }
    }

    private static func valid(_ text: String, format: String) -> Bool {
        switch format {
        case "date-time": EventTimestamp.date(from: text) != nil
        case "date": CalendarDate(text) != nil
        case "uuid": UUID(uuidString: text) != nil
        case "uri": URL(string: text)?.scheme != nil
        default: false
        }
    }
}
