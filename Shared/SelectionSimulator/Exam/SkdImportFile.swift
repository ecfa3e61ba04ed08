/// A CAT system's export of one session's SKD sub-scores, as `POST /v1/skd-imports` takes it (``SkdScoreImport``):
/// a header and one row per participant, semicolon-separated with a total and an empty `keterangan` column as
/// Indonesian spreadsheet exports write them, lines ended by CRLF.
struct SkdImportFile: Sendable, Hashable {
    /// One participant's row.
    struct Row: Sendable, Hashable {
        var participantNumber: String
        var twk: Int
        var tiu: Int
        var tkp: Int
    }

    /// The rows, in file order (data row N of the service's messages is `rows[N - 1]`).
    var rows: [Row]

    static let header = ["nomor_peserta", "twk", "tiu", "tkp", "total", "keterangan"]

    /// The file's text.
    var text: String {
        let lines = [Self.header] + rows.map { row in
            [row.participantNumber, String(row.twk), String(row.tiu), String(row.tkp),
             String(row.twk + row.tiu + row.tkp), ""]
        }
        return lines.map { $0.joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    /// The file's bytes (UTF-8).
    var bytes: [UInt8] { Array(text.utf8) }

    /// A copy in which one row is wrong, for the all-or-nothing probe, and the field the service must name: with two
    /// rows or more, the middle row's TWK becomes 155 (above 150; `rows[N].twk`); with one, a row for `unknownNumber`
    /// (a plausible participant number nobody holds) is added (`rows[2].nomor_peserta`). `nil` for an empty file.
    func withOneBadRow(unknownNumber: String) -> (file: SkdImportFile, field: String)? {
        guard !rows.isEmpty else { return nil }
        var copy = self
        if rows.count >= 2 {
            let middle = rows.count / 2
            copy.rows[middle].twk = 155
            return (copy, "rows[\(middle + 1)].twk")
        }
        copy.rows.append(Row(participantNumber: unknownNumber, twk: 100, tiu: 100, tkp: 170))
        return (copy, "rows[2].nomor_peserta")
    }
}
