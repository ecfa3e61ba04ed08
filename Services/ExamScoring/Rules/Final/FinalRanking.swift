public import Foundation
public import RecruitmentEvents

/// The final list of one formation (DOMAIN §3.2, §3.3): integrated score, rank against the quota, tie-breaks and the
/// codes P/L, P/TL, P/TH, DIS and APS. Optimisation moves (P/L-1, P/L-2) come after, in ``Optimisation``.
///
/// Order: higher integrated score, then higher SKD total, TKP, TIU, TWK (DOMAIN §3.3), then higher academic grade
/// compared as the exact fraction value / scaleMaximum [UNCONFIRMED], a missing grade below a present one
/// [UNCONFIRMED], then older first from the registration service's ordering (birth dates never reach this service).
public enum FinalRanking {
    /// The groups of two or more scored candidates still fully tied after integrated score, SKD total, TKP, TIU, TWK
    /// and academic grade: only these need an age ordering from the registration service. Groups are in rank order,
    /// ids within a group in participant-number order. Candidates that ``rank(_:quota:policy:ageOrder:)`` would
    /// reject as invalid are left out.
    public static func tiesNeedingAge(_ candidates: [FinalCandidate], policy: IntegrationPolicy) -> [[UUID]] {
        rankedGroups(scoredEntries(candidates, policy: policy), ageOrder: nil)
            .filter { $0.count > 1 }
            .map { $0.map(\.candidate.applicationId) }
    }

    /// Ranks a formation's candidates against its quota (DOMAIN §3.3).
    ///
    /// - Rows fully tied (through age) share a competition rank (1, 2, 2, 4). Rank ≤ `quota` → P/L, else P/TL.
    /// - `tieBreak` is the criterion that put a row below the row just above when their integrated scores are equal;
    ///   `nil` otherwise and for a row sharing the rank of the row above.
    /// - Absent → P/TH, disqualified → DIS, withdrawn → APS: no rank, no SKB₁₀₀ and no integrated score, but the
    ///   SKD scores and SKD₁₀₀.
    /// - Rows: ranked by rank, then participant number, then application id; then P/TH, DIS and APS, each by
    ///   participant number. The result does not depend on the order of `candidates`.
    ///
    /// - Parameters:
    ///   - ageOrder: for applications in ``tiesNeedingAge(_:policy:)`` groups, older first: a smaller number is an
    ///     older applicant, equal numbers the same birth date (whether age is compared to the day is [UNCONFIRMED]).
    ///     A group is ordered by age only if every member has a number; otherwise it stays tied.
    /// - Precondition: `quota` ≥ 1.
    /// - Throws: ``FinalRankingError/invalidCandidates(issues:)`` for data that cannot be ranked;
    ///   ``FinalRankingError/unbreakableTie(applicationIds:)`` when a fully tied group straddles the quota.
    public static func rank(
        _ candidates: [FinalCandidate], quota: Int, policy: IntegrationPolicy, ageOrder: [UUID: Int]
    ) throws(FinalRankingError) -> [FinalResultRow] {
        precondition(quota >= 1, "a formation has at least one post")
        let issues = validationIssues(candidates, policy: policy)
        guard issues.isEmpty else { throw .invalidCandidates(issues: issues) }

        var rows: [FinalResultRow] = []
        var rank = 1
        var previous: FinalRankingEntry?
        for group in rankedGroups(scoredEntries(candidates, policy: policy), ageOrder: ageOrder) {
            if rank <= quota, rank + group.count - 1 > quota {
                throw .unbreakableTie(applicationIds: group.map(\.candidate.applicationId))
            }
            let code: FinalResultCode = rank <= quota ? .passed : .notWithinQuota
            for (offset, entry) in group.enumerated() {
                let decidedBy = offset == 0 ? previous.flatMap { tieBreak(above: $0, below: entry) } : nil
                rows.append(FinalResultRow(
                    applicationId: entry.candidate.applicationId, applicantId: entry.candidate.applicantId,
                    participantNumber: entry.candidate.participantNumber, skdScores: entry.candidate.skdScores,
                    skdScore100: entry.skd100, skbScore100: entry.skb100, integratedScore: entry.integrated,
                    rank: rank, code: code, tieBreak: decidedBy))
            }
            previous = group.last
            rank += group.count
        }
        for (outcome, code) in [(FinalSkbOutcome.absent, FinalResultCode.absentFromSkb),
                                (.disqualified, .disqualified), (.withdrawn, .withdrew)] {
            rows += candidates.filter { $0.skb == outcome }.sorted(by: tieOrder).map { candidate in
                FinalResultRow(
                    applicationId: candidate.applicationId, applicantId: candidate.applicantId,
                    participantNumber: candidate.participantNumber, skdScores: candidate.skdScores,
                    skdScore100: policy.skdScore100(total: candidate.skdScores.total), code: code)
            }
        }
        return rows
    }
}
