public import Foundation

/// Writes the bytes Foundation's `JSONEncoder` with `.sortedKeys` writes, for the few hot values whose generic encoding
/// costs more CPU than the rest of their request (profiled on a submission: about a tenth of the registration
/// service's time went to encoding the event and the registration card).
///
/// A ``PlainJSONWritable`` value writes its keys in sorted order; the writer takes care of separators. Exact or
/// nothing: a string the encoder would escape other than `/` (a quote, a backslash, a control character) marks the
/// output as not plain, and ``bytes`` answers `nil`, so that the caller encodes the value the generic way and gets the
/// same bytes. Tests compare every writable type with `JSONEncoder` byte for byte.
public struct PlainJSONWriter {
    private var output: [UInt8] = []
    private var isPlain = true
    /// Whether a separator goes before the next key or array element.
    private var needsSeparator = false
    /// Whether `/` is written `\/`: `JSONEncoder`'s default, off with `.withoutEscapingSlashes` (events).
    public let escapesSlashes: Bool

    /// A writer for an encoder with `.sortedKeys`, and `.withoutEscapingSlashes` unless `escapesSlashes`.
    public init(escapesSlashes: Bool, capacity: Int = 512) {
        self.escapesSlashes = escapesSlashes
        output.reserveCapacity(capacity)
    }

    /// The JSON written, or `nil` if a string needed an escape this writer does not reproduce.
    public var bytes: [UInt8]? { isPlain ? output : nil }

    // MARK: Structure

    /// Starts an object (as a value or an array element).
    public mutating func beginObject() {
        separate()
        output.append(UInt8(ascii: "{"))
    }

    public mutating func endObject() {
        output.append(UInt8(ascii: "}"))
        needsSeparator = true
    }

    /// Starts an array (as a value or an array element).
    public mutating func beginArray() {
        separate()
        output.append(UInt8(ascii: "["))
    }

    public mutating func endArray() {
        output.append(UInt8(ascii: "]"))
        needsSeparator = true
    }

    /// A key; the next call writes its value. Keys are plain ASCII names, written as they are.
    public mutating func key(_ name: StaticString) {
        separate()
        output.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { output.append(contentsOf: $0) }
        output.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    // MARK: Values

    /// A string value.
    public mutating func string(_ value: String) {
        separate()
        output.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0..<0x20, 0x7F:
                isPlain = false
            case UInt8(ascii: "/") where escapesSlashes:
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
        needsSeparator = true
    }

    /// A string enumeration's raw value.
    public mutating func string<Value: RawRepresentable>(_ value: Value) where Value.RawValue == String {
        string(value.rawValue)
    }

    /// A UUID as `JSONEncoder` writes it: `uuidString`, upper case.
    public mutating func uuid(_ value: UUID) {
        separate()
        output.append(UInt8(ascii: "\""))
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { buffer in
            let count = value.writeText(into: buffer, lowercase: false)
            output.append(contentsOf: buffer[..<count])
        }
        output.append(UInt8(ascii: "\""))
        needsSeparator = true
    }

    /// An instant as events and responses write it (``EventTimestamp``).
    public mutating func instant(_ value: Date) {
        string(EventTimestamp.string(from: value))
    }

    /// A nested writable value.
    public mutating func value(_ value: some PlainJSONWritable) {
        value.write(to: &self)
    }

    /// An array of writable values.
    public mutating func array<Element: PlainJSONWritable>(_ elements: [Element]) {
        beginArray()
        for element in elements { element.write(to: &self) }
        endArray()
    }

    private mutating func separate() {
        if needsSeparator { output.append(UInt8(ascii: ",")) }
        needsSeparator = false
    }
}

/// A value that writes its own JSON with a ``PlainJSONWriter``: exactly what its `Encodable` conformance produces with
/// sorted keys (optional properties that are `nil` left out), keys in sorted order.
public protocol PlainJSONWritable: Encodable {
    func write(to writer: inout PlainJSONWriter)
}

extension PlainJSONWritable {
    /// The bytes written directly, or `nil` when a string needs the generic encoder.
    public func plainJSON(escapesSlashes: Bool) -> [UInt8]? {
        var writer = PlainJSONWriter(escapesSlashes: escapesSlashes)
        write(to: &writer)
        return writer.bytes
    }
}
