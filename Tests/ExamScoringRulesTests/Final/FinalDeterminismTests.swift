import Foundation
import RecruitmentEvents
import Testing
@testable import ExamScoringRules

@Suite struct FinalDeterminismTests {
    typealias F = FinalFixtures

    /// Ties on every criterion, resolved and unresolved by age, plus unranked outcomes.
    static let candidates: [FinalCandidate] = [
        F.candidate(1, skb: F.scored("80.00")),
        F.candidate(2, twk: 90, tiu: 130, tkp: 187, skb: F.scored("74.00")),
        F.candidate(3, skb: F.scored("70.00")),
        F.candidate(4, twk: 105, tiu: 140, tkp: 195, skb: F.scored("70.00")),
        F.candidate(5, twk: 105, tiu: 135, tkp: 200, skb: F.scored("70.00")),
        F.candidate(6, skb: F.scored("70.00"), grade: F.grade("3.50")),
        F.candidate(7, skb: F.scored("70.00"), grade: F.grade("87.5", of: "100")),
        F.candidate(8, skb: F.scored("70.00"), grade: F.grade("3.90")),
        F.candidate(9, skb: F.scored("60.00")),
        F.candidate(10, skb: F.scored("60.00")),
        F.candidate(11, skb: F.scored("60.00")),
        F.candidate(12, skb: F.scored("55.55")),
        F.candidate(13, skb: .absent),
        F.candidate(14, skb: .disqualified),
        F.candidate(15, skb: .withdrawn),
        F.candidate(16, skb: .absent),
    ]

    static let ageOrder: [UUID: Int] = [F.uuid(6): 30, F.uuid(7): 10, F.uuid(9): 2, F.uuid(10): 2, F.uuid(11): 1]

    @Test(arguments: [UInt64(1), 2, 3, 42, 2024, 0xDEAD_BEEF])
    func rankingDoesNotDependOnInputOrder(seed: UInt64) throws {
        let reference = try FinalRanking.rank(Self.candidates, quota: 5, policy: .standard, ageOrder: Self.ageOrder)
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<10 {
            let shuffled = Self.candidates.shuffled(using: &generator)
            #expect(try FinalRanking.rank(shuffled, quota: 5, policy: .standard, ageOrder: Self.ageOrder) == reference)
            #expect(FinalRanking.tiesNeedingAge(shuffled, policy: .standard)
                == FinalRanking.tiesNeedingAge(Self.candidates, policy: .standard))
        }
    }

    @Test func theReferenceOrderIsTheExpectedOne() throws {
        let rows = try FinalRanking.rank(Self.candidates, quota: 5, policy: .standard, ageOrder: Self.ageOrder)
        let order = [1, 8, 7, 6, 3, 5, 4, 2, 11, 9, 10, 12, 13, 16, 14, 15]
        #expect(rows.map(\.participantNumber) == order.map(F.participant))
        #expect(rows.map(\.rank) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 12, nil, nil, nil, nil])
        #expect(rows.map(\.code) == Array(repeating: .passed, count: 5) + Array(repeating: .notWithinQuota, count: 7)
            + [.absentFromSkb, .absentFromSkb, .disqualified, .withdrew])
        #expect(rows.map(\.tieBreak) == [
            nil, nil, .academicGrade, .age, .academicGrade, .tiu, .tkp, .skdTotal, nil, .age, nil, nil,
            nil, nil, nil, nil,
        ])
        #expect(FinalRanking.tiesNeedingAge(Self.candidates, policy: .standard) == [
            [F.uuid(6), F.uuid(7)], [F.uuid(9), F.uuid(10), F.uuid(11)],
        ])
    }

    @Test(arguments: [UInt64(7), 99, 31337])
    func optimisationDoesNotDependOnInputOrder(seed: UInt64) throws {
        let formations = try OptimisationTests.locationScenario()
        let reference = Self.byFormation(Optimisation.fill(formations))
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<10 {
            var shuffled = formations.shuffled(using: &generator)
            for index in shuffled.indices {
                shuffled[index].rows.shuffle(using: &generator)
            }
            let result = Optimisation.fill(shuffled)
            #expect(result.map(\.formationId) == shuffled.map(\.formationId))
            #expect(Self.byFormation(result) == reference)
        }
    }

    /// Each formation's rows keyed by application, so that row order does not matter.
    static func byFormation(_ formations: [FormationOutcome]) -> [UUID: [UUID: FinalResultRow]] {
        Dictionary(uniqueKeysWithValues: formations.map { formation in
            (formation.formationId, Dictionary(uniqueKeysWithValues: formation.rows.map { ($0.applicationId, $0) }))
        })
    }
}
