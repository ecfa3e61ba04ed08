/// Reads an SKD score file (format: ``SkdScoreImport/parse(_:maximumRows:)``): the file-level checks, then the header,
/// then row after row.
struct SkdScoreImportParser {
    /// The whole file.
    let bytes: [UInt8]
    /// The columns, from the header.
    let layout: SkdImportLayout
    /// Every issue so far, in file order.
    var issues: [ScoreIssue]
    /// The rows read, kept only while `issues` is empty.
    var rows: [SkdScoreImport.Row] = []
    /// The row each valid participant number first appeared in.
    var firstRowOfParticipant: [ParticipantNumberKey: Int] = [:]

    private init(bytes: [UInt8], layout: SkdImportLayout, headerIssues: [ScoreIssue]) {
        self.bytes = bytes
        self.layout = layout
        self.issues = headerIssues
    }

    /// The rows of a valid file, or every issue found.
    static func parse(_ bytes: [UInt8], maximumRows: Int) -> Result<[SkdScoreImport.Row], ScoreValidationError> {
        let start = bytes.starts(with: CsvByte.byteOrderMark) ? CsvByte.byteOrderMark.count : 0
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes, from: start) {
            let line = UTF8Validation.line(ofOffset: offset, in: bytes)
            return .failure(ScoreValidationError(issues: [SkdImportIssue.invalidUTF8(line: line)]))
        }
        guard let delimiter = CsvDelimiter.detect(in: bytes, from: start) else {
            return .failure(ScoreValidationError(issues: [SkdImportIssue.noRows(headerFound: false)]))
        }
        var reader = CsvRecordReader(bytes: bytes, delimiter: delimiter, position: start)
        var cells: [CsvCell] = []
        switch reader.nextNonBlank(into: &cells) {
        case nil:
            return .failure(ScoreValidationError(issues: [SkdImportIssue.noRows(headerFound: false)]))
        case .unterminatedQuote:
            return .failure(ScoreValidationError(issues: [SkdImportIssue.unterminatedQuoteInHeader()]))
        case .complete:
            break
        }
        let (layout, headerIssues) = SkdImportLayout.read(header: cells, in: bytes, maximumIssues: maximumIssues)
        var parser = SkdScoreImportParser(bytes: bytes, layout: layout, headerIssues: headerIssues)
        if parser.issues.count <= maximumIssues { parser.readRows(from: &reader, maximumRows: maximumRows) }
        guard !parser.issues.isEmpty else { return .success(parser.rows) }
        return .failure(ScoreValidationError(issues: Self.capped(parser.issues)))
    }

    /// The most issues reported for one file: a file with more is hopeless, and listing them all would turn a
    /// few megabytes of CSV into a problem response of hundreds of megabytes. Reading stops at the next one.
    static let maximumIssues = 200

    /// `issues` cut to ``maximumIssues``, closed by a `too-many-issues` issue when there were more.
    static func capped(_ issues: [ScoreIssue]) -> [ScoreIssue] {
        guard issues.count > maximumIssues else { return issues }
        return Array(issues.prefix(maximumIssues)) + [SkdImportIssue.tooManyIssues(maximum: maximumIssues)]
    }

    /// Reads the data rows up to the end of the file, an unterminated quote or one row too many.
    private mutating func readRows(from reader: inout CsvRecordReader, maximumRows: Int) {
        var cells: [CsvCell] = []
        cells.reserveCapacity(layout.cellCount)
        let expectedRows = max(0, min(maximumRows, Self.lineCount(of: bytes, from: reader.position)))
        firstRowOfParticipant.reserveCapacity(expectedRows)
        rows.reserveCapacity(expectedRows)
        var row = 0
        while let end = reader.nextNonBlank(into: &cells) {
            row += 1
            guard row <= maximumRows else {
                issues.append(SkdImportIssue.tooManyRows(maximum: maximumRows))
                return
            }
            guard end == .complete else {
                let cell = layout.describeCell(at: cells.count - 1)
                issues.append(SkdImportIssue.unterminatedQuote(row: row, cell: cell))
                return
            }
            checkRow(row, cells: cells)
            if issues.count > Self.maximumIssues { return }
        }
        if row == 0 { issues.append(SkdImportIssue.noRows(headerFound: true)) }
    }

    /// The number of lines from `start` on: at most one row each, so enough room for the rows of a file.
    private static func lineCount(of bytes: [UInt8], from start: Int) -> Int {
        var count = 1
        for index in start..<bytes.count where bytes[index] == CsvByte.lineFeed { count += 1 }
        return count
    }
}
