import Foundation
import Testing
@testable import ExamScoringRules

/// A hopeless file gets the first 200 issues and a closing `too-many-issues`, not one issue per cell: found by the
/// hostile-input suite, where a 6 MB header of unknown columns came back as a 900 MB problem response.
@Suite struct SkdScoreImportIssueCapTests {
    typealias F = ImportFixture

    @Test func aHeaderOfManyUnknownColumnsIsCapped() {
        let header = String(repeating: "x,", count: 100_000) + "nomor_peserta,twk,tiu,tkp"
        let issues = F.issues(F.file(header, "A1,65,80,100"))
        #expect(issues.count == 201)
        #expect(F.spots(Array(issues.prefix(2))) == ["header unknown-column", "header unknown-column"])
        #expect(F.spots([issues[200]]) == ["file too-many-issues"])
    }

    @Test func manyBadRowsStopTheReadingAtTheCap() {
        let rows = (1...5_000).map { "A\($0),1,1,1" }
        let issues = F.issues(Data(([F.header] + rows).joined(separator: "\n").utf8))
        #expect(issues.count == 201)
        #expect(issues.first?.field == "rows[1].twk")
        #expect(issues.last?.code == "too-many-issues")
    }

    @Test func upToTheCapEveryIssueIsReported() {
        let rows = (1...200).map { "A\($0),66,80,100" }  // one issue a row: TWK 66 is no multiple of 5
        let issues = F.issues(Data(([F.header] + rows).joined(separator: "\n").utf8))
        #expect(issues.count == 200)
        #expect(!issues.contains { $0.code == "too-many-issues" })
    }
}
