import Foundation
import RecruitmentEvents
import Testing
@testable import ExamScoringRules

/// Builds SKD score files and reads the outcome of importing them.
enum ImportFixture {
    /// A header with the required columns, comma-delimited.
    static let header = "nomor_peserta,twk,tiu,tkp"

    /// The rows of a file that must import, or a recorded test failure and no rows.
    static func rows(
        _ text: String, maximumRows: Int = 200_000, sourceLocation: SourceLocation = #_sourceLocation
    ) -> [SkdScoreImport.Row] {
        rows(Data(text.utf8), maximumRows: maximumRows, sourceLocation: sourceLocation)
    }

    /// The rows of a file that must import, or a recorded test failure and no rows.
    static func rows(
        _ data: Data, maximumRows: Int = 200_000, sourceLocation: SourceLocation = #_sourceLocation
    ) -> [SkdScoreImport.Row] {
        do {
            return try SkdScoreImport.parse(data, maximumRows: maximumRows).rows
        } catch {
            Issue.record("expected the file to import, got \(error.issues)", sourceLocation: sourceLocation)
            return []
        }
    }

    /// The issues of a file that must be rejected, or a recorded test failure and no issues.
    static func issues(
        _ text: String, maximumRows: Int = 200_000, sourceLocation: SourceLocation = #_sourceLocation
    ) -> [ScoreIssue] {
        issues(Data(text.utf8), maximumRows: maximumRows, sourceLocation: sourceLocation)
    }

    /// The issues of a file that must be rejected, or a recorded test failure and no issues.
    static func issues(
        _ data: Data, maximumRows: Int = 200_000, sourceLocation: SourceLocation = #_sourceLocation
    ) -> [ScoreIssue] {
        do {
            let imported = try SkdScoreImport.parse(data, maximumRows: maximumRows)
            Issue.record(
                "expected the file to be rejected, got \(imported.rows.count) rows", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.issues
        }
    }

    /// `field code` of each issue: what a table of expectations compares.
    static func spots(_ issues: [ScoreIssue]) -> [String] {
        issues.map { "\($0.field) \($0.code)" }
    }

    /// The spots of a file that must be rejected.
    static func spots(
        _ text: String, maximumRows: Int = 200_000, sourceLocation: SourceLocation = #_sourceLocation
    ) -> [String] {
        spots(issues(text, maximumRows: maximumRows, sourceLocation: sourceLocation))
    }

    /// A scored row, with the total computed.
    static func scored(_ row: Int, _ number: String, _ twk: Int, _ tiu: Int, _ tkp: Int) -> SkdScoreImport.Row {
        SkdScoreImport.Row(
            row: row, participantNumber: number,
            outcome: .scored(SkdScores(twk: twk, tiu: tiu, tkp: tkp, total: twk + tiu + tkp)))
    }

    /// An absent (TH) row.
    static func absent(_ row: Int, _ number: String) -> SkdScoreImport.Row {
        SkdScoreImport.Row(row: row, participantNumber: number, outcome: .absent)
    }

    /// `lines` joined with LF and ending with one.
    static func file(_ lines: String...) -> String {
        lines.joined(separator: "\n") + "\n"
    }
}
