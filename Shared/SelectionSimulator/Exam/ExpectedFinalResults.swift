import ExamScoringRules
import Foundation
import RecruitmentEvents

/// The final results the simulator expects (DOMAIN §3.2, §3.3, §1.9), recomputed with ``ExamScoringRules`` from what
/// the simulator itself recorded: every SKD P/L candidate with the SKD scores and SKB component scores of the plan,
/// ranked by ``FinalRanking/rank(_:quota:policy:ageOrder:)`` and then optimised across the period's formations by
/// ``Optimisation/fill(_:)``.
///
/// The last tie-breaks need the academic grade (the plan's IPK on 4.00) and age; the exam service asks the
/// registration service for the age order, the simulator knows every applicant's birth date from its plan.
enum ExpectedFinalResults {
    /// One SKD P/L candidate.
    struct Candidate: Sendable, Hashable {
        var applicant: Int
        /// Lower-case application id.
        var applicationId: String
        var participantNumber: String
        var skd: SkdScores
        /// SKB component scores 0-100 by component, `nil` when absent from the SKB.
        var skb: [String: Int]?
        /// IPK, e.g. `3.45`, on a 4.00 scale.
        var grade: String
        var birthDate: CalendarDay
    }

    /// One formation with its candidates.
    struct Formation: Sendable {
        /// Lower-case formation id.
        var formationId: String
        var plan: FormationPlan
        var candidates: [Candidate]
    }

    /// SKB₁₀₀ of integer component scores with integer weights: Σ weight × score / 100, exact at two decimals (so the
    /// policy's half-up rounding to two decimals changes nothing).
    static func skb100(_ scores: [String: Int], scheme: [(component: String, weightPercent: Int)]) -> ExactDecimal {
        let hundredths = scheme.reduce(0) { $0 + $1.weightPercent * (scores[$1.component] ?? 0) }
        return ExactDecimal(Int64(hundredths), scale: 2)
    }

    /// The expected rows of every formation, by lower-case formation id.
    static func rows(_ formations: [Formation], policy: IntegrationPolicy = .standard) throws
        -> [String: [FinalResultRow]]
    {
        var outcomes: [FormationOutcome] = []
        for formation in formations {
            guard let formationId = UUID(uuidString: formation.formationId),
                  let kind = FormationKind(rawValue: formation.plan.kind)
            else {
                throw SimulationError.mismatch(step: "expected final results",
                                               detail: "formation \(formation.formationId) cannot be recomputed")
            }
            var candidates: [FinalCandidate] = []
            var ageOrder: [UUID: Int] = [:]
            for candidate in formation.candidates {
                guard let id = UUID(uuidString: candidate.applicationId) else {
                    throw SimulationError.malformedAnswer(step: "expected final results",
                                                          detail: "\(candidate.applicationId) is not a UUID")
                }
                let skb: FinalSkbOutcome = candidate.skb.map {
                    .scored(skb100($0, scheme: formation.plan.skbComponents))
                } ?? .absent
                candidates.append(FinalCandidate(
                    applicationId: id, applicantId: id, participantNumber: candidate.participantNumber,
                    skdScores: candidate.skd, skb: skb,
                    academicGrade: ExactDecimal(candidate.grade).map {
                        AcademicGrade(kind: .ipk, value: $0, scaleMaximum: ExactDecimal(400, scale: 2))
                    }))
                let born = candidate.birthDate
                ageOrder[id] = born.year * 10_000 + born.month * 100 + born.day
            }
            let rows: [FinalResultRow]
            do {
                rows = try FinalRanking.rank(
                    candidates, quota: max(1, formation.plan.quota), policy: policy, ageOrder: ageOrder)
            } catch {
                throw SimulationError.mismatch(step: "expected final results of \(formation.plan.positionName)",
                                               detail: "\(error)")
            }
            outcomes.append(FormationOutcome(
                formationId: formationId, positionName: formation.plan.positionName,
                unitName: formation.plan.unitName, placement: formation.plan.requestBody["placement"] as? String ?? "",
                kind: kind,
                quota: formation.plan.quota,
                educationRequirements: [EducationRequirement(level: .s1, majors: formation.plan.majors)], rows: rows))
        }
        var result: [String: [FinalResultRow]] = [:]
        for outcome in Optimisation.fill(outcomes) {
            result[outcome.formationId.uuidString.lowercased()] = outcome.rows
        }
        return result
    }
}
