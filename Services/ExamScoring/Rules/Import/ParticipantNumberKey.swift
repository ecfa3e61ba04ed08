/// A valid participant number (1-32 ASCII bytes) packed into four words: a dictionary key that compares and hashes
/// without touching a string, for the duplicate check over every row of a large file.
struct ParticipantNumberKey: Hashable, Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var count: Int

    /// The key of the cell's bytes; the cell must hold a participant number (`CsvCell.isParticipantNumber`).
    init(_ cell: CsvCell, in bytes: [UInt8]) {
        count = cell.byteCount
        for offset in 0..<min(count, 32) {
            let shifted = UInt64(bytes[cell.start + offset]) << (UInt64(offset & 7) << 3)
            switch offset >> 3 {
            case 0: words.0 |= shifted
            case 1: words.1 |= shifted
            case 2: words.2 |= shifted
            default: words.3 |= shifted
            }
        }
    }

    static func == (left: Self, right: Self) -> Bool {
        left.count == right.count && left.words == right.words
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
        hasher.combine(count)
    }
}
