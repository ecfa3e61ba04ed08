import Foundation
import RecruitmentEvents
@testable import ExamScoringRules

/// An issue reduced to what tests compare: field and code.
struct IssueSummary: Hashable, CustomStringConvertible {
    var field: String
    var code: String

    init(_ field: String, _ code: String) {
        self.field = field
        self.code = code
    }

    var description: String { "\(field): \(code)" }
}

/// The issues `body` throws, as summaries; empty when it succeeds.
func issues<T>(of body: () throws(ScoreValidationError) -> T) -> [IssueSummary] {
    do {
        _ = try body()
        return []
    } catch {
        return error.issues.map { IssueSummary($0.field, $0.code) }
    }
}

enum SkdFixtures {
    /// A deterministic UUID whose last bytes are `number`.
    static func uuid(_ number: Int) -> UUID {
        let hex = String(number, radix: 16)
        let text = "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - hex.count)) + hex
        return UUID(uuidString: text) ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    }

    /// The TKP weights of item `index`: option j weighs ((index + j) % 5) + 1, so each item has one option at 5.
    static func tkpItem(_ index: Int) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: SkdOption.allCases.enumerated().map { offset, option in
            (option.rawValue, (index + offset) % 5 + 1)
        })
    }

    /// The option of TKP item `index` weighing `weight` (1–5) in ``tkpItem(_:)``.
    static func tkpOption(_ index: Int, weighing weight: Int) -> SkdOption {
        SkdOption.allCases[((weight - 1 - index) % 5 + 5) % 5]
    }

    /// A valid key: item i of TWK and TIU is answered by option i % 5.
    static let key = SkdAnswerKey(
        twk: (0..<SkdLayout.twkItems).map { SkdOption.allCases[$0 % 5] },
        tiu: (0..<SkdLayout.tiuItems).map { SkdOption.allCases[$0 % 5] },
        tkp: (0..<SkdLayout.tkpItems).map(tkpItem))

    /// An option other than `option`.
    static func wrong(_ option: SkdOption) -> SkdOption {
        option == .a ? .b : .a
    }

    /// A scored candidate numbered `number` (ids and the last five digits of the participant number).
    static func candidate(_ number: Int, _ twk: Int, _ tiu: Int, _ tkp: Int) -> SkdRankingCandidate {
        SkdRankingCandidate(
            applicationId: uuid(number), applicantId: uuid(100_000 + number),
            participantNumber: String(format: "24537101%05d", number),
            outcome: .scored(SkdScores(twk: twk, tiu: tiu, tkp: tkp, total: twk + tiu + tkp)))
    }

    /// An unscored candidate numbered `number`.
    static func candidate(_ number: Int, _ outcome: SkdCandidateOutcome) -> SkdRankingCandidate {
        SkdRankingCandidate(
            applicationId: uuid(number), applicantId: uuid(100_000 + number),
            participantNumber: String(format: "24537101%05d", number), outcome: outcome)
    }

    /// The general passing grade, 2021–2024 (DOMAIN §2.1).
    static let general = SkdPassingGrade(twk: 65, tiu: 80, tkp: 166)
    /// Cumlaude and diaspora (DOMAIN §2.2).
    static let cumlaude = SkdPassingGrade(tiu: 85, total: 311)
    /// Disabilitas, Papua, daerah tertinggal (DOMAIN §2.2).
    static let disabilitas = SkdPassingGrade(tiu: 60, total: 286)
}
