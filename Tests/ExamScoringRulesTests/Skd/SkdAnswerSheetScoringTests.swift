import Foundation
import RecruitmentEvents
import Testing
@testable import ExamScoringRules

@Suite("SkdAnswerKey.score (DOMAIN §2)")
struct SkdAnswerSheetScoringTests {
    static let key = SkdFixtures.key

    /// A sheet with the first `twk` TWK and `tiu` TIU items right (the rest wrong or blank, alternately), and TKP
    /// item i answered with the option weighing `tkpWeight(i)` (nil = blank).
    static func sheet(twk: Int, tiu: Int, tkpWeight: (Int) -> Int?) -> SkdAnswerSheet {
        func answers(_ key: [SkdOption], correct: Int) -> [SkdOption?] {
            key.enumerated().map { index, option in
                index < correct ? option : (index.isMultiple(of: 2) ? SkdFixtures.wrong(option) : nil)
            }
        }
        return SkdAnswerSheet(
            twk: answers(key.twk, correct: twk), tiu: answers(key.tiu, correct: tiu),
            tkp: (0..<SkdLayout.tkpItems).map { index in
                tkpWeight(index).map { SkdFixtures.tkpOption(index, weighing: $0) }
            })
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var sheet: SkdAnswerSheet
        var expected: SkdScores
        var testDescription: String { name }
    }

    @Test("Scores", arguments: [
        Case(name: "all correct, every TKP option weighing 5",
             sheet: sheet(twk: 30, tiu: 35, tkpWeight: { _ in 5 }),
             expected: SkdScores(twk: 150, tiu: 175, tkp: 225, total: 550)),
        Case(name: "all blank",
             sheet: SkdAnswerSheet(
                twk: Array(repeating: nil, count: 30), tiu: Array(repeating: nil, count: 35),
                tkp: Array(repeating: nil, count: 45)),
             expected: SkdScores(twk: 0, tiu: 0, tkp: 0, total: 0)),
        Case(name: "all wrong, every TKP option weighing 1 (no negative marking)",
             sheet: SkdAnswerSheet(
                twk: key.twk.map(SkdFixtures.wrong), tiu: key.tiu.map(SkdFixtures.wrong),
                tkp: (0..<45).map { SkdFixtures.tkpOption($0, weighing: 1) }),
             expected: SkdScores(twk: 0, tiu: 0, tkp: 45, total: 45)),
        Case(name: "mixed: 17 and 16 right, TKP weights 1-5 in turn with every tenth item blank",
             sheet: sheet(twk: 17, tiu: 16, tkpWeight: { $0.isMultiple(of: 10) ? nil : $0 % 5 + 1 }),
             // TKP: 45 items weigh 9 × (1+2+3+4+5) = 135, minus the blanks 0, 10, 20, 30, 40 (each weighing 1).
             expected: SkdScores(twk: 85, tiu: 80, tkp: 130, total: 295)),
        Case(name: "exactly the general passing grade",
             sheet: sheet(twk: 13, tiu: 16, tkpWeight: { $0 < 31 ? 4 : 3 }),
             expected: SkdScores(twk: 65, tiu: 80, tkp: 166, total: 311)),
    ])
    func scores(_ example: Case) throws {
        #expect(try Self.key.score(example.sheet) == example.expected)
    }

    @Test("JSON: option letters, null for a blank")
    func json() throws {
        let text = #"{"twk":["A",null],"tiu":["E"],"tkp":[null,"C"]}"#
        let sheet = try JSONDecoder().decode(SkdAnswerSheet.self, from: Data(text.utf8))
        #expect(sheet == SkdAnswerSheet(twk: [.a, nil], tiu: [.e], tkp: [nil, .c]))
        #expect(SkdOption.allCases.map(\.rawValue) == ["A", "B", "C", "D", "E"])
    }

    @Test("The sheet must have as many items as the key")
    func itemCounts() {
        var sheet = Self.sheet(twk: 30, tiu: 35, tkpWeight: { _ in 5 })
        sheet.twk.removeLast()
        sheet.tkp.append(.a)
        let found = issues { () throws(ScoreValidationError) in try Self.key.score(sheet) }
        #expect(found == [
            IssueSummary("answers.twk", "wrong-item-count"), IssueSummary("answers.tkp", "wrong-item-count"),
        ])
    }

    @Test("An invalid key is reported with a key. prefix, not scored")
    func invalidKey() {
        var key = Self.key
        key.tkp[3]["B"] = nil
        let sheet = Self.sheet(twk: 30, tiu: 35, tkpWeight: { _ in 5 })
        let found = issues { () throws(ScoreValidationError) in try key.score(sheet) }
        #expect(found == [IssueSummary("key.tkp[3].B", "missing-option")])
    }
}
