import Foundation

/// JSON Schema (2020-12, as OpenAPI 3.1 uses it) validation of one value, collecting every violation with its path.
///
/// Keywords: boolean schemas, `$ref` (JSON pointers into the document, e.g. `#/components/schemas/Problem`; sibling
/// keywords apply too), `type` (a name or an array of names, so `["string", "null"]` is nullable; an integral number
/// is an `integer`), `enum`, `const`, `allOf`, `anyOf`, `oneOf`, `not`, `properties`, `required`,
/// `additionalProperties` (false, or a schema for the other members), `minProperties`/`maxProperties`, `items`,
/// `prefixItems`, `minItems`/`maxItems`, `uniqueItems`, `minimum`/`maximum`/`exclusiveMinimum`/`exclusiveMaximum`,
/// `multipleOf`, `minLength`/`maxLength` (in code points), `pattern` (unanchored search), and `format` `uuid` (either
/// case), `date-time` (RFC 3339), `date` (a real calendar day) and `uri`; other formats are annotations.
struct OpenAPISchemaValidation {
    let document: OpenAPIJSONValue
    /// `$ref` chains deeper than this are reported rather than followed (a recursive schema with a recursive value).
    static let maximumReferenceDepth = 64

    func violations(of value: OpenAPIJSONValue, against schema: OpenAPIJSONValue) -> [OpenAPIViolation] {
        var violations: [OpenAPIViolation] = []
        validate(value, schema, path: "$", depth: 0, into: &violations)
        return violations
    }

