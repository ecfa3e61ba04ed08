import Foundation
import RecruitmentEvents
@testable import ExamScoringRules

/// Builders shared by the final-result tests; names are namespaced so other test directories cannot collide.
enum FinalFixtures {
    /// A decimal literal written by the test author (not input): `"80.36"`.
    static func decimal(_ text: String) -> ExactDecimal {
        guard let value = ExactDecimal(text) else { preconditionFailure("bad decimal literal \(text)") }
        return value
    }

    /// A fixed UUID numbered `number`.
    static func uuid(_ number: Int) -> UUID {
        let text = String(format: "00000000-0000-4000-8000-%012d", number)
        guard let value = UUID(uuidString: text) else { preconditionFailure("bad uuid \(text)") }
        return value
    }

    /// The participant number of candidate `number`.
    static func participant(_ number: Int) -> String {
        String(format: "24537101%05d", number)
    }

    /// Candidate `number` (application `uuid(number)`, applicant `uuid(1000 + number)`).
    static func candidate(
        _ number: Int, twk: Int = 100, tiu: Int = 140, tkp: Int = 200, skb: FinalSkbOutcome,
        grade: AcademicGrade? = nil
    ) -> FinalCandidate {
        FinalCandidate(
            applicationId: uuid(number), applicantId: uuid(1000 + number), participantNumber: participant(number),
            skdScores: SkdScores(twk: twk, tiu: tiu, tkp: tkp, total: twk + tiu + tkp), skb: skb,
            academicGrade: grade)
    }

    /// A scored SKB outcome from a literal.
    static func scored(_ text: String) -> FinalSkbOutcome {
        .scored(decimal(text))
    }

    /// An IPK on a 4.00 scale or any grade on another scale.
    static func grade(_ value: String, of maximum: String = "4.00") -> AcademicGrade {
        AcademicGrade(kind: .ipk, value: decimal(value), scaleMaximum: decimal(maximum))
    }

    /// Issues as `field code` strings, for compact expectations.
    static func summary(_ issues: [ScoreIssue]) -> [String] {
        issues.map { "\($0.field) \($0.code)" }
    }
}
