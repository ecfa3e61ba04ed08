public import Foundation
public import RecruitmentEvents

/// The SKD sub-scores of one exam session as exported by a CAT system, validated as a whole: every row is a
/// participant who was scored or absent. Only ``parse(_:maximumRows:)`` creates one, so a value always holds a file
/// that passed every rule.
public struct SkdScoreImport: Sendable, Hashable {
    /// One data row of the file.
    public struct Row: Sendable, Hashable {
        /// The data row number: 1 for the first row after the header, counting in file order and skipping blank lines.
        public var row: Int
        /// The participant number as written in the file (1-32 letters, digits or hyphens).
        public var participantNumber: String
        /// The scores, or that the participant did not attend.
        public var outcome: Outcome
    }

    /// What the file says about a participant.
    public enum Outcome: Sendable, Hashable {
        /// Sat the test; the sub-scores passed ``SkdScores/validated(twk:tiu:tkp:total:fieldPrefix:)``.
        case scored(SkdScores)
        /// Tidak hadir (TH): did not attend.
        case absent
    }

    /// The data rows, in file order.
    public var rows: [Row]

    /// Parses and validates a whole file; throws ScoreValidationError with EVERY issue (header and all rows) when
    /// anything is wrong. Nothing is returned then: an import is all or nothing.
    ///
    /// ## File format
    /// - **Encoding**: UTF-8; a leading byte order mark is skipped. Anything else is one issue, field `file`, code
    ///   `invalid-utf8`, naming the line of the first bad byte (a spreadsheet must save as "CSV UTF-8").
    /// - **Lines**: CRLF or LF line ends. Lines that are empty or hold only spaces, tabs and delimiters (as
    ///   spreadsheets export empty rows) are skipped wherever they are, and are not counted as rows.
    /// - **Delimiter**: `,` or `;` (Indonesian spreadsheet exports use `;`), whichever occurs more often outside
    ///   quotes in the header line (`,` on a tie). Quoting follows RFC 4180: a cell may be enclosed in `"`, inside
    ///   which delimiters and line ends are plain text and `""` stands for one `"`. A quote that is never closed is an
    ///   issue of its row (`rows[N]`, or `header`), code `unterminated-quote`; it swallows the rest of the file.
    ///   Spaces and tabs around a cell's value are ignored.
    /// - **Header**: the first line that is not blank; names are case-insensitive. Columns, in any order:
    ///   - `nomor_peserta` (also `no_peserta`, `participant_number`), required: 1-32 letters, digits or hyphens,
    ///     unique in the file (compared as written).
    ///   - `twk`, `tiu`, `tkp`, required: plain non-negative integers, no sign, decimals or thousands separators.
    ///     TWK 0-150 and TIU 0-175 in multiples of 5, TKP 0-225 (DOMAIN §2).
    ///   - `total`, optional: a filled cell must equal TWK + TIU + TKP (an empty one is not checked).
    ///   - `keterangan` (also `status`), optional: empty for a scored participant, `TH` (any case) for one who did not
    ///     attend, whose score cells must then be empty. DIS (disqualified) needs a reason and is recorded through
    ///     its own request, not imported.
    ///
    ///   Header issues have the field `header`, codes `unknown-column`, `duplicate-column` (a column also given
    ///   under an alias counts) and `missing-column`. The rows are still checked, against the columns that were
    ///   recognised (a duplicate column's first occurrence counts, an unknown column's cells are ignored).
    /// - **Rows**: data rows count from 1 (the header and skipped lines excluded). Fields are `rows[N]` for the row
    ///   as a whole and `rows[N].<column>` for a cell, always with the canonical column name (`rows[3].nomor_peserta`
    ///   even when the file says `no_peserta`). Codes: `wrong-cell-count` (not as many cells as header names; the
    ///   cells are then not checked), `invalid-participant-number`, `duplicate-participant-number` (on every later
    ///   occurrence, naming the first row), `unknown-status`, `missing`, `not-an-integer`, `score-when-absent`, and
    ///   from ``SkdScores/validated(twk:tiu:tkp:total:fieldPrefix:)`` `out-of-range`, `not-a-multiple-of-5` and
    ///   `total-mismatch`. With an unknown `keterangan` the score cells are not checked, as what they should hold is
    ///   unknown.
    /// - **Size**: no data rows is an issue `file`, code `no-rows`. More than `maximumRows` data rows is an issue
    ///   `file`, code `too-many-rows`: reading stops there, after the issues found so far.
    /// - **Issues**: at most 200 are reported; past that, reading stops and the last issue is `file`, code
    ///   `too-many-issues` (a hopeless file must not become a problem response of hundreds of megabytes).
    ///
    /// Issues come in file order: the header's, then each row's (participant number, keterangan, TWK, TIU, TKP,
    /// total), then those of the file as a whole.
    ///
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - maximumRows: the most data rows accepted.
    /// - Throws: ``ScoreValidationError`` with every issue found, never empty.
    public static func parse(
        _ data: Data, maximumRows: Int = 200_000
    ) throws(ScoreValidationError) -> SkdScoreImport {
        let rows = try SkdScoreImportParser.parse([UInt8](data), maximumRows: maximumRows).get()
        return SkdScoreImport(rows: rows)
    }
}
