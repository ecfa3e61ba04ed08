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

extension Int: SchemaLeafType {
    static var schemaLeaf: SchemaLeaf { .integer(minimum: nil) }
    static var schemaPlaceholder: Int { 0 }
}

extension Int8: SchemaLeafType {
    static var schemaLeaf: SchemaLeaf { .integer(minimum: nil) }
    static var schemaPlaceholder: Int8 { 0 }
}

extension Int16: SchemaLeafType {
    static var schemaLeaf: SchemaLeaf { .integer(minimum: nil) }
    static var schemaPlaceholder: Int16 { 0 }
}

extension Int32: SchemaLeafType {
    static var schemaLeaf: SchemaLeaf { .integer(minimum: nil) }
    static var schemaPlaceholder: Int32 { 0 }
}

extension Int64: SchemaLeafType {
    static var schemaLeaf: SchemaLeaf { .integer(minimum: nil) }
    static var schemaPlaceholder: Int64 { 0 }
}

extension UInt: SchemaLeafType {
    static var schemaLeaf: SchemaLeaf { .integer(minimum: 0) }
    static var schemaPlaceholder: UInt { 0 }
}

extension UInt8: SchemaLeafType {
    static var schemaLeaf: SchemaLeaf { .integer(minimum: 0) }
    static var schemaPlaceholder: UInt8 { 0 }
}

extension UInt16: SchemaLeafType {
    static var schemaLeaf: SchemaLeaf { .integer(minimum: 0) }
    static var schemaPlaceholder: UInt16 { 0 }
}

extension UInt32: SchemaLeafType {
    static var schemaLeaf: SchemaLeaf { .integer(minimum: 0) }
    static var schemaPlaceholder: UInt32 { 0 }
}

extension UInt64: SchemaLeafType {
    static var schemaLeaf: SchemaLeaf { .integer(minimum: 0) }
    static var schemaPlaceholder: UInt64 { 0 }
}

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
