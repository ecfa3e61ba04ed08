import ExamScoringRules
import Foundation
import RecruitmentEvents

/// Checks the exam service's final results (the `items` of `POST /v1/periods/{id}/final-results`) against the
/// simulator's own: simple invariants first (every SKD P/L candidate exactly once, in its own formation; SKD₁₀₀ and
/// the integrated score by DOMAIN §3.2's arithmetic; no more P/L than posts), then row by row against
/// ``ExpectedFinalResults``. Pure, so it can be tested without a suite.
enum FinalResultsCheck {
    /// One row as the service answered it.
    struct Row: Sendable, Hashable {
        var applicationId: String
        var code: String
        var rank: Int?
        var skdScore100: ExactDecimal?
        var skbScore100: ExactDecimal?
        var integratedScore: ExactDecimal?
        /// Lower-case formation id a moved row fills (P/L-1, P/L-2).
        var placedFormationId: String?
    }

    /// The rows of one `FinalResultsComputedV1` answer, by lower-case formation id, and the stated weights.
    static func parse(_ items: [[String: Any]]) throws -> (rows: [String: [Row]], skdWeight: ExactDecimal?,
                                                           skbWeight: ExactDecimal?)
    {
        func decimal(_ value: Any?) -> ExactDecimal? {
            if let text = value as? String { return ExactDecimal(text) }
            if let number = value as? Int { return ExactDecimal(Int64(number)) }
            return nil
        }
        var rows: [String: [Row]] = [:]
        var weights: (ExactDecimal?, ExactDecimal?) = (nil, nil)
        for item in items {
            guard let formation = (item["formationId"] as? String)?.lowercased() else {
                throw SimulationError.malformedAnswer(step: "final results", detail: "an item without formationId")
            }
            weights = (decimal(item["skdWeightPercent"]) ?? weights.0, decimal(item["skbWeightPercent"]) ?? weights.1)
            for row in item["rows"] as? [[String: Any]] ?? [] {
                guard let application = (row["applicationId"] as? String)?.lowercased(),
                      let code = row["code"] as? String
                else { throw SimulationError.malformedAnswer(step: "final results", detail: "a row without id or code") }
                rows[formation, default: []].append(Row(
                    applicationId: application, code: code, rank: row["rank"] as? Int,
                    skdScore100: decimal(row["skdScore100"]), skbScore100: decimal(row["skbScore100"]),
                    integratedScore: decimal(row["integratedScore"]),
                    placedFormationId: (row["placedFormationId"] as? String)?.lowercased()))
            }
        }
        return (rows, weights.0, weights.1)
    }

    /// SKD₁₀₀ in hundredths: total × 100 / 550, half up (DOMAIN §3.2: 442 → 80.36).
    static func skd100Hundredths(total: Int) -> Int {
        (total * 20_000 + 550) / 1_100
    }

    /// The differences between what the service answered and what the simulator expects; empty when they agree.
    ///
    /// - Parameters:
    ///   - answered: the service's rows by formation.
    ///   - expected: ``ExpectedFinalResults/rows(_:policy:)``.
    ///   - formations: the simulator's input (candidates with SKD totals, quotas).
    static func differences(answered: [String: [Row]], expected: [String: [FinalResultRow]],
                            formations: [ExpectedFinalResults.Formation]) -> [String]
    {
        var differences: [String] = []
        let passing: Set<String> = ["P/L", "P/L-1", "P/L-2"]
        var taken: [String: Int] = [:]
        for formation in formations {
            let rows = answered[formation.formationId] ?? []
            var byApplication: [String: Row] = [:]
            for row in rows where byApplication.updateValue(row, forKey: row.applicationId) != nil {
                differences.append("application \(row.applicationId) appears twice in \(formation.plan.positionName)")
            }
            let want = Dictionary(uniqueKeysWithValues: (expected[formation.formationId] ?? []).map {
                ($0.applicationId.uuidString.lowercased(), $0)
            })
            for candidate in formation.candidates {
                let label = "applicant \(candidate.applicant)"
                guard let row = byApplication.removeValue(forKey: candidate.applicationId) else {
                    differences.append("\(label): SKD P/L but missing from the final results")
                    continue
                }
                // Invariants by DOMAIN §3.2's arithmetic, independently of the rules module.
                let skd100 = skd100Hundredths(total: candidate.skd.total)
                if row.skdScore100 != ExactDecimal(Int64(skd100), scale: 2) {
                    differences.append("\(label): SKD₁₀₀ \(row.skdScore100.map { "\($0)" } ?? "none"), expected "
                        + "\(ExactDecimal(Int64(skd100), scale: 2))")
                }
                if let skb = candidate.skb {
                    let skb100 = formation.plan.skbComponents.reduce(0) { $0 + $1.weightPercent * (skb[$1.component] ?? 0) }
                    let integrated = ExactDecimal(Int64(40 * skd100 + 60 * skb100), scale: 4)
                    if row.skbScore100 != ExactDecimal(Int64(skb100), scale: 2) {
                        differences.append("\(label): SKB₁₀₀ \(row.skbScore100.map { "\($0)" } ?? "none"), expected "
                            + "\(ExactDecimal(Int64(skb100), scale: 2))")
                    }
                    if row.integratedScore != integrated {
                        differences.append("\(label): integrated score \(row.integratedScore.map { "\($0)" } ?? "none"), "
                            + "expected 40% × SKD₁₀₀ + 60% × SKB₁₀₀ = \(integrated)")
                    }
                }
                // Row by row against the rules module's ranking (with age and optimisation).
                if let expectedRow = want[candidate.applicationId] {
                    let placed = expectedRow.placedFormationId?.uuidString.lowercased()
                    if row.code != expectedRow.code.rawValue || row.rank != expectedRow.rank
                        || row.placedFormationId != placed
                    {
                        differences.append("\(label): \(row.code) rank \(row.rank.map(String.init) ?? "-"), expected "
                            + "\(expectedRow.code.rawValue) rank \(expectedRow.rank.map(String.init) ?? "-")"
                            + (placed.map { " placed in \($0)" } ?? ""))
                    }
                } else {
                    differences.append("\(label): not in the simulator's own final ranking")
                }
                if passing.contains(row.code) {
                    taken[row.placedFormationId ?? formation.formationId, default: 0] += 1
                }
            }
            differences += byApplication.keys.sorted().map {
                "application \($0) in the final results of \(formation.plan.positionName) without SKD P/L"
            }
        }
        for formation in formations where (taken[formation.formationId] ?? 0) > formation.plan.quota {
            differences.append("\(formation.plan.positionName): \(taken[formation.formationId] ?? 0) pass for "
                + "\(formation.plan.quota) posts")
        }
        return differences
    }
}
