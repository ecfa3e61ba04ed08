public import Foundation

/// Why a formation's final list could not be computed (DOMAIN §3.3).
public enum FinalRankingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Applicants fully tied on every criterion of DOMAIN §3.3, age included (or age unknown for one of them), whose
    /// shared rank straddles the quota: some would pass and some not, and no rule decides which. The ids are in
    /// participant-number order. Supply or correct the age ordering, or refer the case to Panselnas.
    case unbreakableTie(applicationIds: [UUID])

    /// Candidate data that cannot be ranked (duplicate application, SKD total out of range or not the sum of its
    /// parts, SKB₁₀₀ out of range, malformed academic grade): every issue, with fields such as
    /// `candidates[3].skdScores.total`.
    case invalidCandidates(issues: [ScoreIssue])

    /// For logs and officers.
    public var description: String {
        switch self {
        case let .unbreakableTie(applicationIds):
            "applications \(applicationIds.map(\.uuidString).joined(separator: ", ")) are tied on every final "
                + "criterion across the quota boundary"
        case let .invalidCandidates(issues):
            "invalid candidates: " + issues.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
        }
    }
}
