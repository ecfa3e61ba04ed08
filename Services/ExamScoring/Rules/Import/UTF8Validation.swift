/// Checks that a file is UTF-8 text.
enum UTF8Validation {
    /// The offset of the first byte that is not part of a valid UTF-8 sequence, or nil when all of `bytes` from
    /// `start` on is valid. Pure ASCII, the usual case, is checked by a plain loop; from the first other byte on the
    /// standard library's decoder decides.
    static func firstInvalidOffset(in bytes: [UInt8], from start: Int) -> Int? {
        guard let firstNonASCII = bytes[start...].firstIndex(where: { $0 >= 0x80 }) else { return nil }
        var offset = firstNonASCII
        var iterator = bytes[firstNonASCII...].makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// The 1-based line of the byte at `offset`, counting line feeds before it.
    static func line(ofOffset offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<offset].reduce(0) { $1 == CsvByte.lineFeed ? $0 + 1 : $0 }
    }
}
