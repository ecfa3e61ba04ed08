/// How a CSV record ended.
enum CsvRecordEnd: Hashable, Sendable {
    /// At a line end or at the end of the file.
    case complete
    /// Inside a quoted cell that is never closed: the last cell holds the rest of the file.
    case unterminatedQuote
}

/// Splits a file's bytes into RFC 4180 records, one at a time, without copying: quoted cells may hold delimiters,
/// line ends and `""` pairs; records end at LF or CRLF. Spaces and tabs around a value are left out, inside quotes
/// too. A cell with text after its closing quote (`"12"3`) is taken as written, quotes included.
struct CsvRecordReader {
    /// The whole file.
    let bytes: [UInt8]
    /// `,` or `;`.
    let delimiter: UInt8
    /// Where the next record starts.
    private(set) var position: Int

    /// A reader of `bytes` from offset `position` (past any byte order mark).
    init(bytes: [UInt8], delimiter: UInt8, position: Int) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.position = position
    }

    /// Reads the next record that holds a value, skipping records whose cells are all empty (blank lines and the
    /// `;;;;` lines spreadsheets write for empty rows); nil at the end of the file.
    mutating func nextNonBlank(into cells: inout [CsvCell]) -> CsvRecordEnd? {
        while let end = next(into: &cells) {
            if end == .unterminatedQuote || cells.contains(where: { !$0.isEmpty }) { return end }
        }
        return nil
    }

    /// Reads the next record into `cells`, replacing their content; nil at the end of the file.
    mutating func next(into cells: inout [CsvCell]) -> CsvRecordEnd? {
        cells.removeAll(keepingCapacity: true)
        let count = bytes.count
        guard position < count else { return nil }
        var index = position
        while true {
            while index < count, CsvByte.isBlank(bytes[index]) { index += 1 }
            if index < count, bytes[index] == CsvByte.quote {
                guard let (cell, after) = quotedCell(openingAt: index) else {
                    cells.append(trimmed(start: index + 1, end: count, hasDoubledQuotes: true))
                    position = count
                    return .unterminatedQuote
                }
                cells.append(cell)
                index = after
            } else {
                let stop = scanUnquoted(from: index)
                cells.append(trimmed(start: index, end: contentEnd(before: stop), hasDoubledQuotes: false))
                index = stop
            }
            // `index` is now at a delimiter, a line feed or the end of the file.
            if index < count, bytes[index] == delimiter {
                index += 1
                continue
            }
            position = index < count ? index + 1 : count
            return .complete
        }
    }

    /// The cell whose opening quote is at `quoteIndex`, and the offset of the delimiter, line feed or file end after
    /// it; nil when the quote is never closed.
    private func quotedCell(openingAt quoteIndex: Int) -> (CsvCell, Int)? {
        let count = bytes.count
        var index = quoteIndex + 1
        var hasDoubledQuotes = false
        while index < count {
            if bytes[index] == CsvByte.quote {
                guard index + 1 < count, bytes[index + 1] == CsvByte.quote else { break }
                hasDoubledQuotes = true
                index += 2
            } else {
                index += 1
            }
        }
        guard index < count else { return nil }
        let closingQuote = index
        index += 1
        while index < count, CsvByte.isBlank(bytes[index]) { index += 1 }
        if index < count, bytes[index] == CsvByte.carriageReturn,
           index + 1 == count || bytes[index + 1] == CsvByte.lineFeed {
            index += 1
        }
        if index == count || bytes[index] == delimiter || bytes[index] == CsvByte.lineFeed {
            return (trimmed(start: quoteIndex + 1, end: closingQuote, hasDoubledQuotes: hasDoubledQuotes), index)
        }
        let stop = scanUnquoted(from: index)
        return (trimmed(start: quoteIndex, end: contentEnd(before: stop), hasDoubledQuotes: false), stop)
    }

    /// The offset of the first delimiter or line feed from `start`, or the file's end.
    @inline(__always)
    private func scanUnquoted(from start: Int) -> Int {
        var index = start
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == delimiter || byte == CsvByte.lineFeed { break }
            index += 1
        }
        return index
    }

    /// `stop` moved back over the carriage return of a CRLF line end (or of a CR ending the file).
    @inline(__always)
    private func contentEnd(before stop: Int) -> Int {
        let atLineEnd = stop == bytes.count || bytes[stop] == CsvByte.lineFeed
        return atLineEnd && stop > 0 && bytes[stop - 1] == CsvByte.carriageReturn ? stop - 1 : stop
    }

    /// A cell of the bytes in `start..<end` without surrounding spaces and tabs.
    @inline(__always)
    private func trimmed(start: Int, end: Int, hasDoubledQuotes: Bool) -> CsvCell {
        var start = start
        var end = max(start, end)
        while start < end, CsvByte.isBlank(bytes[start]) { start += 1 }
        while end > start, CsvByte.isBlank(bytes[end - 1]) { end -= 1 }
        return CsvCell(start: start, end: end, hasDoubledQuotes: hasDoubledQuotes)
    }
}
