/// Which cell of a row holds which column, as the header says.
struct SkdImportLayout: Sendable {
    /// The number of cells every row must have: the header's.
    let cellCount: Int
    /// The cell index of each column, by `SkdImportColumn.rawValue`; nil when the header lacks it.
    private let indices: [Int?]
    /// The column of each header cell, nil for an unknown name.
    private let columns: [SkdImportColumn?]

    /// The cell index of `column`, nil when the header lacks it.
    subscript(column: SkdImportColumn) -> Int? {
        indices[column.rawValue]
    }

    /// Reads the header record: the layout and the header's issues, in header order with missing columns last. Rows
    /// are read against the columns recognised: the first of duplicate columns, none of the unknown ones. Issues of
    /// single cells stop being collected past `maximumIssues` (the caller reports that there were more).
    static func read(header cells: [CsvCell], in bytes: [UInt8], maximumIssues: Int = .max)
        -> (SkdImportLayout, [ScoreIssue])
    {
        var indices = [Int?](repeating: nil, count: SkdImportColumn.allCases.count)
        var columns: [SkdImportColumn?] = []
        var issues: [ScoreIssue] = []
        for (index, cell) in cells.enumerated() {
            let name = cell.text(in: bytes)
            let counting = issues.count <= maximumIssues
            guard let column = SkdImportColumn(headerName: name) else {
                if counting { issues.append(SkdImportIssue.unknownColumn(name, position: index + 1)) }
                columns.append(nil)
                continue
            }
            if let first = indices[column.rawValue] {
                if counting {
                    issues.append(SkdImportIssue.duplicateColumn(column, position: index + 1, firstPosition: first + 1))
                }
                columns.append(nil)
            } else {
                indices[column.rawValue] = index
                columns.append(column)
            }
        }
        for column in SkdImportColumn.allCases where column.isRequired && indices[column.rawValue] == nil {
            issues.append(SkdImportIssue.missingColumn(column))
        }
        return (SkdImportLayout(cellCount: cells.count, indices: indices, columns: columns), issues)
    }

    /// How messages name the cell at `index`: its column's canonical name, or its position.
    func describeCell(at index: Int) -> String {
        if index < columns.count, let column = columns[index] { return "the \(column.name) cell" }
        return "cell \(index + 1)"
    }
}
