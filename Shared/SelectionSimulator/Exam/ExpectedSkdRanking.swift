import ExamScoringRules
import Foundation
import RecruitmentEvents

/// What the simulator recorded for one SKD candidate: enough to rank the formation again, independently of the
/// exam service, with ``ExamScoringRules``.
struct SkdRecord: Sendable, Hashable {
    /// The outcome recorded.
    enum Outcome: Sendable, Hashable {
        case scored(twk: Int, tiu: Int, tkp: Int)
        case absent
        case disqualified
    }

    /// Index into the plan's applicants.
    var applicant: Int
    /// Lower-case application id.
    var applicationId: String
    var participantNumber: String
    var outcome: Outcome

    /// The sub-scores and total, when scored.
    var scores: SkdScores? {
        guard case .scored(let twk, let tiu, let tkp) = outcome else { return nil }
        return SkdScores(twk: twk, tiu: tiu, tkp: tkp, total: twk + tiu + tkp)
    }
}

/// The SKD result codes the simulator expects (DOMAIN §3.1): the formation's candidates ranked by
/// ``SkdRanking/rank(_:quota:passingGrade:)`` against the passing grade in force for the formation's kind and the
/// period's fiscal year, as the exam service chooses it (``PassingGradeTable/grade(for:fiscalYear:)``; the service
/// starts from ``PassingGradeTable/defaults``).
enum ExpectedSkdRanking {
    /// The expected code (`P/L`, `P`, `TL`, `TH`, `DIS`) by lower-case application id, and the passing grade used.
    static func codes(_ records: [SkdRecord], kind: String, quota: Int, fiscalYear: Int,
                      grades: PassingGradeTable = .defaults) throws -> (codes: [String: String], grade: SkdPassingGrade)
    {
        guard let formationKind = FormationKind(rawValue: kind) else {
            throw SimulationError.mismatch(step: "expected SKD ranking", detail: "unknown formation kind \(kind)")
        }
        let grade: SkdPassingGrade
        do {
            grade = try grades.grade(for: formationKind, fiscalYear: fiscalYear).grade
        } catch {
            throw SimulationError.mismatch(step: "expected SKD ranking", detail: error.description)
        }
        var candidates: [SkdRankingCandidate] = []
        for record in records {
            guard let id = UUID(uuidString: record.applicationId) else {
                throw SimulationError.malformedAnswer(step: "expected SKD ranking",
                                                      detail: "application id \(record.applicationId) is not a UUID")
            }
            let outcome: SkdCandidateOutcome
            switch record.outcome {
            case .scored: outcome = .scored(record.scores!)
            case .absent: outcome = .absent
            case .disqualified: outcome = .disqualified
            }
            // The applicant id only orders rows that tie; the application id stands in for it.
            candidates.append(SkdRankingCandidate(
                applicationId: id, applicantId: id, participantNumber: record.participantNumber, outcome: outcome))
        }
        let rows = SkdRanking.rank(candidates, quota: max(1, quota), passingGrade: grade)
        var codes: [String: String] = [:]
        for row in rows { codes[row.applicationId.uuidString.lowercased()] = row.code.rawValue }
        return (codes, grade)
    }

    /// A passing grade as people read it, e.g. `TWK 65, TIU 80, TKP 166` or `TIU 85, total 311`.
    static func describe(_ grade: SkdPassingGrade) -> String {
        [("TWK", grade.twk), ("TIU", grade.tiu), ("TKP", grade.tkp), ("total", grade.total)]
            .compactMap { name, value in value.map { "\(name) \($0)" } }.joined(separator: ", ")
    }
}
