/// A string enum that may appear in an event: the schema generator lists its raw values as the JSON Schema `enum`.
///
/// Every enum used in an event payload must conform (the generator fails otherwise, naming the field).
/// Adding a case breaks consumers that decode with an older build, so it needs a new event version unless all
/// consumers are deployed first.
public protocol SchemaEnumeration: CaseIterable, RawRepresentable, Codable, Sendable where RawValue == String {}

extension SchemaEnumeration {
    /// The allowed raw values, in declaration order.
    static var schemaValues: [String] { allCases.map(\.rawValue) }

    /// Some value, handed to the decoding type while recording its schema.
    static var schemaPlaceholder: Self? { allCases.first }
}
