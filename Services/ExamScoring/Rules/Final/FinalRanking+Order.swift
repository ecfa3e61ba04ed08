import Foundation
import RecruitmentEvents

/// A scored candidate with the scores that order it (DOMAIN §3.2).
struct FinalRankingEntry: Sendable, Hashable {
    /// The candidate.
    var candidate: FinalCandidate
    /// SKD₁₀₀.
    var skd100: ExactDecimal
    /// SKB₁₀₀.
    var skb100: ExactDecimal
    /// The exact integrated score.
    let integrated: ExactDecimal
    /// The integrated score as integer units at the largest scale, computed once: sorting a formation of 100,000
    /// compares it millions of times, and comparing ``ExactDecimal`` goes through Foundation's `Decimal`.
    let integratedKey: Int128

    init(candidate: FinalCandidate, skd100: ExactDecimal, skb100: ExactDecimal, integrated: ExactDecimal) {
        self.candidate = candidate
        self.skd100 = skd100
        self.skb100 = skb100
        self.integrated = integrated
        integratedKey = Self.key(integrated)
    }

    private static func key(_ value: ExactDecimal) -> Int128 {
        FinalDecimalMath.units(of: value, atScale: 18)
    }
}

/// A criterion of the final order before age (DOMAIN §3.2, §3.3).
enum FinalRankingCriterion: Sendable, Hashable {
    /// The integrated score itself.
    case integratedScore
    /// One of the tie-breaks (never ``FinalTieBreak/age``, which is decided separately).
    case tieBreak(FinalTieBreak)
}

extension FinalRanking {
    /// The first criterion before age on which two entries differ, and whether `lhs` ranks higher on it: integrated
    /// score, SKD total, TKP, TIU, TWK, then academic grade (DOMAIN §3.3); `nil` when equal on all of them.
    static func firstDifference(
        _ lhs: FinalRankingEntry, _ rhs: FinalRankingEntry
    ) -> (criterion: FinalRankingCriterion, lhsRanksHigher: Bool)? {
        if lhs.integratedKey != rhs.integratedKey {
            return (.integratedScore, lhs.integratedKey > rhs.integratedKey)
        }
        // Spelled out rather than looped over an array: this runs millions of times when a large formation sorts.
        let left = lhs.candidate.skdScores
        let right = rhs.candidate.skdScores
        if left.total != right.total { return (.tieBreak(.skdTotal), left.total > right.total) }
        if left.tkp != right.tkp { return (.tieBreak(.tkp), left.tkp > right.tkp) }
        if left.tiu != right.tiu { return (.tieBreak(.tiu), left.tiu > right.tiu) }
        if left.twk != right.twk { return (.tieBreak(.twk), left.twk > right.twk) }
        switch compareGrades(lhs.candidate.academicGrade, rhs.candidate.academicGrade) {
        case .orderedSame: return nil
        case .orderedDescending: return (.tieBreak(.academicGrade), true)
        case .orderedAscending: return (.tieBreak(.academicGrade), false)
        }
    }

    /// Compares academic grades as exact fractions value / scaleMaximum by cross-multiplication, so 3.00 of 4.00
    /// equals 75 of 100 [UNCONFIRMED: DOMAIN §3.3 does not say how scales compare]; a missing grade ranks below a
    /// present one and two missing grades are equal [UNCONFIRMED].
    static func compareGrades(_ lhs: AcademicGrade?, _ rhs: AcademicGrade?) -> ComparisonResult {
        switch (lhs, rhs) {
        case (nil, nil): .orderedSame
        case (nil, _?): .orderedAscending
        case (_?, nil): .orderedDescending
        case let (lhs?, rhs?):
            FinalDecimalMath.compareFractions(lhs.value, over: lhs.scaleMaximum, rhs.value, over: rhs.scaleMaximum)
        }
    }

    /// The order rows are listed in: by the criteria before age, then participant number, then application id.
    static func listedBefore(_ lhs: FinalRankingEntry, _ rhs: FinalRankingEntry) -> Bool {
        if let difference = firstDifference(lhs, rhs) { return difference.lhsRanksHigher }
        return tieOrder(lhs.candidate, rhs.candidate)
    }

    /// Participant number, then application id: orders rows that share a rank; decides nothing.
    static func tieOrder(_ lhs: FinalCandidate, _ rhs: FinalCandidate) -> Bool {
        if lhs.participantNumber != rhs.participantNumber { return lhs.participantNumber < rhs.participantNumber }
        return lhs.applicationId.uuidString < rhs.applicationId.uuidString
    }

    /// The entries in final order, grouped into runs that stay fully tied. Without `ageOrder` the groups are the runs
    /// equal on every criterion before age. With it, such a run of two or more is split by age (smaller number =
    /// older = ranks higher; equal numbers stay tied), but only when every member has a number: one unknown age
    /// leaves the whole run tied.
    static func rankedGroups(_ entries: [FinalRankingEntry], ageOrder: [UUID: Int]?) -> [[FinalRankingEntry]] {
        var groups: [[FinalRankingEntry]] = []
        for entry in entries.sorted(by: listedBefore) {
            if let last = groups.last?.last, firstDifference(last, entry) == nil {
                groups[groups.count - 1].append(entry)
            } else {
                groups.append([entry])
            }
        }
        guard let ageOrder else { return groups }
        return groups.flatMap { splitByAge($0, ageOrder: ageOrder) }
    }

    /// A run equal before age, split by the registration service's age ordering when every member has one.
    private static func splitByAge(_ group: [FinalRankingEntry], ageOrder: [UUID: Int]) -> [[FinalRankingEntry]] {
        let ages = group.compactMap { ageOrder[$0.candidate.applicationId] }
        guard group.count > 1, ages.count == group.count else { return [group] }
        let sorted = zip(group, ages).sorted { lhs, rhs in
            lhs.1 != rhs.1 ? lhs.1 < rhs.1 : tieOrder(lhs.0.candidate, rhs.0.candidate)
        }
        var groups: [[FinalRankingEntry]] = []
        var lastAge: Int?
        for (entry, age) in sorted {
            if age == lastAge {
                groups[groups.count - 1].append(entry)
            } else {
                groups.append([entry])
                lastAge = age
            }
        }
        return groups
    }

    /// The criterion that ordered `below` under `above` (adjacent rows of different rank) when their integrated
    /// scores are equal; `nil` when the integrated score itself decided.
    static func tieBreak(above: FinalRankingEntry, below: FinalRankingEntry) -> FinalTieBreak? {
        guard above.integratedKey == below.integratedKey else { return nil }
        switch firstDifference(above, below)?.criterion {
        case let .tieBreak(criterion)?: return criterion
        case .integratedScore?: return nil
        case nil: return .age
        }
    }
}
