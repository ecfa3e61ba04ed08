import Foundation
import RecruitmentEvents
import Testing
@testable import ExamScoringRules

/// Two candidates with equal integrated scores, equal on every criterion before `expected`; `upper` must rank first
/// although its participant number is the higher one.
struct FinalTieBreakCase: Sendable, CustomTestStringConvertible {
    var expected: FinalTieBreak
    var upper: FinalCandidate
    var lower: FinalCandidate
    var ageOrder: [UUID: Int] = [:]

    var testDescription: String { "\(expected.rawValue): \(upper.participantNumber) above \(lower.participantNumber)" }
}

@Suite struct FinalRankingTieBreakTests {
    typealias F = FinalFixtures

    static let cases: [FinalTieBreakCase] = [
        // 440 → 80.00, SKB 70.00 → 74.000; 407 → 74.00, SKB 74.00 → 74.000.
        FinalTieBreakCase(
            expected: .skdTotal,
            upper: F.candidate(2, twk: 100, tiu: 140, tkp: 200, skb: F.scored("70.00")),
            lower: F.candidate(1, twk: 90, tiu: 130, tkp: 187, skb: F.scored("74.00"))),
        FinalTieBreakCase(
            expected: .tkp,
            upper: F.candidate(2, twk: 100, tiu: 140, tkp: 200, skb: F.scored("70.00")),
            lower: F.candidate(1, twk: 105, tiu: 140, tkp: 195, skb: F.scored("70.00"))),
        FinalTieBreakCase(
            expected: .tiu,
            upper: F.candidate(2, twk: 100, tiu: 140, tkp: 200, skb: F.scored("70.00")),
            lower: F.candidate(1, twk: 105, tiu: 135, tkp: 200, skb: F.scored("70.00"))),
        FinalTieBreakCase(
            expected: .academicGrade,
            upper: F.candidate(2, skb: F.scored("70.00"), grade: F.grade("3.62")),
            lower: F.candidate(1, skb: F.scored("70.00"), grade: F.grade("3.50"))),
        FinalTieBreakCase(
            expected: .academicGrade,
            upper: F.candidate(2, skb: F.scored("70.00"), grade: F.grade("90", of: "100")),
            lower: F.candidate(1, skb: F.scored("70.00"), grade: F.grade("3.50"))),
        FinalTieBreakCase(
            expected: .academicGrade,
            upper: F.candidate(2, skb: F.scored("70.00"), grade: F.grade("2.00")),
            lower: F.candidate(1, skb: F.scored("70.00"))),
        FinalTieBreakCase(
            expected: .age,
            upper: F.candidate(2, skb: F.scored("70.00"), grade: F.grade("3.00")),
            lower: F.candidate(1, skb: F.scored("70.00"), grade: F.grade("75", of: "100")),
            ageOrder: [F.uuid(2): 1, F.uuid(1): 2]),
        FinalTieBreakCase(
            expected: .age,
            upper: F.candidate(2, skb: F.scored("70.00")),
            lower: F.candidate(1, skb: F.scored("70.00")),
            ageOrder: [F.uuid(2): 5, F.uuid(1): 9]),
    ]

    @Test(arguments: cases)
    func eachCriterionOfDomain3_3Decides(_ testCase: FinalTieBreakCase) throws {
        let rows = try FinalRanking.rank(
            [testCase.lower, testCase.upper], quota: 1, policy: .standard, ageOrder: testCase.ageOrder)
        try #require(rows.count == 2)
        #expect(rows[0].integratedScore == rows[1].integratedScore)
        #expect(rows.map(\.applicationId) == [testCase.upper.applicationId, testCase.lower.applicationId])
        #expect(rows.map(\.rank) == [1, 2])
        #expect(rows.map(\.code) == [.passed, .notWithinQuota])
        #expect(rows[0].tieBreak == nil)
        #expect(rows[1].tieBreak == testCase.expected)
    }

    @Test func aHigherIntegratedScoreNeedsNoTieBreak() throws {
        let rows = try FinalRanking.rank([
            F.candidate(1, skb: F.scored("70.00")),
            F.candidate(2, twk: 50, tiu: 80, tkp: 170, skb: F.scored("90.00"), grade: F.grade("4.00")),
        ], quota: 1, policy: .standard, ageOrder: [:])
        #expect(rows.map(\.applicationId) == [F.uuid(2), F.uuid(1)])
        #expect(rows.map(\.tieBreak) == [nil, nil])
    }

    @Test func twkDecidesAfterTiuInTheComparator() {
        // With consistent totals TWK is implied by total, TKP and TIU, so it can only decide on data where it is not;
        // the comparator still applies DOMAIN §3.3's order.
        func entry(_ number: Int, twk: Int) -> FinalRankingEntry {
            FinalRankingEntry(
                candidate: F.candidate(number, twk: twk, tiu: 140, tkp: 200, skb: F.scored("70.00")),
                skd100: F.decimal("80.00"), skb100: F.decimal("70.00"), integrated: F.decimal("74"))
        }
        var upper = entry(2, twk: 100)
        upper.candidate.skdScores.total = 440
        var lower = entry(1, twk: 95)
        lower.candidate.skdScores.total = 440
        let difference = FinalRanking.firstDifference(upper, lower)
        #expect(difference?.criterion == .tieBreak(.twk))
        #expect(difference?.lhsRanksHigher == true)
        #expect(FinalRanking.tieBreak(above: upper, below: lower) == .twk)
        #expect(FinalRanking.listedBefore(upper, lower))
        #expect(!FinalRanking.listedBefore(lower, upper))
    }

    @Test func equalTotalTkpAndTiuImplyEqualTwkSoTheGradeDecidesNext() throws {
        let rows = try FinalRanking.rank([
            F.candidate(1, twk: 100, tiu: 140, tkp: 200, skb: F.scored("70.00"), grade: F.grade("3.10")),
            F.candidate(2, twk: 100, tiu: 140, tkp: 200, skb: F.scored("70.00"), grade: F.grade("3.20")),
        ], quota: 1, policy: .standard, ageOrder: [:])
        #expect(rows.map(\.applicationId) == [F.uuid(2), F.uuid(1)])
        #expect(rows[1].tieBreak == .academicGrade)
    }

    @Test(arguments: [
        (nil, nil, ComparisonResult.orderedSame), (nil, "0.00", .orderedAscending), ("0.00", nil, .orderedDescending),
        ("3.00", "3.00", .orderedSame), ("3.01", "3.00", .orderedDescending),
    ] as [(String?, String?, ComparisonResult)])
    func gradeComparisonRanksAMissingGradeLast(lhs: String?, rhs: String?, expected: ComparisonResult) {
        let result = FinalRanking.compareGrades(lhs.map { F.grade($0) }, rhs.map { F.grade($0) })
        #expect(result == expected)
    }
}
