import RecruitmentEvents
import Testing
@testable import ExamScoringRules

@Suite("SkdPassingGrade evaluation (DOMAIN §2.1, §2.2)")
struct SkdPassingGradeEvaluationTests {
    static func scores(_ twk: Int, _ tiu: Int, _ tkp: Int) -> SkdScores {
        SkdScores(twk: twk, tiu: tiu, tkp: tkp, total: twk + tiu + tkp)
    }

    @Test("Meets means ≥ every set component; shortfalls in the order TWK, TIU, TKP, Total", arguments: [
        // General: exactly on every threshold passes.
        (SkdFixtures.general, scores(65, 80, 166), [String]()),
        (SkdFixtures.general, scores(60, 80, 166), ["TWK 60 < 65"]),
        (SkdFixtures.general, scores(65, 75, 166), ["TIU 75 < 80"]),
        (SkdFixtures.general, scores(65, 80, 165), ["TKP 165 < 166"]),
        (SkdFixtures.general, scores(60, 75, 165), ["TWK 60 < 65", "TIU 75 < 80", "TKP 165 < 166"]),
        // A high total does not make up for one missed component: there is no cumulative floor.
        (SkdFixtures.general, scores(60, 175, 225), ["TWK 60 < 65"]),
        // Cumlaude: TWK < 65 and TKP < 166 pass on total and TIU.
        (SkdFixtures.cumlaude, scores(40, 125, 150), []),
        (SkdFixtures.cumlaude, scores(65, 85, 161), []),
        (SkdFixtures.cumlaude, scores(65, 80, 166), ["TIU 80 < 85"]),
        (SkdFixtures.cumlaude, scores(65, 85, 160), ["Total 310 < 311"]),
        // Disabilitas and the other 286 / 60 kinds.
        (SkdFixtures.disabilitas, scores(50, 60, 176), []),
        (SkdFixtures.disabilitas, scores(50, 55, 175), ["TIU 55 < 60", "Total 280 < 286"]),
        // No component set: everybody meets it.
        (SkdPassingGrade(), scores(0, 0, 0), []),
    ])
    func evaluation(grade: SkdPassingGrade, scores: SkdScores, expected: [String]) {
        #expect(grade.shortfalls(of: scores) == expected)
        #expect(grade.isMet(by: scores) == expected.isEmpty)
    }
}
