import RecruitmentEvents
import Testing
@testable import ExamScoringRules

@Suite("SkdRanking at scale")
struct SkdRankingScaleTests {
    /// A scores tuple ordered as the ranking orders them (total, TKP, TIU, TWK).
    struct Key: Hashable, Comparable {
        var total: Int, tkp: Int, tiu: Int, twk: Int

        init(_ scores: SkdScores) {
            (total, tkp, tiu, twk) = (scores.total, scores.tkp, scores.tiu, scores.twk)
        }

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.total, lhs.tkp, lhs.tiu, lhs.twk) < (rhs.total, rhs.tkp, rhs.tiu, rhs.twk)
        }
    }

    @Test("10,000 candidates: ranks, codes, reasons and order agree with an independent count")
    func tenThousand() throws {
        var generator = SeededGenerator(seed: 10_000)
        let quota = 300
        let places = 3 * quota
        var candidates: [SkdRankingCandidate] = []
        for number in 1...10_000 {
            let roll = Int.random(in: 0..<100, using: &generator)
            if roll < 2 {
                candidates.append(SkdFixtures.candidate(number, .absent))
            } else if roll < 3 {
                candidates.append(SkdFixtures.candidate(number, .disqualified))
            } else {
                // Narrow ranges, so that many applicants tie fully, also at the cut-off.
                let twk = 5 * Int.random(in: 11...20, using: &generator)
                let tiu = 5 * Int.random(in: 14...24, using: &generator)
                let tkp = Int.random(in: 160...190, using: &generator)
                _ = try SkdScores.validated(twk: twk, tiu: tiu, tkp: tkp)
                candidates.append(SkdFixtures.candidate(number, twk, tiu, tkp))
            }
        }
        let rows = SkdRanking.rank(candidates, quota: quota, passingGrade: SkdFixtures.general)

        // Independent expectations: who passes, and rank = 1 + number of passers with strictly better scores.
        var passers: [Key: Int] = [:]
        var expectedCodes: [Int: SkdResultCode] = [:]
        for (index, candidate) in candidates.enumerated() {
            switch candidate.outcome {
            case .absent: expectedCodes[index + 1] = .absent
            case .disqualified: expectedCodes[index + 1] = .disqualified
            case .scored(let scores):
                if scores.twk >= 65 && scores.tiu >= 80 && scores.tkp >= 166 {
                    passers[Key(scores), default: 0] += 1
                } else {
                    expectedCodes[index + 1] = .belowPassingGrade
                }
            }
        }
        var betterThan: [Key: Int] = [:]
        var better = 0
        for key in passers.keys.sorted(by: >) {
            betterThan[key] = better
            better += passers[key] ?? 0
        }

        #expect(rows.count == candidates.count)
        #expect(Set(rows.map(\.applicationId)).count == candidates.count)
        let ranked = rows.prefix { $0.rank != nil }
        #expect(ranked.count == better)
        var admitted = 0
        for (index, row) in ranked.enumerated() {
            let scores = try #require(row.scores)
            let rank = try #require(row.rank)
            #expect(rank == (betterThan[Key(scores)] ?? -1) + 1)
            if rank <= places {
                admitted += 1
                #expect(row.code == .passedToSkb)
                #expect(row.reason == (index < places ? .withinCutOff : .tiedAtCutOff))
            } else {
                #expect(row.code == .passedOutsideQuota && row.reason == .outsideCutOff && row.reasonDetail != nil)
            }
            if index > 0, let previous = ranked[index - 1].scores {
                #expect(Key(previous) >= Key(scores))
            }
        }
        #expect(admitted > places, "the seed is chosen so that a full tie straddles the cut-off")
        let rest = rows.dropFirst(ranked.count)
        for row in rest {
            let number = try #require(Int(row.participantNumber.suffix(5)))
            #expect(row.code == expectedCodes[number])
        }
        let codes = rest.map(\.code)
        #expect(codes == codes.sorted { order($0) < order($1) })
        let below = rest.filter { $0.code == .belowPassingGrade }.compactMap(\.scores?.total)
        #expect(below == below.sorted(by: >))
    }

    private func order(_ code: SkdResultCode) -> Int {
        switch code {
        case .passedToSkb, .passedOutsideQuota: 0
        case .belowPassingGrade: 1
        case .absent: 2
        case .disqualified: 3
        }
    }
}
