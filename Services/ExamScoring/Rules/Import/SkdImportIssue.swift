/// The issues of an SKD score file, with their fields, codes and messages in one place.
enum SkdImportIssue {
    // MARK: The file

    static func invalidUTF8(line: Int) -> ScoreIssue {
        ScoreIssue(
            field: "file", code: "invalid-utf8",
            message: "the file is not UTF-8 text (first bad byte on line \(line)); save it as \"CSV UTF-8\"")
    }

    static func noRows(headerFound: Bool) -> ScoreIssue {
        ScoreIssue(
            field: "file", code: "no-rows",
            message: headerFound ? "the file has a header but no data rows" : "the file is empty")
    }

    static func tooManyRows(maximum: Int) -> ScoreIssue {
        ScoreIssue(
            field: "file", code: "too-many-rows",
            message: "the file has more than \(maximum) data rows; reading stopped there, split the file")
    }

    static func tooManyIssues(maximum: Int) -> ScoreIssue {
        ScoreIssue(
            field: "file", code: "too-many-issues",
            message: "the file has more than \(maximum) issues; reading stopped there, after the first \(maximum)")
    }

    // MARK: The header

    static func unknownColumn(_ name: String, position: Int) -> ScoreIssue {
        let what = name.isEmpty
            ? "column \(position) has no name" : "unknown column \(quoted(name)) (column \(position))"
        return ScoreIssue(
            field: "header", code: "unknown-column",
            message: "\(what); the columns are nomor_peserta, twk, tiu, tkp and optionally total and keterangan")
    }

    static func duplicateColumn(_ column: SkdImportColumn, position: Int, firstPosition: Int) -> ScoreIssue {
        ScoreIssue(
            field: "header", code: "duplicate-column",
            message: "column \(position) repeats \(column.name), already column \(firstPosition)")
    }

    static func missingColumn(_ column: SkdImportColumn) -> ScoreIssue {
        let aliases = column.headerNames.dropFirst()
        let name = aliases.isEmpty ? column.name : "\(column.name) (or \(aliases.joined(separator: ", ")))"
        return ScoreIssue(field: "header", code: "missing-column", message: "the required column \(name) is missing")
    }

    static func unterminatedQuoteInHeader() -> ScoreIssue {
        ScoreIssue(
            field: "header", code: "unterminated-quote",
            message: "a quote in the header is never closed, so the whole file was read as the header")
    }

    // MARK: A row as a whole

    static func unterminatedQuote(row: Int, cell: String) -> ScoreIssue {
        ScoreIssue(
            field: "rows[\(row)]", code: "unterminated-quote",
            message: "a quote opened in \(cell) is never closed, so the rest of the file was read as that cell")
    }

    static func wrongCellCount(row: Int, count: Int, expected: Int) -> ScoreIssue {
        ScoreIssue(
            field: "rows[\(row)]", code: "wrong-cell-count",
            message: "row \(row) has \(count) cells, the header has \(expected)")
    }

    // MARK: A cell

    static func invalidParticipantNumber(row: Int, text: String) -> ScoreIssue {
        let got = text.isEmpty ? "it is empty" : "got \(quoted(text))"
        return ScoreIssue(
            field: SkdImportColumn.participantNumber.field(row: row), code: "invalid-participant-number",
            message: "a participant number has 1 to 32 letters, digits or hyphens; \(got)")
    }

    static func duplicateParticipantNumber(row: Int, number: String, firstRow: Int) -> ScoreIssue {
        ScoreIssue(
            field: SkdImportColumn.participantNumber.field(row: row), code: "duplicate-participant-number",
            message: "participant \(number) already appears in row \(firstRow)")
    }

    static func unknownStatus(row: Int, text: String) -> ScoreIssue {
        ScoreIssue(
            field: SkdImportColumn.status.field(row: row), code: "unknown-status",
            message: "unknown keterangan \(quoted(text)): leave it empty for a scored participant or write TH for one "
                + "who did not attend; DIS (disqualified) needs a reason and is recorded separately, not imported")
    }

    static func missing(_ column: SkdImportColumn, row: Int) -> ScoreIssue {
        ScoreIssue(
            field: column.field(row: row), code: "missing",
            message: "\(column.label) is empty; a participant without keterangan TH must have a score")
    }

    static func notAnInteger(_ column: SkdImportColumn, row: Int, text: String) -> ScoreIssue {
        ScoreIssue(
            field: column.field(row: row), code: "not-an-integer",
            message: "\(column.label) must be a whole number written with digits only, got \(quoted(text))")
    }

    static func tooLarge(_ column: SkdImportColumn, row: Int, text: String) -> ScoreIssue {
        ScoreIssue(
            field: column.field(row: row), code: "out-of-range",
            message: "\(column.label) must be between 0 and \(column.maximum), got \(quoted(text))")
    }

    static func scoreWhenAbsent(_ column: SkdImportColumn, row: Int, text: String) -> ScoreIssue {
        ScoreIssue(
            field: column.field(row: row), code: "score-when-absent",
            message: "\(column.label) must be empty for a participant marked TH (absent), got \(quoted(text))")
    }

    /// `text` in quotes, cut to 40 characters: a cell may hold anything, up to the rest of the file.
    private static func quoted(_ text: String) -> String {
        text.count <= 40 ? "\"\(text)\"" : "\"\(text.prefix(40))…\""
    }
}
