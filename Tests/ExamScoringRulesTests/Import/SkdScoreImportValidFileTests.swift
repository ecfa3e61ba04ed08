import Foundation
import RecruitmentEvents
import Testing
@testable import ExamScoringRules

/// Files that import: both delimiters, quoting, line ends, absent participants and the leniencies of the format.
@Suite struct SkdScoreImportValidFileTests {
    typealias F = ImportFixture

    @Test func aCommaFileWithTotals() {
        let rows = F.rows(F.file(
            "nomor_peserta,twk,tiu,tkp,total",
            "24300120210000001,110,125,188,423",
            "24300120210000002,85,125,188,398",
            "24300120210000003,0,0,0,0"))
        #expect(rows == [
            F.scored(1, "24300120210000001", 110, 125, 188),
            F.scored(2, "24300120210000002", 85, 125, 188),
            F.scored(3, "24300120210000003", 0, 0, 0),
        ])
    }

    @Test func aSemicolonSpreadsheetExportWithQuotesAndCRLF() {
        let text = "\"Nomor_Peserta\";\"TWK\";\"TIU\";\"TKP\";\"Total\";\"Keterangan\"\r\n"
            + "\"2430-0001\";\"90\";\"120\";\"188\";\"398\";\"\"\r\n"
            + "2430-0002;150;175;225;550;\r\n"
            + "\"2430-0003\";;;;;\"TH\"\r\n"
        #expect(F.rows(text) == [
            F.scored(1, "2430-0001", 90, 120, 188),
            F.scored(2, "2430-0002", 150, 175, 225),
            F.absent(3, "2430-0003"),
        ])
    }

    @Test func theLastLineMayLackALineEnd() {
        #expect(F.rows("nomor_peserta;twk;tiu;tkp\r\nA1;65;80;166") == [F.scored(1, "A1", 65, 80, 166)])
    }

    @Test func absentParticipantsAreMarkedTHInAnyCaseAndMayUseTheStatusAlias() {
        let rows = F.rows(F.file(
            "nomor_peserta,twk,tiu,tkp,total,status",
            "P-1,,,,,TH",
            "P-2,100,100,200,400,",
            "P-3,,,,,th",
            "P-4, , , , , Th "))
        #expect(rows == [F.absent(1, "P-1"), F.scored(2, "P-2", 100, 100, 200), F.absent(3, "P-3"), F.absent(4, "P-4")])
    }

    @Test func columnsMayComeInAnyOrderUnderAnyAliasAndCase() {
        let rows = F.rows(F.file(
            " TKP , Tiu,Participant_Number ,twk",
            "188,125,X-9,110"))
        #expect(rows == [F.scored(1, "X-9", 110, 125, 188)])
        #expect(F.rows(F.file("NO_PESERTA,twk,tiu,tkp", "7,5,5,1")) == [F.scored(1, "7", 5, 5, 1)])
    }

    @Test func aByteOrderMarkIsSkipped() {
        let data = Data([0xEF, 0xBB, 0xBF] + Array(F.file(F.header, "A1,65,80,166").utf8))
        #expect(F.rows(data) == [F.scored(1, "A1", 65, 80, 166)])
    }

    @Test func blankLinesAndEmptySpreadsheetRowsAreSkippedAndNotCounted() {
        let text = "\n  \r\n" + F.file(
            "nomor_peserta;twk;tiu;tkp",
            "",
            "A1;65;80;166",
            ";;;",
            "   ",
            "A2;70;85;170",
            "",
            "")
        #expect(F.rows(text) == [F.scored(1, "A1", 65, 80, 166), F.scored(2, "A2", 70, 85, 170)])
    }

    @Test func anEmptyTotalCellIsNotChecked() {
        #expect(F.rows(F.file("nomor_peserta,twk,tiu,tkp,total", "A1,65,80,166,")) == [F.scored(1, "A1", 65, 80, 166)])
    }

    @Test func spacesAroundValuesAndLeadingZerosAreAccepted() {
        #expect(F.rows(F.file(F.header, " A1 , 065 ,\t80, \"166\" ")) == [F.scored(1, "A1", 65, 80, 166)])
    }

    @Test(arguments: [
        "0", "1", "abcdefghijklmnopqrstuvwxyz-12345", "ABC-def-123", "243001202100000001",
    ])
    func participantNumbersOfLettersDigitsAndHyphensUpTo32Characters(number: String) {
        #expect(number.count <= 32)
        #expect(F.rows(F.file(F.header, "\(number),65,80,166")) == [F.scored(1, number, 65, 80, 166)])
    }

    @Test func participantNumbersDifferingOnlyInCaseAreDifferent() {
        let rows = F.rows(F.file(F.header, "ab-1,65,80,166", "AB-1,65,80,166"))
        #expect(rows.map(\.participantNumber) == ["ab-1", "AB-1"])
    }
}
