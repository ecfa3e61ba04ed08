import Foundation
import Testing
@testable import ExamScoringRules

@Suite("SkdAnswerKey.validated (DOMAIN §2)")
struct SkdAnswerKeyValidationTests {
    @Test("A key with the 2021 layout is valid")
    func valid() throws {
        #expect(try SkdFixtures.key.validated() == SkdFixtures.key)
    }

    @Test("Item counts", arguments: [
        (29, 35, 45, [IssueSummary("twk", "wrong-item-count")]),
        (30, 36, 45, [IssueSummary("tiu", "wrong-item-count")]),
        (30, 35, 44, [IssueSummary("tkp", "wrong-item-count")]),
        (35, 30, 35, [ // the 2019 layout is a different test
            IssueSummary("twk", "wrong-item-count"), IssueSummary("tiu", "wrong-item-count"),
            IssueSummary("tkp", "wrong-item-count"),
        ]),
    ])
    func counts(twk: Int, tiu: Int, tkp: Int, expected: [IssueSummary]) {
        let key = SkdAnswerKey(
            twk: Array(repeating: .a, count: twk), tiu: Array(repeating: .b, count: tiu),
            tkp: (0..<tkp).map(SkdFixtures.tkpItem))
        #expect(issues { () throws(ScoreValidationError) in try key.validated() } == expected)
    }

    @Test("TKP weights: every option A–E, 1–5, nothing else", arguments: [
        (["A": 3, "B": 5, "C": 1, "D": 2, "E": 4], [IssueSummary]()),
        (["A": 3, "B": 5, "C": 1, "D": 2, "E": 4, "F": 1], [IssueSummary("tkp[12].F", "unknown-option")]),
        (["A": 3, "C": 1, "D": 2, "E": 4], [IssueSummary("tkp[12].B", "missing-option")]),
        (["A": 0, "B": 6, "C": 1, "D": 2, "E": 4], [
            IssueSummary("tkp[12].A", "out-of-range"), IssueSummary("tkp[12].B", "out-of-range"),
        ]),
        (["a": 3, "B": 5, "C": 1, "D": 2, "E": 4], [
            IssueSummary("tkp[12].A", "missing-option"), IssueSummary("tkp[12].a", "unknown-option"),
        ]),
        ([:], SkdOption.allCases.map { IssueSummary("tkp[12].\($0.rawValue)", "missing-option") }),
    ])
    func weights(item: [String: Int], expected: [IssueSummary]) {
        var key = SkdFixtures.key
        key.tkp[12] = item
        #expect(issues { () throws(ScoreValidationError) in try key.validated() } == expected)
    }

    @Test("Every issue is reported, in item order")
    func everyIssue() {
        var key = SkdFixtures.key
        key.twk.removeLast()
        key.tkp[3]["B"] = nil
        key.tkp[40]["E"] = 9
        key.tkp[40]["X"] = 1
        let expected = [
            IssueSummary("twk", "wrong-item-count"), IssueSummary("tkp[3].B", "missing-option"),
            IssueSummary("tkp[40].E", "out-of-range"), IssueSummary("tkp[40].X", "unknown-option"),
        ]
        #expect(issues { () throws(ScoreValidationError) in try key.validated() } == expected)
    }

    @Test("JSON form of a TKP item is an object keyed by option letter")
    func json() throws {
        let text = #"{"twk":["A"],"tiu":["E"],"tkp":[{"A":3,"B":5,"C":1,"D":2,"E":4}]}"#
        let key = try JSONDecoder().decode(SkdAnswerKey.self, from: Data(text.utf8))
        #expect(key == SkdAnswerKey(twk: [.a], tiu: [.e], tkp: [["A": 3, "B": 5, "C": 1, "D": 2, "E": 4]]))
    }
}
