import Foundation
import Testing
@testable import ExamScoringRules

/// Rows that break a rule: every one is reported with its row number and canonical field, and nothing is imported.
@Suite struct SkdScoreImportRowIssueTests {
    typealias F = ImportFixture

    @Test func oneBadRowAmongGoodOnesRejectsTheFileAndIsTheOnlyOneReported() {
        let issues = F.issues(F.file(
            F.header,
            "A1,65,80,166",
            "A2,65,82,166",
            "A3,65,80,166"))
        #expect(issues == [ScoreIssue(
            field: "rows[2].tiu", code: "not-a-multiple-of-5",
            message: "TIU scores 5 per correct answer, so 82 is impossible")])
    }

    @Test func everyBadRowIsReportedInFileOrderWithItsNumberAndField() {
        let spots = F.spots(F.file(
            "no_peserta;twk;tiu;tkp;total;keterangan",
            "A1;65;80;166;311;",
            "A2;155;80;166;;",
            "",
            "A3;65;80;;;",
            "A 4;65;80;166;;",
            "A5;65;80;166;300;",
            "A6;;;;;TH",
            "A7;10;;;;TH",
            "A8;65;80;166;;DIS",
            "A9;65;80",
            "A1;65;80;166;;",
            "A10;6,5;+80;166;;",
            "A11;65;80;166;;"))
        #expect(spots == [
            "rows[2].twk out-of-range",
            "rows[3].tkp missing",
            "rows[4].nomor_peserta invalid-participant-number",
            "rows[5].total total-mismatch",
            "rows[7].twk score-when-absent",
            "rows[8].keterangan unknown-status",
            "rows[9] wrong-cell-count",
            "rows[10].nomor_peserta duplicate-participant-number",
            "rows[11].twk not-an-integer",
            "rows[11].tiu not-an-integer",
        ])
    }

    @Test func aRowsIssuesComeInColumnOrderWhateverTheFilesColumnOrder() {
        let spots = F.spots(F.file(
            "total,tkp,tiu,twk,keterangan,nomor_peserta",
            "x,226,82,-1,,?",
            "1,,,,TH,?"))
        #expect(spots == [
            "rows[1].nomor_peserta invalid-participant-number",
            "rows[1].twk not-an-integer",
            "rows[1].tiu not-a-multiple-of-5",
            "rows[1].tkp out-of-range",
            "rows[1].total not-an-integer",
            "rows[2].nomor_peserta invalid-participant-number",
            "rows[2].total score-when-absent",
        ])
    }

    @Test(arguments: [
        ("155,80,166", "rows[1].twk out-of-range"),
        ("151,80,166", "rows[1].twk out-of-range"),
        ("63,80,166", "rows[1].twk not-a-multiple-of-5"),
        ("65,180,166", "rows[1].tiu out-of-range"),
        ("65,81,166", "rows[1].tiu not-a-multiple-of-5"),
        ("65,80,226", "rows[1].tkp out-of-range"),
        ("65,80,999999", "rows[1].tkp out-of-range"),
    ])
    func scoresOutOfRangeOrNotAMultipleOf5(scores: String, spot: String) {
        #expect(F.spots(F.file(F.header, "A1,\(scores)")) == [spot])
    }

    @Test(arguments: ["150,175,225", "0,0,0", "5,5,1", "65,80,166"])
    func scoresAtTheLimitsAreAccepted(scores: String) {
        #expect(F.rows(F.file(F.header, "A1,\(scores)")).count == 1)
    }

    @Test(arguments: ["-5", "+5", "85.0", "\"85,0\"", "1.000", "8 5", "abc", "1e2", "٨٥", "0x55", "\"85\"\"\""])
    func scoresMustBePlainNonNegativeIntegers(cell: String) {
        let issues = F.issues(F.file(F.header, "A1,\(cell),80,166"))
        #expect(F.spots(issues) == ["rows[1].twk not-an-integer"])
    }

    @Test func aNotAnIntegerMessageQuotesTheCellUnescaped() {
        let issues = F.issues(F.file("nomor_peserta;twk;tiu;tkp", "A1;\"8\"\"5\";80;166"))
        #expect(issues.map(\.message) == ["TWK must be a whole number written with digits only, got \"8\"5\""])
    }

    @Test func aNumberTooLongForAnyScoreIsOutOfRangeAndQuotedAsWritten() {
        let issues = F.issues(F.file("nomor_peserta,twk,tiu,tkp,total", "A1,65,80,1234567890123456789012,7"))
        #expect(issues == [ScoreIssue(
            field: "rows[1].tkp", code: "out-of-range",
            message: "TKP must be between 0 and 225, got \"1234567890123456789012\"")])
    }

    @Test func emptyScoresOfAScoredParticipantAreMissing() {
        let spots = F.spots(F.file(F.header, "A1,,,"))
        #expect(spots == ["rows[1].twk missing", "rows[1].tiu missing", "rows[1].tkp missing"])
    }

    @Test func aTotalThatIsNotTheSumIsAMismatch() {
        let issues = F.issues(F.file("nomor_peserta,twk,tiu,tkp,total", "A1,110,125,188,420"))
        #expect(issues == [ScoreIssue(
            field: "rows[1].total", code: "total-mismatch", message: "the total 420 is not TWK + TIU + TKP = 423")])
    }

    @Test func theTotalIsNotComparedWhenASubScoreIsUnreadable() {
        let spots = F.spots(F.file("nomor_peserta,twk,tiu,tkp,total", "A1,x,125,188,420"))
        #expect(spots == ["rows[1].twk not-an-integer"])
    }

    @Test func anAbsentParticipantMustHaveNoScores() {
        let issues = F.issues(F.file("nomor_peserta,twk,tiu,tkp,total,keterangan", "A1,,0,,311,TH"))
        #expect(F.spots(issues) == ["rows[1].tiu score-when-absent", "rows[1].total score-when-absent"])
        #expect(issues.first?.message == "TIU must be empty for a participant marked TH (absent), got \"0\"")
    }

    @Test(arguments: ["DIS", "dis", "P", "hadir", "T H", "\"T,H\""])
    func anUnknownKeteranganIsReportedAndTheScoresAreLeftUnchecked(status: String) {
        let issues = F.issues(F.file("nomor_peserta,twk,tiu,tkp,keterangan", "A1,999,,x,\(status)"))
        #expect(F.spots(issues) == ["rows[1].keterangan unknown-status"])
    }

    @Test func theUnknownStatusMessageExplainsThatDisIsRecordedElsewhere() {
        let issues = F.issues(F.file("nomor_peserta,twk,tiu,tkp,keterangan", "A1,,,,DIS"))
        let message = issues.first?.message ?? ""
        #expect(message.contains("\"DIS\""))
        #expect(message.contains("needs a reason and is recorded separately"))
    }

    @Test(arguments: [
        ("", "it is empty"),
        ("abcdefghijklmnopqrstuvwxyz-123456", "got \"abcdefghijklmnopqrstuvwxyz-123456\""),
        ("12 34", "got \"12 34\""),
        ("12/34", "got \"12/34\""),
        ("nº1", "got \"nº1\""),
        ("\"a\"\"b\"", "got \"a\"b\""),
    ])
    func invalidParticipantNumbers(cell: String, got: String) {
        let issues = F.issues(F.file(F.header, "\(cell),65,80,166"))
        #expect(issues == [ScoreIssue(
            field: "rows[1].nomor_peserta", code: "invalid-participant-number",
            message: "a participant number has 1 to 32 letters, digits or hyphens; \(got)")])
    }

    @Test func everyLaterOccurrenceOfAParticipantNamesTheFirstRow() {
        let issues = F.issues(F.file(F.header, "A1,65,80,166", "A2,,,", "A1,65,80,166", "A1,,,,"))
        #expect(F.spots(issues) == [
            "rows[2].twk missing", "rows[2].tiu missing", "rows[2].tkp missing",
            "rows[3].nomor_peserta duplicate-participant-number",
            "rows[4] wrong-cell-count",
        ])
        #expect(issues[3].message == "participant A1 already appears in row 1")
        let thrice = F.issues(F.file(F.header, "B,65,80,166", "A1,65,80,166", "A1,65,80,166", "A1,,,"))
        #expect(thrice.map(\.message) == [
            "participant A1 already appears in row 2",
            "participant A1 already appears in row 2",
            "TWK is empty; a participant without keterangan TH must have a score",
            "TIU is empty; a participant without keterangan TH must have a score",
            "TKP is empty; a participant without keterangan TH must have a score",
        ])
    }

    @Test(arguments: [("A1,65,80", 3), ("A1,65,80,166,311", 5), ("A1", 1)])
    func aRowWithTheWrongNumberOfCellsIsReportedAsAWhole(row: String, count: Int) {
        let issues = F.issues(F.file(F.header, row))
        #expect(issues == [ScoreIssue(
            field: "rows[1]", code: "wrong-cell-count", message: "row 1 has \(count) cells, the header has 4")])
    }

    @Test func aQuotedDelimiterIsPartOfItsCell() {
        let issues = F.issues(F.file("nomor_peserta;twk;tiu;tkp;keterangan", "A1;65;80;166;\"T;H\""))
        #expect(issues.map(\.code) == ["unknown-status"])
        #expect(issues.first?.message.hasPrefix("unknown keterangan \"T;H\":") == true)
    }
}
