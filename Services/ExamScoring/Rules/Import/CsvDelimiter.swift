/// Picks the delimiter of a CSV file from its header line.
enum CsvDelimiter {
    /// `,` or `;`, whichever occurs more often outside quotes in the first line holding a value (`,` on a tie); nil
    /// when no line holds one, i.e. the file is empty as far as records go.
    ///
    /// A line "holds a value" when it has a byte other than spaces, tabs, carriage returns, quotes and delimiters:
    /// the lines the record reader skips as blank are skipped here too.
    static func detect(in bytes: [UInt8], from start: Int) -> UInt8? {
        var commas = 0
        var semicolons = 0
        var holdsValue = false
        var inQuotes = false
        for index in start..<bytes.count {
            let byte = bytes[index]
            if byte == CsvByte.quote {
                inQuotes.toggle()
                continue
            }
            if inQuotes {
                holdsValue = holdsValue || !isFiller(byte)
                continue
            }
            switch byte {
            case CsvByte.comma: commas += 1
            case CsvByte.semicolon: semicolons += 1
            case CsvByte.lineFeed:
                if holdsValue { return pick(commas: commas, semicolons: semicolons) }
                commas = 0
                semicolons = 0
            default: holdsValue = holdsValue || !isFiller(byte)
            }
        }
        return holdsValue ? pick(commas: commas, semicolons: semicolons) : nil
    }

    private static func isFiller(_ byte: UInt8) -> Bool {
        CsvByte.isBlank(byte) || byte == CsvByte.carriageReturn || byte == CsvByte.lineFeed
            || byte == CsvByte.comma || byte == CsvByte.semicolon
    }

    private static func pick(commas: Int, semicolons: Int) -> UInt8 {
        semicolons > commas ? CsvByte.semicolon : CsvByte.comma
    }
}
