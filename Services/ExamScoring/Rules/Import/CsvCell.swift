/// One cell of a CSV record: where its value lies in the file's bytes, with the enclosing quotes and the surrounding
/// spaces and tabs already left out. Nothing is copied until a value is needed.
struct CsvCell: Hashable, Sendable {
    /// The offset of the value's first byte.
    var start: Int
    /// The offset just past the value's last byte.
    var end: Int
    /// The value was quoted and holds `""` pairs, each standing for one `"`.
    var hasDoubledQuotes: Bool

    /// Holds no value.
    var isEmpty: Bool { start >= end }

    /// The number of bytes of the value as written.
    var byteCount: Int { end - start }

    /// The value as text, each `""` of a quoted value read as one `"`.
    func text(in bytes: [UInt8]) -> String {
        guard hasDoubledQuotes else { return String(decoding: bytes[start..<end], as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(byteCount)
        var index = start
        while index < end {
            unescaped.append(bytes[index])
            index += bytes[index] == CsvByte.quote ? 2 : 1
        }
        return String(decoding: unescaped, as: UTF8.self)
    }
}
