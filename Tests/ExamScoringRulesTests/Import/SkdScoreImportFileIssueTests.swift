import Foundation
import Testing
@testable import ExamScoringRules

/// Problems of the file as a whole and of its header.
@Suite struct SkdScoreImportFileIssueTests {
    typealias F = ImportFixture

    @Test func unknownDuplicateAndMissingColumnsAreReportedTogetherWithTheRowsIssues() {
        let issues = F.issues(F.file(
            "nomor_peserta,TWK,nilai,no_peserta,tiu,,twk",
            "A1,65,9,A1,80,,70",
            "A2,65,9,A2,81,,70",
            "A3,65,9"))
        #expect(F.spots(issues) == [
            "header unknown-column",
            "header duplicate-column",
            "header unknown-column",
            "header duplicate-column",
            "header missing-column",
            "rows[2].tiu not-a-multiple-of-5",
            "rows[3] wrong-cell-count",
        ])
        #expect(issues.prefix(5).map(\.message) == [
            "unknown column \"nilai\" (column 3); the columns are nomor_peserta, twk, tiu, tkp and optionally total "
                + "and keterangan",
            "column 4 repeats nomor_peserta, already column 1",
            "column 6 has no name; the columns are nomor_peserta, twk, tiu, tkp and optionally total and keterangan",
            "column 7 repeats twk, already column 2",
            "the required column tkp is missing",
        ])
    }

    @Test func aHeaderIssueAloneRejectsAnOtherwiseValidFile() {
        let issues = F.issues(F.file("twk,tiu,tkp", "65,80,166"))
        #expect(issues == [ScoreIssue(
            field: "header", code: "missing-column",
            message: "the required column nomor_peserta (or no_peserta, participant_number) is missing")])
    }

    @Test func aStatusColumnUnderBothNamesIsADuplicate() {
        #expect(F.spots(F.file("nomor_peserta,twk,tiu,tkp,status,keterangan", "A1,65,80,166,,")) == [
            "header duplicate-column",
        ])
    }

    @Test func aFileThatIsNotUTF8IsOneIssueNamingTheLine() {
        // "Keterangan" written by a Windows-1252 spreadsheet: é is 0xE9.
        var bytes = Array(F.file(F.header, "A1,65,80,166").utf8)
        bytes += Array("A2,65,80,166,caf".utf8) + [0xE9] + Array("\nA3,x,x,x\n".utf8)
        let issues = F.issues(Data(bytes))
        #expect(issues == [ScoreIssue(
            field: "file", code: "invalid-utf8",
            message: "the file is not UTF-8 text (first bad byte on line 3); save it as \"CSV UTF-8\"")])
    }

    @Test(arguments: [
        [UInt8]([0xFF, 0xFE, 0x6E, 0x00]),  // UTF-16 with its byte order mark
        [0x61, 0xC0, 0x80],  // an overlong encoding
        [0x61, 0xED, 0xA0, 0x80],  // a surrogate
        [0x61, 0xE2, 0x82],  // cut off at the end
        [0x61, 0x80],  // a lone continuation byte
    ])
    func malformedUTF8IsRejected(bytes: [UInt8]) {
        #expect(F.spots(F.issues(Data(bytes))) == ["file invalid-utf8"])
    }

    @Test func validMultiByteUTF8IsNotAnEncodingIssue() {
        let issues = F.issues(F.file("nomor_peserta,twk,tiu,tkp,keterangan", "A1,,,,tidak hadir – sakit 🤒"))
        #expect(issues.map(\.code) == ["unknown-status"])
    }

    @Test func anUnterminatedQuoteIsAnIssueOfItsRowAndEndsTheFile() {
        let issues = F.issues(F.file(F.header, "A1,65,81,166", "A2,\"65,80,166", "A3,x,x,x"))
        #expect(issues == [
            ScoreIssue(
                field: "rows[1].tiu", code: "not-a-multiple-of-5",
                message: "TIU scores 5 per correct answer, so 81 is impossible"),
            ScoreIssue(
                field: "rows[2]", code: "unterminated-quote",
                message: "a quote opened in the twk cell is never closed, so the rest of the file was read as "
                    + "that cell"),
        ])
    }

    @Test func anUnterminatedQuoteInTheHeaderIsTheOnlyIssue() {
        #expect(F.spots(F.file("nomor_peserta,\"twk,tiu,tkp", "A1,65,80,166")) == ["header unterminated-quote"])
    }

    @Test(arguments: ["", "\n\n", " \r\n\t\r\n", ";;;\n,,\n", "\u{FEFF}"])
    func anEmptyFileHasNoRows(text: String) {
        #expect(F.issues(text) == [ScoreIssue(field: "file", code: "no-rows", message: "the file is empty")])
    }

    @Test(arguments: [F.header, F.header + "\r\n", F.header + "\n\n,,,\n"])
    func aHeaderWithoutDataRowsHasNoRows(text: String) {
        #expect(F.issues(text) == [ScoreIssue(
            field: "file", code: "no-rows", message: "the file has a header but no data rows")])
    }

    @Test func headerIssuesComeBeforeNoRows() {
        #expect(F.spots("nomor_peserta,twk,tiu\n") == ["header missing-column", "file no-rows"])
    }

    @Test func exactlyTheMaximumNumberOfRowsIsAccepted() {
        #expect(F.rows(F.file(F.header, "A1,65,80,166", "A2,65,80,166", "", "A3,65,80,166"), maximumRows: 3).count == 3)
    }

    @Test func oneRowMoreThanTheMaximumStopsReadingThere() {
        let issues = F.issues(
            F.file(F.header, "A1,65,81,166", "A2,65,80,166", "A3,65,80,166", "A4,65,80,166", "A5,x,x,x"),
            maximumRows: 3)
        #expect(issues == [
            ScoreIssue(
                field: "rows[1].tiu", code: "not-a-multiple-of-5",
                message: "TIU scores 5 per correct answer, so 81 is impossible"),
            ScoreIssue(
                field: "file", code: "too-many-rows",
                message: "the file has more than 3 data rows; reading stopped there, split the file"),
        ])
    }

    @Test func theDefaultMaximumIs200000Rows() {
        let rows = (1...200_001).lazy.map { "\($0),0,0,0\n" }.joined()
        #expect(F.issues(F.header + "\n" + rows) == [ScoreIssue(
            field: "file", code: "too-many-rows",
            message: "the file has more than 200000 data rows; reading stopped there, split the file")])
    }
}
