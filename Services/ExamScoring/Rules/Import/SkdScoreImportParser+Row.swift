import RecruitmentEvents

/// What the keterangan cell of a row says.
private enum RowStatus {
    case scored
    case absent
    case unknown
}

extension SkdScoreImportParser {
    /// Checks data row `row`, appending its issues in column order (participant number, keterangan, scores), and
    /// keeps it while the file has no issue.
    mutating func checkRow(_ row: Int, cells: [CsvCell]) {
        guard cells.count == layout.cellCount else {
            issues.append(SkdImportIssue.wrongCellCount(row: row, count: cells.count, expected: layout.cellCount))
            return
        }
        let participantNumber = checkParticipantNumber(row, cells: cells)
        let outcome: SkdScoreImport.Outcome?
        switch checkStatus(row, cells: cells) {
        case .scored: outcome = checkScores(row, cells: cells).map { .scored($0) }
        case .absent: outcome = checkEmptyScores(row, cells: cells) ? .absent : nil
        case .unknown: outcome = nil
        }
        if issues.isEmpty, let participantNumber, let outcome {
            rows.append(SkdScoreImport.Row(row: row, participantNumber: participantNumber, outcome: outcome))
        }
    }

    /// The participant number when valid, noting the row it first appears in.
    private mutating func checkParticipantNumber(_ row: Int, cells: [CsvCell]) -> String? {
        guard let index = layout[.participantNumber] else { return nil }
        let cell = cells[index]
        guard cell.isParticipantNumber(in: bytes) else {
            issues.append(SkdImportIssue.invalidParticipantNumber(row: row, text: cell.text(in: bytes)))
            return nil
        }
        let number = cell.text(in: bytes)
        let key = ParticipantNumberKey(cell, in: bytes)
        if let firstRow = firstRowOfParticipant[key] {
            issues.append(SkdImportIssue.duplicateParticipantNumber(row: row, number: number, firstRow: firstRow))
        } else {
            firstRowOfParticipant[key] = row
        }
        return number
    }

    private mutating func checkStatus(_ row: Int, cells: [CsvCell]) -> RowStatus {
        guard let index = layout[.status] else { return .scored }
        let cell = cells[index]
        if cell.isEmpty { return .scored }
        if cell.isAbsentMark(in: bytes) { return .absent }
        issues.append(SkdImportIssue.unknownStatus(row: row, text: cell.text(in: bytes)))
        return .unknown
    }

    /// Whether every score cell is empty, as for a participant who did not attend.
    private mutating func checkEmptyScores(_ row: Int, cells: [CsvCell]) -> Bool {
        var allEmpty = true
        for column in SkdImportColumn.scores {
            guard let index = layout[column], !cells[index].isEmpty else { continue }
            issues.append(SkdImportIssue.scoreWhenAbsent(column, row: row, text: cells[index].text(in: bytes)))
            allEmpty = false
        }
        return allEmpty
    }

    /// The scores of a participant who sat the test, or nil after noting their issues. The cells are read here;
    /// the rules on the values are `SkdScores.validated`'s, applied to every readable cell.
    private mutating func checkScores(_ row: Int, cells: [CsvCell]) -> SkdScores? {
        var cellIssues: [ScoreIssue] = []
        func value(_ column: SkdImportColumn) -> Int? {
            guard let index = layout[column] else { return nil }
            let cell = cells[index]
            switch cell.integer(in: bytes) {
            case .integer(let value):
                return value
            case .empty:
                if column != .total { cellIssues.append(SkdImportIssue.missing(column, row: row)) }
            case .tooLarge:
                cellIssues.append(SkdImportIssue.tooLarge(column, row: row, text: cell.text(in: bytes)))
            case .notAnInteger:
                cellIssues.append(SkdImportIssue.notAnInteger(column, row: row, text: cell.text(in: bytes)))
            }
            return nil
        }
        let twk = value(.twk)
        let tiu = value(.tiu)
        let tkp = value(.tkp)
        let total = value(.total)
        let checkedTotal = twk != nil && tiu != nil && tkp != nil ? total : nil
        do throws(ScoreValidationError) {
            // An unreadable cell stands in as 0, which breaks no rule, so its own issue is the only one for it.
            let scores = try SkdScores.validated(
                twk: twk ?? 0, tiu: tiu ?? 0, tkp: tkp ?? 0, total: checkedTotal, fieldPrefix: "rows[\(row)].")
            guard cellIssues.isEmpty else {
                issues += cellIssues
                return nil
            }
            return scores
        } catch {
            issues += Self.inColumnOrder(cellIssues + error.issues, row: row)
            return nil
        }
    }

    /// `rowIssues` of score cells sorted as the columns are: twk, tiu, tkp, total.
    private static func inColumnOrder(_ rowIssues: [ScoreIssue], row: Int) -> [ScoreIssue] {
        let fields = SkdImportColumn.scores.map { $0.field(row: row) }
        return rowIssues.sorted { first, second in
            (fields.firstIndex(of: first.field) ?? fields.count) < (fields.firstIndex(of: second.field) ?? fields.count)
        }
    }
}