    /// The value a local reference (`#/a/b~1c`) points at.
    static func resolve(_ reference: String, in document: OpenAPIJSONValue) -> OpenAPIJSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        var current = document
        for token in reference.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let key = (String(token).removingPercentEncoding ?? String(token))
                .replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch current {
            case .object(let members):
                guard let next = members[key] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(key), elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    private func validate(
        _ value: OpenAPIJSONValue, _ schema: OpenAPIJSONValue, path: String, depth: Int,
        into violations: inout [OpenAPIViolation]
    ) {
        func fail(_ message: String, at location: String = path) {
            violations.append(OpenAPIViolation(path: location, message: message))
        }
        switch schema {
        case .bool(true): return
        case .bool(false): return fail("no value is allowed here")
        case .object: break
        default: return fail("the schema is not an object or boolean (\(schema.brief))")
        }

        if let reference = schema["$ref"]?.string {
            guard depth < Self.maximumReferenceDepth else { return fail("$ref chain deeper than 64 at \(reference)") }
            guard let target = Self.resolve(reference, in: document) else {
                return fail("the schema's $ref \(reference) does not resolve")
            }
            validate(value, target, path: path, depth: depth + 1, into: &violations)
        }

        if let type = schema["type"] {
            let allowed = type.array?.compactMap(\.string) ?? type.string.map { [$0] } ?? []
            if !allowed.isEmpty, value.typeNames.isDisjoint(with: allowed) {
                let expected = allowed.count == 1 ? allowed[0] : "one of \(allowed.joined(separator: ", "))"
                return fail("expected \(expected), found \(value.typeName) \(value.brief)")
            }
        }
        if let allowed = schema["enum"]?.array, !allowed.contains(value) {
            fail("\(value.brief) is not one of [\(allowed.map(\.brief).joined(separator: ", "))]")
        }
        if let constant = schema["const"], constant != value {
            fail("\(value.brief) is not the constant \(constant.brief)")
        }
        combinators(value, schema, path: path, depth: depth, into: &violations)

        switch value {
        case .string(let text): validateString(text, schema) { fail($0) }
        case .number(let number): validateNumber(number, schema) { fail($0) }
        case .object(let members): validateObject(members, schema, path: path, depth: depth, into: &violations)
        case .array(let elements): validateArray(elements, schema, path: path, depth: depth, into: &violations)
        case .null, .bool: break
        }
    }

    // MARK: Combinators

    private func combinators(
        _ value: OpenAPIJSONValue, _ schema: OpenAPIJSONValue, path: String, depth: Int,
        into violations: inout [OpenAPIViolation]
    ) {
        for part in schema["allOf"]?.array ?? [] {
            validate(value, part, path: path, depth: depth + 1, into: &violations)
        }
        if let alternatives = schema["anyOf"]?.array {
            let outcomes = alternatives.map { violationsOf(value, $0, path: path, depth: depth) }
            if !outcomes.contains(where: \.isEmpty) {
                violations.append(Self.noMatch("anyOf", outcomes, path: path))
            }
        }
        if let alternatives = schema["oneOf"]?.array {
            let outcomes = alternatives.map { violationsOf(value, $0, path: path, depth: depth) }
            let matching = outcomes.indices.filter { outcomes[$0].isEmpty }
            if matching.isEmpty {
                violations.append(Self.noMatch("oneOf", outcomes, path: path))
            } else if matching.count > 1 {
                violations.append(OpenAPIViolation(
                    path: path, message: "matches \(matching.count) alternatives of oneOf (#\(matching.map { $0 + 1 }))"))
            }
        }
        if let negated = schema["not"], violationsOf(value, negated, path: path, depth: depth).isEmpty {
            violations.append(OpenAPIViolation(path: path, message: "matches a schema under `not`"))
        }
    }

    private func violationsOf(
        _ value: OpenAPIJSONValue, _ schema: OpenAPIJSONValue, path: String, depth: Int
    ) -> [OpenAPIViolation] {
        var result: [OpenAPIViolation] = []
        validate(value, schema, path: path, depth: depth + 1, into: &result)
        return result
    }

    /// "matches none of the N alternatives", quoting the closest alternative's first violations.
    private static func noMatch(_ keyword: String, _ outcomes: [[OpenAPIViolation]], path: String) -> OpenAPIViolation {
        guard let closest = outcomes.indices.min(by: { outcomes[$0].count < outcomes[$1].count }) else {
            return OpenAPIViolation(path: path, message: "\(keyword) has no alternatives")
        }
        let reasons = outcomes[closest].prefix(3).map(\.description).joined(separator: "; ")
        return OpenAPIViolation(
            path: path,
            message: "matches none of the \(outcomes.count) alternatives of \(keyword) "
                + "(closest, #\(closest + 1): \(reasons))")
    }

    // MARK: Strings

    private func validateString(_ text: String, _ schema: OpenAPIJSONValue, report: (String) -> Void) {
        let length = text.unicodeScalars.count
        if let minimum = schema["minLength"]?.number, Double(length) < minimum {
            report("\(OpenAPIJSONValue.string(text).brief) is shorter than \(Int(minimum)) characters")
        }
        if let maximum = schema["maxLength"]?.number, Double(length) > maximum {
            report("\(OpenAPIJSONValue.string(text).brief) is longer than \(Int(maximum)) characters")
        }
        if let pattern = schema["pattern"]?.string {
            if let expression = try? NSRegularExpression(pattern: pattern) {
                let range = NSRange(text.startIndex..., in: text)
                if expression.firstMatch(in: text, range: range) == nil {
                    report("\(OpenAPIJSONValue.string(text).brief) does not match the pattern \(pattern)")
                }
            } else {
                report("the schema's pattern \(pattern) is not a valid regular expression")
            }
        }
        if let format = schema["format"]?.string, let valid = OpenAPIFormats.check(format, text), !valid {
            report("\(OpenAPIJSONValue.string(text).brief) is not a valid \(format)")
        }
    }

    // MARK: Numbers

    private func validateNumber(_ number: Double, _ schema: OpenAPIJSONValue, report: (String) -> Void) {
        let shown = OpenAPIJSONValue.number(number).brief
        if let minimum = schema["minimum"]?.number, number < minimum {
            report("\(shown) is less than the minimum \(OpenAPIJSONValue.number(minimum).brief)")
        }
        if let maximum = schema["maximum"]?.number, number > maximum {
            report("\(shown) is greater than the maximum \(OpenAPIJSONValue.number(maximum).brief)")
        }
        if let minimum = schema["exclusiveMinimum"]?.number, number <= minimum {
            report("\(shown) is not greater than \(OpenAPIJSONValue.number(minimum).brief)")
        }
        if let maximum = schema["exclusiveMaximum"]?.number, number >= maximum {
            report("\(shown) is not less than \(OpenAPIJSONValue.number(maximum).brief)")
        }
        if let divisor = schema["multipleOf"]?.number, divisor > 0 {
            let quotient = number / divisor
            if abs(quotient - quotient.rounded()) > 1e-9 {
                report("\(shown) is not a multiple of \(OpenAPIJSONValue.number(divisor).brief)")
            }
        }
    }

    // MARK: Objects

    private func validateObject(
        _ members: [String: OpenAPIJSONValue], _ schema: OpenAPIJSONValue, path: String, depth: Int,
        into violations: inout [OpenAPIViolation]
    ) {
        let properties = schema["properties"]?.object ?? [:]
        for name in schema["required"]?.array?.compactMap(\.string) ?? [] where members[name] == nil {
            violations.append(OpenAPIViolation(
                path: OpenAPIJSONPath.member(path, name), message: "the required member is missing"))
        }
        for name in members.keys.sorted() {
            let memberPath = OpenAPIJSONPath.member(path, name)
            if let propertySchema = properties[name] {
                validate(members[name]!, propertySchema, path: memberPath, depth: depth + 1, into: &violations)
                continue
            }
            switch schema["additionalProperties"] {
            case .bool(false)?:
                violations.append(OpenAPIViolation(
                    path: memberPath, message: "the member is not allowed (additionalProperties: false)"))
            case .object(let additional)? where !additional.isEmpty:
                validate(members[name]!, .object(additional), path: memberPath, depth: depth + 1, into: &violations)
            default:
                break
            }
        }
        if let minimum = schema["minProperties"]?.number, Double(members.count) < minimum {
            violations.append(OpenAPIViolation(path: path, message: "has fewer than \(Int(minimum)) members"))
        }
        if let maximum = schema["maxProperties"]?.number, Double(members.count) > maximum {
            violations.append(OpenAPIViolation(path: path, message: "has more than \(Int(maximum)) members"))
        }
    }

    // MARK: Arrays

    private func validateArray(
        _ elements: [OpenAPIJSONValue], _ schema: OpenAPIJSONValue, path: String, depth: Int,
        into violations: inout [OpenAPIViolation]
    ) {
        let prefix = schema["prefixItems"]?.array ?? []
        for (index, element) in elements.enumerated() {
            let elementPath = OpenAPIJSONPath.element(path, index)
            if index < prefix.count {
                validate(element, prefix[index], path: elementPath, depth: depth + 1, into: &violations)
            } else if let items = schema["items"] {
                validate(element, items, path: elementPath, depth: depth + 1, into: &violations)
            }
        }
        if let minimum = schema["minItems"]?.number, Double(elements.count) < minimum {
            violations.append(OpenAPIViolation(path: path, message: "has fewer than \(Int(minimum)) elements"))
        }
        if let maximum = schema["maxItems"]?.number, Double(elements.count) > maximum {
            violations.append(OpenAPIViolation(path: path, message: "has more than \(Int(maximum)) elements"))
        }
        if schema["uniqueItems"] == .bool(true) {
            for index in elements.indices where elements[..<index].contains(elements[index]) {
                violations.append(OpenAPIViolation(
                    path: OpenAPIJSONPath.element(path, index), message: "repeats an earlier element (uniqueItems)"))
            }
        }
    }
}

/// The string formats the validator checks.
enum OpenAPIFormats {
    /// Whether `text` is valid for `format`, or `nil` for formats that are annotations only.
    static func check(_ format: String, _ text: String) -> Bool? {
        switch format {
        case "uuid": isUUID(text)
        case "date": isDate(Substring(text))
        case "date-time": isDateTime(text)
        case "uri": URL(string: text)?.scheme != nil
        default: nil
        }
    }

