public import RecruitmentEvents

/// The SKD → SKB cut-off of one formation (DOMAIN §3.1).
public enum SkdRanking {
    /// The number of SKB places, 3 × quota (DOMAIN §3.1: 20 posts → 60, 2 posts → 6); fully tied applicants at the last
    /// place all go on, so more may sit the SKB.
    ///
    /// - Precondition: `quota` ≥ 1 (the service rejects formations without posts before ranking).
    public static func skbPlaces(quota: Int) -> Int {
        precondition(quota >= 1, "an SKD ranking needs a quota of at least 1, got \(quota)")
        return quota > Int.max / 3 ? Int.max : 3 * quota
    }

    /// Ranks a formation's applicants and gives each a result code (DOMAIN §3.1).
    ///
    /// - Those meeting `passingGrade` (``SkdPassingGrade/isMet(by:)``) are ranked by total, then TKP, TIU, TWK, higher
    ///   first. Only rows equal on all four share a rank; ranks are competition ranks (1, 2, 3, 3, 5).
    /// - Rank ≤ ``skbPlaces(quota:)`` → P/L: reason `within-cut-off` when the row's position in the ranked order is
    ///   within the places, else `tied-at-cut-off` ("Sama persis dengan peringkat N (total, TKP, TIU, TWK).").
    /// - Other ranked rows → P, `outside-cut-off`, with the criterion that put them below the last P/L row, e.g.
    ///   "TIU 120 < 125 pada total dan TKP yang sama.".
    /// - Below the grade → TL, `below-passing-grade`, the shortfalls joined by "; " ("TWK 60 < 65"), no rank.
    /// - Absent → TH, disqualified → DIS, without scores or rank.
    ///
    /// Rows come ranked first (by rank, participant number, application id), then TL (total descending, then
    /// participant number), then TH, then DIS (by participant number); remaining ties are broken by application and
    /// applicant id, so the result does not depend on the input order. One O(n log n) sort per group.
    ///
    /// Scores are used as given (`total` is not recomputed): pass scores that went through
    /// ``SkdScores/validated(twk:tiu:tkp:total:fieldPrefix:)``.
    ///
    /// - Precondition: `quota` ≥ 1.
    public static func rank(
        _ candidates: [SkdRankingCandidate], quota: Int, passingGrade: SkdPassingGrade
    ) -> [SkdRankingRow] {
        let places = skbPlaces(quota: quota)
        // Sort small, trivially copyable entries that point into `candidates`, not the candidates themselves.
        var passed: [ScoredEntry] = []
        var below: [ScoredEntry] = []
        var absent: [Int] = []
        var disqualified: [Int] = []
        for (index, candidate) in candidates.enumerated() {
            switch candidate.outcome {
            case .scored(let scores):
                if passingGrade.isMet(by: scores) {
                    passed.append(ScoredEntry(scores: scores, index: index))
                } else {
                    below.append(ScoredEntry(scores: scores, index: index))
                }
            case .absent:
                absent.append(index)
            case .disqualified:
                disqualified.append(index)
            }
        }
        func listsBefore(_ lhs: Int, _ rhs: Int) -> Bool {
            SkdRankingCandidate.listsBefore(candidates[lhs], candidates[rhs])
        }
        passed.sort { lhs, rhs in
            lhs.scores.ranksAbove(rhs.scores) ?? listsBefore(lhs.index, rhs.index)
        }
        below.sort { lhs, rhs in
            lhs.scores.total != rhs.scores.total
                ? lhs.scores.total > rhs.scores.total : listsBefore(lhs.index, rhs.index)
        }
        absent.sort(by: listsBefore)
        disqualified.sort(by: listsBefore)

        var rows: [SkdRankingRow] = []
        rows.reserveCapacity(candidates.count)
        appendRanked(passed, of: candidates, places: places, to: &rows)
        for entry in below {
            rows.append(candidates[entry.index].row(
                scores: entry.scores, code: .belowPassingGrade, reason: .belowPassingGrade,
                detail: passingGrade.shortfalls(of: entry.scores).joined(separator: "; ")))
        }
        for index in absent {
            rows.append(candidates[index].row(code: .absent, reason: .absent))
        }
        for index in disqualified {
            rows.append(candidates[index].row(code: .disqualified, reason: .disqualified))
        }
        return rows
    }

    /// Appends the rows of `passed` (already in ranked order) with competition ranks and P/L or P.
    private static func appendRanked(
        _ passed: [ScoredEntry], of candidates: [SkdRankingCandidate], places: Int, to rows: inout [SkdRankingRow]
    ) {
        var rank = 0
        var previous: SkdScores?
        var lastAdmitted: SkdScores?
        for (index, entry) in passed.enumerated() {
            let position = index + 1
            let sharesRank = previous.map { entry.scores.ranksAbove($0) == nil } ?? false
            if !sharesRank {
                rank = position
            }
            previous = entry.scores
            let candidate = candidates[entry.index]
            if rank <= places {
                lastAdmitted = entry.scores
                let tied = position > places
                rows.append(candidate.row(
                    scores: entry.scores, rank: rank, code: .passedToSkb,
                    reason: tied ? .tiedAtCutOff : .withinCutOff,
                    detail: tied ? SkdRankingDetail.tiedAtCutOff(rank: rank) : nil))
            } else {
                rows.append(candidate.row(
                    scores: entry.scores, rank: rank, code: .passedOutsideQuota, reason: .outsideCutOff,
                    detail: lastAdmitted.flatMap { SkdRankingDetail.outsideCutOff(entry.scores, below: $0) }))
            }
        }
    }
}

/// A scored candidate's scores and its index in the input: cheap to move while sorting.
private struct ScoredEntry {
    var scores: SkdScores
    var index: Int
}

extension SkdScores {
    /// `true` if these scores rank above `other` (total, then TKP, TIU, TWK, higher first; DOMAIN §3.1), `false` if
    /// below, `nil` if equal on all four: the only case in which two rows share a rank.
    fileprivate func ranksAbove(_ other: SkdScores) -> Bool? {
        if total != other.total { return total > other.total }
        if tkp != other.tkp { return tkp > other.tkp }
        if tiu != other.tiu { return tiu > other.tiu }
        if twk != other.twk { return twk > other.twk }
        return nil
    }
}
