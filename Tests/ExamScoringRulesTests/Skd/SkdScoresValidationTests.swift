import RecruitmentEvents
import Testing
@testable import ExamScoringRules

@Suite("SkdScores.validated (DOMAIN §2)")
struct SkdScoresValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var twk: Int, tiu: Int, tkp: Int, total: Int?
        var expected: [IssueSummary]
        var testDescription: String { "\(twk)/\(tiu)/\(tkp) total \(total.map(String.init) ?? "-")" }
    }

    @Test("Ranges, steps of 5 and the total", arguments: [
        Case(twk: 150, tiu: 175, tkp: 225, total: nil, expected: []),
        Case(twk: 0, tiu: 0, tkp: 0, total: 0, expected: []),
        Case(twk: 150, tiu: 80, tkp: 166, total: 396, expected: []),
        Case(twk: 155, tiu: 80, tkp: 166, total: nil, expected: [IssueSummary("twk", "out-of-range")]),
        Case(twk: 63, tiu: 80, tkp: 166, total: nil, expected: [IssueSummary("twk", "not-a-multiple-of-5")]),
        Case(twk: -5, tiu: 80, tkp: 166, total: nil, expected: [IssueSummary("twk", "out-of-range")]),
        Case(twk: 65, tiu: 180, tkp: 166, total: nil, expected: [IssueSummary("tiu", "out-of-range")]),
        Case(twk: 65, tiu: 82, tkp: 166, total: nil, expected: [IssueSummary("tiu", "not-a-multiple-of-5")]),
        Case(twk: 65, tiu: 80, tkp: 226, total: nil, expected: [IssueSummary("tkp", "out-of-range")]),
        Case(twk: 65, tiu: 80, tkp: -1, total: nil, expected: [IssueSummary("tkp", "out-of-range")]),
        Case(twk: 65, tiu: 80, tkp: 167, total: 311, expected: [IssueSummary("total", "total-mismatch")]),
        Case(twk: 63, tiu: 180, tkp: 300, total: 1, expected: [
            IssueSummary("twk", "not-a-multiple-of-5"), IssueSummary("tiu", "out-of-range"),
            IssueSummary("tkp", "out-of-range"),
        ]),
    ])
    func table(_ example: Case) {
        let found = issues { () throws(ScoreValidationError) in
            try SkdScores.validated(twk: example.twk, tiu: example.tiu, tkp: example.tkp, total: example.total)
        }
        #expect(found == example.expected)
    }

    @Test("The total is computed, and the prefix names the row")
    func totalAndPrefix() throws {
        let scores = try SkdScores.validated(twk: 110, tiu: 130, tkp: 202)
        #expect(scores == SkdScores(twk: 110, tiu: 130, tkp: 202, total: 442))
        let found = issues { () throws(ScoreValidationError) in
            try SkdScores.validated(twk: 151, tiu: 80, tkp: 166, fieldPrefix: "rows[3].")
        }
        #expect(found == [IssueSummary("rows[3].twk", "out-of-range")])
    }
}
