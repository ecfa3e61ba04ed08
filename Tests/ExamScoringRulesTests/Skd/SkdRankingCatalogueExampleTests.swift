import RecruitmentEvents
import Testing
@testable import ExamScoringRules

@Suite("SkdRanking reproduces the catalogue example")
struct SkdRankingCatalogueExampleTests {
    @Test("SkdRankingFinalisedV1.example rows come out of its own candidates, in any input order")
    func example() throws {
        let example = SkdRankingFinalisedV1.example
        var candidates = try example.rows.map { row in
            let outcome: SkdCandidateOutcome
            switch row.code {
            case .absent: outcome = .absent
            case .disqualified: outcome = .disqualified
            default: outcome = .scored(try #require(row.scores))
            }
            return SkdRankingCandidate(
                applicationId: row.applicationId, applicantId: row.applicantId,
                participantNumber: row.participantNumber, outcome: outcome)
        }
        #expect(SkdRanking.skbPlaces(quota: example.quota) == example.skbPlaces)
        var generator = SeededGenerator(seed: 442)
        for _ in 0..<10 {
            candidates.shuffle(using: &generator)
            let rows = SkdRanking.rank(candidates, quota: example.quota, passingGrade: example.passingGrade)
            #expect(rows == example.rows)
        }
    }

    @Test("The example's passing grade is the 2024 general default")
    func passingGrade() throws {
        let example = SkdRankingFinalisedV1.example
        let found = try PassingGradeTable.defaults.grade(for: example.formationKind, fiscalYear: 2024)
        #expect(found.grade == example.passingGrade)
    }
}
