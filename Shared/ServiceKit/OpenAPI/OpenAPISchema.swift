public import RecruitmentEvents

/// Where the JSON Schema of a body comes from: a Swift type (the normal case, so the document cannot drift from the
/// code) or, for the rare body no Swift type describes, a literal schema.
///
/// Types are derived by the event schema generator (``EventSchemaGenerator/payloadSchema(for:definitions:)``) when
/// the document is rendered: every named object or enum type becomes one component under `#/components/schemas/`,
/// named after the Swift type, however often it is used.
public struct OpenAPISchema: Sendable {
    /// Derives the schema, adding named parts to the document's components.
    let derive: @Sendable (inout SchemaDefinitions) throws(SchemaGenerationError) -> EventJSON
    /// The Swift type or `schema`, for error messages.
    let source: String

    /// The schema of a Decodable type's JSON, as its own `init(from:)` reads it (`decode` → required,
    /// `decodeIfPresent` → optional, closed objects, `UUID` → `format: uuid`, `Date` → `format: date-time`, …).
    /// (`SendableMetatype` costs nothing: every concrete type has it; the document keeps the type until rendering.)
    public static func type<T: Decodable & SendableMetatype>(_ type: T.Type) -> OpenAPISchema {
        OpenAPISchema(
            derive: { (definitions: inout SchemaDefinitions) throws(SchemaGenerationError) -> EventJSON in
                try EventSchemaGenerator.payloadSchema(for: T.self, definitions: &definitions)
            },
            source: String(describing: T.self))
    }

    /// A literal JSON Schema, for bodies no Swift type describes (e.g. the OpenAPI document itself).
    public static func literal(_ schema: EventJSON) -> OpenAPISchema {
        OpenAPISchema(derive: { (_: inout SchemaDefinitions) throws(SchemaGenerationError) -> EventJSON in schema },
                      source: "literal schema")
    }
}

/// The schema of a path, query or header parameter: a scalar with optional constraints.
public struct OpenAPIValueType: Sendable, Equatable {
    /// `string`, `integer`, `number` or `boolean`.
    public var type: String
    /// `uuid`, `date`, `date-time`, …
    public var format: String?
    /// Inclusive bounds of an integer.
    public var minimum: Int64?
    public var maximum: Int64?
    /// Length bounds of a string, in characters.
    public var minLength: Int?
    public var maxLength: Int?
    /// An ECMA-262 regular expression a string must match.
    public var pattern: String?
    /// The allowed values of a string.
    public var allowedValues: [String]?

    /// A value type with any constraints; prefer the static helpers.
    public init(type: String, format: String? = nil, minimum: Int64? = nil, maximum: Int64? = nil,
                minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil, allowedValues: [String]? = nil) {
        self.type = type
        self.format = format
        self.minimum = minimum
        self.maximum = maximum
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
        self.allowedValues = allowedValues
    }

    /// Any string.
    public static let string = OpenAPIValueType(type: "string")
    /// A UUID (`format: uuid`; either case).
    public static let uuid = OpenAPIValueType(type: "string", format: "uuid")
    /// A calendar date `YYYY-MM-DD`.
    public static let date = OpenAPIValueType(type: "string", format: "date")
    /// An RFC 3339 instant.
    public static let dateTime = OpenAPIValueType(type: "string", format: "date-time")
    /// `true` or `false`.
    public static let boolean = OpenAPIValueType(type: "boolean")
    /// Any number.
    public static let number = OpenAPIValueType(type: "number")

    /// An integer, optionally bounded.
    public static func integer(minimum: Int64? = nil, maximum: Int64? = nil) -> OpenAPIValueType {
        OpenAPIValueType(type: "integer", minimum: minimum, maximum: maximum)
    }

    /// A string with length bounds and/or a pattern (ECMA-262, unanchored unless it says `^…$`).
    public static func text(minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil) -> OpenAPIValueType {
        OpenAPIValueType(type: "string", minLength: minLength, maxLength: maxLength, pattern: pattern)
    }

    /// One of the given strings.
    public static func oneOf(_ values: [String]) -> OpenAPIValueType {
        OpenAPIValueType(type: "string", allowedValues: values)
    }

    /// One of the raw values of a ``SchemaEnumeration``, in declaration order.
    public static func enumeration<E: SchemaEnumeration>(_ type: E.Type) -> OpenAPIValueType {
        oneOf(E.allCases.map(\.rawValue))
    }

    /// The JSON Schema of the value.
    var jsonSchema: EventJSON {
        var schema: [String: EventJSON] = ["type": .string(type)]
        if let format { schema["format"] = .string(format) }
        if let minimum { schema["minimum"] = .integer(minimum) }
        if let maximum { schema["maximum"] = .integer(maximum) }
        if let minLength { schema["minLength"] = .integer(Int64(minLength)) }
        if let maxLength { schema["maxLength"] = .integer(Int64(maxLength)) }
        if let pattern { schema["pattern"] = .string(pattern) }
        if let allowedValues { schema["enum"] = .array(allowedValues.map(EventJSON.string)) }
        return .object(schema)
    }
}
