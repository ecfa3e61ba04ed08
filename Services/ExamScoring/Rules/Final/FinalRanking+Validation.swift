import Foundation
import RecruitmentEvents

extension FinalRanking {
    /// Every reason the candidates cannot be ranked: duplicate application or applicant ids, plus the issues of
    /// ``candidateIssues(_:field:policy:)``, in input order.
    static func validationIssues(_ candidates: [FinalCandidate], policy: IntegrationPolicy) -> [ScoreIssue] {
        var issues: [ScoreIssue] = []
        var applications: Set<UUID> = []
        var applicants: Set<UUID> = []
        for (index, candidate) in candidates.enumerated() {
            let field = "candidates[\(index)]"
            if !applications.insert(candidate.applicationId).inserted {
                issues.append(ScoreIssue(
                    field: "\(field).applicationId", code: "duplicate-application",
                    message: "application \(candidate.applicationId.uuidString) is listed more than once"))
            }
            if !applicants.insert(candidate.applicantId).inserted {
                issues.append(ScoreIssue(
                    field: "\(field).applicantId", code: "duplicate-applicant",
                    message: "applicant \(candidate.applicantId.uuidString) is listed more than once"))
            }
            issues += candidateIssues(candidate, field: field, policy: policy)
        }
        return issues
    }

    /// One candidate's data: TWK 0–150, TIU 0–175, TKP 0–225 with total = TWK + TIU + TKP (DOMAIN §2); a scored SKB₁₀₀
    /// 0–100 with at most `policy.decimals` decimals; an academic grade with a positive scale maximum and a value
    /// between 0 and it.
    static func candidateIssues(_ candidate: FinalCandidate, field: String, policy: IntegrationPolicy) -> [ScoreIssue] {
        var issues: [ScoreIssue] = []
        let skd = candidate.skdScores
        var partsValid = true
        for (name, value, maximum) in [("twk", skd.twk, 150), ("tiu", skd.tiu, 175), ("tkp", skd.tkp, 225)]
        where !(0...maximum).contains(value) {
            partsValid = false
            issues.append(ScoreIssue(
                field: "\(field).skdScores.\(name)", code: "out-of-range",
                message: "\(name.uppercased()) must be between 0 and \(maximum), got \(value)"))
        }
        if partsValid, skd.total != skd.twk + skd.tiu + skd.tkp {
            issues.append(ScoreIssue(
                field: "\(field).skdScores.total", code: "total-mismatch",
                message: "the total \(skd.total) is not TWK + TIU + TKP = \(skd.twk + skd.tiu + skd.tkp)"))
        }
        if case let .scored(skb100) = candidate.skb {
            if skb100 < ExactDecimal(0) || skb100 > ExactDecimal(100) {
                issues.append(ScoreIssue(
                    field: "\(field).skb", code: "out-of-range",
                    message: "SKB must be between 0 and 100, got \(skb100)"))
            } else if FinalDecimalMath.decimalPlaces(skb100) > policy.decimals {
                issues.append(ScoreIssue(
                    field: "\(field).skb", code: "too-many-decimals",
                    message: "SKB has at most \(policy.decimals) decimals, got \(skb100)"))
            }
        }
        if let grade = candidate.academicGrade {
            if grade.scaleMaximum <= ExactDecimal(0) {
                issues.append(ScoreIssue(
                    field: "\(field).academicGrade.scaleMaximum", code: "out-of-range",
                    message: "a grade scale maximum must be positive, got \(grade.scaleMaximum)"))
            } else if grade.value < ExactDecimal(0) || grade.value > grade.scaleMaximum {
                issues.append(ScoreIssue(
                    field: "\(field).academicGrade.value", code: "out-of-range",
                    message: "a grade must be between 0 and \(grade.scaleMaximum), got \(grade.value)"))
            }
        }
        return issues
    }

    /// The scored candidates with their SKD₁₀₀, SKB₁₀₀ and integrated score; those with ``candidateIssues`` are
    /// left out.
    static func scoredEntries(_ candidates: [FinalCandidate], policy: IntegrationPolicy) -> [FinalRankingEntry] {
        candidates.compactMap { candidate in
            guard case let .scored(skb100) = candidate.skb,
                  candidateIssues(candidate, field: "", policy: policy).isEmpty
            else { return nil }
            let skd100 = policy.skdScore100(total: candidate.skdScores.total)
            return FinalRankingEntry(
                candidate: candidate, skd100: skd100, skb100: skb100,
                integrated: policy.integrated(skd100: skd100, skb100: skb100))
        }
    }
}
