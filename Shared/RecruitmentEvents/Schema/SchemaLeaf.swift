import Foundation

/// The JSON shape of a value that the schema generator does not look into.
enum SchemaLeaf: Equatable {
    case string
    case integer(minimum: Int64?)
    case number
    case boolean
    case dateTime
    case date
    case uuid
    case decimal
    case uri
    /// Any JSON value (a ``SchemaFreeFormJSON`` type): the schema places no constraint on it.
    case anyJSON
}

/// A type whose JSON may be any value (e.g. a public record committed to the transparency log as it is): the schema
/// generator describes it as "any JSON" instead of looking into its decoding.
public protocol SchemaFreeFormJSON: Decodable {
    /// A value the recorder hands back in place of decoding one.
    static var schemaPlaceholder: Self { get }
}

/// A type the schema recorder treats as a leaf: it records ``schemaLeaf`` and hands the decoding type
/// ``schemaPlaceholder`` instead of decoding it (its own `init(from:)` might reject the recorder's dummy input).
protocol SchemaLeafType {
    static var schemaLeaf: SchemaLeaf { get }
    static var schemaPlaceholder: Self { get }
}

extension String: SchemaLeafType {
    static var schemaLeaf: SchemaLeaf { .string }
    static var schemaPlaceholder: String { "" }
}

extension Bool: SchemaLeafType {
    static var schemaLeaf: SchemaLeaf { .boolean }
    static var schemaPlaceholder: Bool { false }
}

extension Double: SchemaLeafType {
    static var schemaLeaf: SchemaLeaf { .number }
    static var schemaPlaceholder: Double { 0 }
}

extension Float: SchemaLeafType {
    static var schemaLeaf: SchemaLeaf { .number }
    static var schemaPlaceholder: Float { 0 }
}

/// Every fixed-width integer is an `integer` leaf; unsigned ones have `minimum: 0`.
extension SchemaLeafType where Self: FixedWidthInteger {
    static var schemaLeaf: SchemaLeaf { .integer(minimum: Self.isSigned ? nil : 0) }
    static var schemaPlaceholder: Self { 0 }
}

extension Int: SchemaLeafType {}
extension Int8: SchemaLeafType {}
extension Int16: SchemaLeafType {}
extension Int32: SchemaLeafType {}
extension Int64: SchemaLeafType {}
extension UInt: SchemaLeafType {}
extension UInt8: SchemaLeafType {}
extension UInt16: SchemaLeafType {}
extension UInt32: SchemaLeafType {}
extension UInt64: SchemaLeafType {}

extension Date: SchemaLeafType {
    static var schemaLeaf: SchemaLeaf { .dateTime }
    static var schemaPlaceholder: Date { Date(timeIntervalSince1970: 0) }
}

extension UUID: SchemaLeafType {
    static var schemaLeaf: SchemaLeaf { .uuid }
    static var schemaPlaceholder: UUID { UUID() }
}

extension URL: SchemaLeafType {
    static var schemaLeaf: SchemaLeaf { .uri }
    static var schemaPlaceholder: URL { URL(fileURLWithPath: "/") }
}

extension CalendarDate: SchemaLeafType {
    static var schemaLeaf: SchemaLeaf { .date }
    static var schemaPlaceholder: CalendarDate { CalendarDate(year: 1970, month: 1, day: 1)! }
}

extension ExactDecimal: SchemaLeafType {
    static var schemaLeaf: SchemaLeaf { .decimal }
    static var schemaPlaceholder: ExactDecimal { ExactDecimal(0) }
}
