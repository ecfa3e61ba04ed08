import Foundation
import RecruitmentEvents
import Testing
@testable import ExamScoringRules

/// Generated files of a realistic size: a whole test site's session export.
@Suite struct SkdScoreImportLargeFileTests {
    typealias F = ImportFixture

    /// Row `index` (from 1) of a generated file: every 17th participant absent, the others with scores that vary
    /// over the whole valid range.
    static func expectedRow(_ index: Int) -> SkdScoreImport.Row {
        let number = "2430012021" + String(index).leftPadded(to: 7)
        if index % 17 == 0 { return F.absent(index, number) }
        return F.scored(index, number, index % 31 * 5, index % 36 * 5, index % 226)
    }

    /// The file of `count` generated rows, semicolon-delimited with CRLF line ends.
    static func generatedFile(count: Int) -> String {
        var text = "nomor_peserta;twk;tiu;tkp;total;keterangan\r\n"
        for index in 1...count {
            let row = expectedRow(index)
            switch row.outcome {
            case .absent: text += "\(row.participantNumber);;;;;TH\r\n"
            case .scored(let scores):
                text += "\(row.participantNumber);\(scores.twk);\(scores.tiu);\(scores.tkp);\(scores.total);\r\n"
            }
        }
        return text
    }

    @Test func tenThousandGeneratedRowsImportExactly() {
        let rows = F.rows(Self.generatedFile(count: 10_000))
        #expect(rows.count == 10_000)
        #expect(rows == (1...10_000).map(Self.expectedRow))
        #expect(rows.filter { $0.outcome == .absent }.count == 10_000 / 17)
    }

    @Test func oneBadRowInTenThousandIsFoundByNumber() {
        var lines = Self.generatedFile(count: 10_000).components(separatedBy: "\r\n")
        #expect(Self.expectedRow(7_786).outcome == .absent)
        lines[7_786] = lines[7_786].replacingOccurrences(of: ";TH", with: ";DIS")
        lines[9_000] = lines[2_000]
        let spots = F.spots(lines.joined(separator: "\r\n"))
        #expect(spots == [
            "rows[7786].keterangan unknown-status", "rows[9000].nomor_peserta duplicate-participant-number",
        ])
    }
}

private extension String {
    /// The string with zeros in front up to `width` characters.
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
