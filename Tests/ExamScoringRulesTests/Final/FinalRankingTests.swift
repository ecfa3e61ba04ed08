import Foundation
import RecruitmentEvents
import Testing
@testable import ExamScoringRules

@Suite struct FinalRankingTests {
    typealias F = FinalFixtures

    /// The candidates behind `FinalResultsComputedV1.example`.
    static func exampleCandidates() throws -> [FinalCandidate] {
        try FinalResultsComputedV1.example.rows.map { row in
            let skb: FinalSkbOutcome = try row.code == .absentFromSkb ? .absent : .scored(#require(row.skbScore100))
            return FinalCandidate(
                applicationId: row.applicationId, applicantId: row.applicantId,
                participantNumber: row.participantNumber, skdScores: try #require(row.skdScores), skb: skb)
        }
    }

    @Test func ranksTheCatalogueExampleBeforeOptimisation() throws {
        let example = FinalResultsComputedV1.example
        let rows = try FinalRanking.rank(
            Self.exampleCandidates().reversed(), quota: example.quota, policy: .standard, ageOrder: [:])
        var expected = example.rows
        expected[1].code = .notWithinQuota // P/L-1 only after optimisation
        expected[1].placedFormationId = nil
        #expect(rows == expected)
    }

    @Test func absentDisqualifiedAndWithdrawnAreListedAfterTheRankedRows() throws {
        let rows = try FinalRanking.rank([
            F.candidate(9, skb: .withdrawn),
            F.candidate(8, twk: 85, tiu: 125, tkp: 188, skb: .absent),
            F.candidate(7, skb: .disqualified),
            F.candidate(6, skb: .absent),
            F.candidate(5, skb: F.scored("60.00")),
        ], quota: 2, policy: .standard, ageOrder: [:])
        #expect(rows.map(\.code) == [.passed, .absentFromSkb, .absentFromSkb, .disqualified, .withdrew])
        #expect(rows.map(\.applicationId) == [F.uuid(5), F.uuid(6), F.uuid(8), F.uuid(7), F.uuid(9)])
        for row in rows.dropFirst() {
            #expect(row.rank == nil)
            #expect(row.skbScore100 == nil)
            #expect(row.integratedScore == nil)
            #expect(row.tieBreak == nil)
            #expect(row.skdScores != nil)
        }
        #expect(rows[2].skdScore100?.description == "72.36")
        #expect(rows[0].integratedScore?.description == "68.00")
    }

    @Test func fullyTiedRowsShareACompetitionRank() throws {
        let rows = try FinalRanking.rank([
            F.candidate(4, skb: F.scored("60.00")),
            F.candidate(3, skb: F.scored("70.00")),
            F.candidate(2, skb: F.scored("70.00")),
            F.candidate(1, skb: F.scored("80.00")),
        ], quota: 3, policy: .standard, ageOrder: [:])
        #expect(rows.map(\.applicationId) == [F.uuid(1), F.uuid(2), F.uuid(3), F.uuid(4)])
        #expect(rows.map(\.rank) == [1, 2, 2, 4])
        #expect(rows.map(\.code) == [.passed, .passed, .passed, .notWithinQuota])
        #expect(rows.map(\.tieBreak) == [nil, nil, nil, nil])
    }

    @Test func aTiedGroupBeyondTheQuotaSharesPTL() throws {
        let rows = try FinalRanking.rank([
            F.candidate(1, skb: F.scored("80.00")),
            F.candidate(2, skb: F.scored("70.00")),
            F.candidate(3, skb: F.scored("70.00")),
        ], quota: 1, policy: .standard, ageOrder: [:])
        #expect(rows.map(\.rank) == [1, 2, 2])
        #expect(rows.map(\.code) == [.passed, .notWithinQuota, .notWithinQuota])
    }

    @Test func aRowBelowATiedGroupNamesTheCriterionAgainstTheGroup() throws {
        let rows = try FinalRanking.rank([
            F.candidate(1, skb: F.scored("70.00")),
            F.candidate(2, skb: F.scored("70.00")),
            F.candidate(3, twk: 105, tiu: 140, tkp: 195, skb: F.scored("70.00")),
        ], quota: 2, policy: .standard, ageOrder: [:])
        #expect(rows.map(\.rank) == [1, 1, 3])
        #expect(rows.map(\.tieBreak) == [nil, nil, .tkp])
    }

    @Test(arguments: [
        ("no age known", [:]),
        ("one age unknown", [FinalFixtures.uuid(2): 1]),
        ("same birth date", [FinalFixtures.uuid(2): 4, FinalFixtures.uuid(3): 4]),
    ] as [(String, [UUID: Int])])
    func aFullTieAcrossTheQuotaCannotBeDecided(name: String, ageOrder: [UUID: Int]) throws {
        let candidates = [
            F.candidate(3, skb: F.scored("70.00")),
            F.candidate(1, skb: F.scored("80.00")),
            F.candidate(2, skb: F.scored("70.00")),
        ]
        let error = try #require(throws: FinalRankingError.self, "\(name)") {
            try FinalRanking.rank(candidates, quota: 2, policy: .standard, ageOrder: ageOrder)
        }
        #expect(error == .unbreakableTie(applicationIds: [F.uuid(2), F.uuid(3)]))
        #expect(error.description.contains(F.uuid(3).uuidString))
    }

    @Test func theAgeOrderingBreaksTheTie() throws {
        let candidates = [
            F.candidate(3, skb: F.scored("70.00")),
            F.candidate(1, skb: F.scored("80.00")),
            F.candidate(2, skb: F.scored("70.00")),
        ]
        let tied = FinalRanking.tiesNeedingAge(candidates, policy: .standard)
        #expect(tied == [[F.uuid(2), F.uuid(3)]])
        let rows = try FinalRanking.rank(
            candidates, quota: 2, policy: .standard, ageOrder: [F.uuid(3): 0, F.uuid(2): 1])
        #expect(rows.map(\.applicationId) == [F.uuid(1), F.uuid(3), F.uuid(2)])
        #expect(rows.map(\.code) == [.passed, .passed, .notWithinQuota])
        #expect(rows.map(\.tieBreak) == [nil, nil, .age])
    }

    @Test func tiesNeedingAgeListsOnlyFullTiesOfScoredCandidates() {
        let candidates = [
            F.candidate(1, skb: F.scored("80.00")),
            F.candidate(2, skb: F.scored("70.00"), grade: F.grade("3.00")),
            F.candidate(3, skb: F.scored("70.00"), grade: F.grade("75", of: "100")),
            F.candidate(4, skb: F.scored("70.00"), grade: F.grade("3.01")),
            F.candidate(5, skb: F.scored("60.00")),
            F.candidate(6, skb: F.scored("60.00")),
            F.candidate(7, skb: F.scored("60.00")),
            F.candidate(8, skb: F.scored("50.00")),
            F.candidate(9, skb: .absent),
            F.candidate(10, skb: .absent),
            F.candidate(11, twk: 500, skb: F.scored("50.00")), // invalid: left out
        ]
        let tied = FinalRanking.tiesNeedingAge(candidates.reversed(), policy: .standard)
        #expect(tied == [[F.uuid(2), F.uuid(3)], [F.uuid(5), F.uuid(6), F.uuid(7)]])
    }

    @Test func invalidCandidatesReportEveryIssue() throws {
        var duplicate = F.candidate(1, skb: F.scored("70.00"))
        duplicate.applicantId = F.uuid(99)
        var mismatch = F.candidate(3, skb: F.scored("70.00"))
        mismatch.skdScores.total = 441
        let candidates = [
            F.candidate(1, skb: F.scored("70.00")),
            duplicate,
            mismatch,
            F.candidate(4, twk: 155, tkp: -1, skb: .absent),
            F.candidate(5, skb: F.scored("100.01")),
            F.candidate(6, skb: F.scored("70.001")),
            F.candidate(7, skb: F.scored("70"), grade: F.grade("3", of: "0")),
            F.candidate(8, skb: F.scored("70"), grade: F.grade("4.01")),
            F.candidate(9, skb: .withdrawn),
            F.candidate(9, skb: .withdrawn),
        ]
        let error = try #require(throws: FinalRankingError.self) {
            try FinalRanking.rank(candidates, quota: 1, policy: .standard, ageOrder: [:])
        }
        guard case let .invalidCandidates(issues) = error else {
            Issue.record("expected invalid candidates, got \(error)")
            return
        }
        #expect(F.summary(issues) == [
            "candidates[1].applicationId duplicate-application",
            "candidates[2].skdScores.total total-mismatch",
            "candidates[3].skdScores.twk out-of-range",
            "candidates[3].skdScores.tkp out-of-range",
            "candidates[4].skb out-of-range",
            "candidates[5].skb too-many-decimals",
            "candidates[6].academicGrade.scaleMaximum out-of-range",
            "candidates[7].academicGrade.value out-of-range",
            "candidates[9].applicationId duplicate-application",
            "candidates[9].applicantId duplicate-applicant",
        ])
        #expect(error.description.contains("candidates[2].skdScores.total"))
    }

    @Test func anEmptyFormationHasNoRows() throws {
        #expect(try FinalRanking.rank([], quota: 1, policy: .standard, ageOrder: [:]).isEmpty)
        #expect(FinalRanking.tiesNeedingAge([], policy: .standard).isEmpty)
    }
}
