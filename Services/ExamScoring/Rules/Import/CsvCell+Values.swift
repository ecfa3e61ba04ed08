/// What a score cell holds.
enum CsvIntegerCell: Hashable, Sendable {
    /// Nothing.
    case empty
    /// Digits only: the value, leading zeros ignored.
    case integer(Int)
    /// Digits only, but more than 18 of them after any leading zeros: beyond every score's range.
    case tooLarge
    /// Anything else: a sign, a decimal or thousands separator, a letter.
    case notAnInteger
}

extension CsvCell {
    /// The most significant digits read into an `Int`; three such values still add up without overflow.
    static let maximumDigits = 18

    /// Reads the cell as a plain non-negative integer, working on the bytes.
    func integer(in bytes: [UInt8]) -> CsvIntegerCell {
        guard !isEmpty else { return .empty }
        var value = 0
        var digits = 0
        for index in start..<end {
            let byte = bytes[index]
            guard byte >= CsvByte.zero, byte <= CsvByte.nine else { return .notAnInteger }
            if digits == 0, byte == CsvByte.zero { continue }
            digits += 1
            if digits <= Self.maximumDigits { value = value * 10 + Int(byte - CsvByte.zero) }
        }
        return digits > Self.maximumDigits ? .tooLarge : .integer(value)
    }

    /// Whether the cell is a participant number: 1 to 32 ASCII letters, digits or hyphens.
    func isParticipantNumber(in bytes: [UInt8]) -> Bool {
        guard (1...32).contains(byteCount) else { return false }
        for index in start..<end {
            let byte = bytes[index]
            guard CsvByte.isAlphanumeric(byte) || byte == CsvByte.hyphen else { return false }
        }
        return true
    }

    /// Whether the cell says `TH` (tidak hadir, absent) in any case.
    func isAbsentMark(in bytes: [UInt8]) -> Bool {
        byteCount == 2 && (bytes[start] | 0x20) == 0x74 && (bytes[start + 1] | 0x20) == 0x68
    }
}