    /// 8-4-4-4-12 hexadecimal digits, either case (Swift writes upper case, RFC 9562 recommends lower).
    static func isUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
            && text.allSatisfy(\.isASCII)
    }

    /// `YYYY-MM-DD`, a day that exists.
    static func isDate(_ text: Substring) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.map(\.count) == [4, 2, 2], parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// RFC 3339 `date-time`: `YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)`.
    static func isDateTime(_ text: String) -> Bool {
        guard let separator = text.firstIndex(where: { $0 == "T" || $0 == "t" }),
              isDate(text[..<separator])
        else { return false }
        var time = text[text.index(after: separator)...]
        let offset: Substring
        if time.last == "Z" || time.last == "z" {
            offset = ""
            time = time.dropLast()
        } else if let sign = time.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            offset = time[time.index(after: sign)...]
            time = time[..<sign]
            let fields = offset.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.map(\.count) == [2, 2], let hours = Int(fields[0]), let minutes = Int(fields[1]),
                  hours <= 23, minutes <= 59
            else { return false }
        } else {
            return false
        }
        var fraction: Substring = ""
        if let dot = time.firstIndex(of: ".") {
            fraction = time[time.index(after: dot)...]
            time = time[..<dot]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        }
        let fields = time.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.map(\.count) == [2, 2, 2],
              fields.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(fields[0]), let minute = Int(fields[1]), let second = Int(fields[2])
        else { return false }
        return hour <= 23 && minute <= 59 && second <= 60
    }
}
