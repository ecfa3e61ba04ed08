/// Named schemas shared by reference, collected while deriving the schemas of several types (the
/// `components/schemas` of an OpenAPI document, or the `$defs` of a JSON Schema).
///
/// Pass the same value to ``EventSchemaGenerator/payloadSchema(for:definitions:)`` for every type: each named object
/// and ``SchemaEnumeration`` type is stored once under its Swift name and every use becomes
/// `{"$ref": "<referencePrefix><name>"}`. Names are the type's short name (`PeriodView`, `Page_PeriodView` for
/// `Page<PeriodView>`); a different type with the same short name gets its qualified name (`Outer.PeriodView`), and a
/// number if that collides too. The names depend on the order types are first met, so derive them in a fixed order.
///
/// The event schemas never use this: they stay self-contained, every part inline.
public struct SchemaDefinitions: Sendable, Equatable {
    /// What precedes a name in a `$ref`, e.g. `#/components/schemas/` or `#/$defs/`.
    public let referencePrefix: String
    /// Whether `[String: Value]` dictionaries are allowed, as `{"type": "object", "additionalProperties": <Value>}`.
    /// Events refuse them (their keys must be fixed); an HTTP response may legitimately be keyed by names.
    public var allowsStringKeyedDictionaries: Bool
    /// The collected schemas by name.
    public private(set) var schemas: [String: EventJSON] = [:]
    /// The name given to each Swift type.
    private var names: [ObjectIdentifier: String] = [:]

    public init(referencePrefix: String = "#/$defs/", allowsStringKeyedDictionaries: Bool = false) {
        self.referencePrefix = referencePrefix
        self.allowsStringKeyedDictionaries = allowsStringKeyedDictionaries
    }

    /// The `$ref` schema pointing at `name`.
    public func reference(to name: String) -> EventJSON {
        .object(["$ref": .string(referencePrefix + name)])
    }

    /// The name of `type`'s schema, if it has been stored.
    public func name(of type: Any.Type) -> String? {
        names[ObjectIdentifier(type)]
    }

    /// Stores `schema` as the schema of `type` (once; later uses of the same type keep the first) and returns the
    /// reference to it.
    mutating func reference(to schema: EventJSON, of type: Any.Type) -> EventJSON {
        let identifier = ObjectIdentifier(type)
        if let name = names[identifier] { return reference(to: name) }
        let name = uniqueName(for: type)
        names[identifier] = name
        schemas[name] = schema
        return reference(to: name)
    }

    private func uniqueName(for type: Any.Type) -> String {
        let short = Self.sanitized(String(describing: type))
        guard schemas[short] != nil else { return short }
        // `Module.Outer.Name` → `Outer.Name` (generic arguments keep their modules; harmless).
        var qualified = String(reflecting: type)
        if let dot = qualified.firstIndex(of: "."), !qualified[..<dot].contains("<") {
            qualified = String(qualified[qualified.index(after: dot)...])
        }
        let candidate = Self.sanitized(qualified)
        if schemas[candidate] == nil { return candidate }
        var counter = 2
        while schemas["\(candidate)_\(counter)"] != nil { counter += 1 }
        return "\(candidate)_\(counter)"
    }

    /// A name made of the characters OpenAPI allows in component keys (`[A-Za-z0-9._-]`): `Page<Item>` →
    /// `Page_Item`, anything else dropped or turned into `_`.
    static func sanitized(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isASCII, character.isLetter || character.isNumber || "._-".contains(character) {
                result.append(character)
            } else if !result.isEmpty, result.last != "_", character != ">", character != ")" {
                result.append("_")
            }
        }
        while result.last == "_" { result.removeLast() }
        return result.isEmpty ? "Schema" : result
    }
}
