public import RecruitmentEvents

/// The SKD scoring layout in force since 2021 (DOMAIN §2): 30 TWK and 35 TIU items at 5 points per correct answer, 45
/// TKP items whose options weigh 1-5 (blank 0); no negative marking. The 2019 layout (100 items, max 500) is a different
/// test and is not accepted.
public enum SkdLayout {
    /// TWK items.
    public static let twkItems = 30
    /// TIU items.
    public static let tiuItems = 35
    /// TKP items.
    public static let tkpItems = 45
    /// Points for a correct TWK or TIU answer.
    public static let pointsPerCorrectAnswer = 5
    /// The highest TKP option weight; the lowest for an answered item is 1.
    public static let maximumTkpWeight = 5
    /// 150.
    public static let maximumTwk = twkItems * pointsPerCorrectAnswer
    /// 175.
    public static let maximumTiu = tiuItems * pointsPerCorrectAnswer
    /// 225.
    public static let maximumTkp = tkpItems * maximumTkpWeight
    /// 550, the denominator of SKD₁₀₀ (DOMAIN §3.2).
    public static let maximumTotal = maximumTwk + maximumTiu + maximumTkp
}

extension SkdScores {
    /// Checks sub-scores against DOMAIN §2 and computes the total: TWK 0-150 and TIU 0-175 in multiples of 5, TKP
    /// 0-225. A `total` given alongside (an imported file's own total column) must equal TWK + TIU + TKP.
    ///
    /// - Parameter fieldPrefix: prepended to the field names of the issues, e.g. `rows[3].` or `scores.`.
    /// - Throws: ``ScoreValidationError`` with one issue per wrong field.
    public static func validated(
        twk: Int, tiu: Int, tkp: Int, total: Int? = nil, fieldPrefix: String = ""
    ) throws(ScoreValidationError) -> SkdScores {
        var issues: [ScoreIssue] = []
        func check(_ value: Int, _ name: String, maximum: Int, step: Int) {
            let field = fieldPrefix + name
            if !(0...maximum).contains(value) {
                issues.append(ScoreIssue(
                    field: field, code: "out-of-range",
                    message: "\(name.uppercased()) must be between 0 and \(maximum), got \(value)"))
            } else if value % step != 0 {
                issues.append(ScoreIssue(
                    field: field, code: "not-a-multiple-of-\(step)",
                    message: "\(name.uppercased()) scores \(step) per correct answer, so \(value) is impossible"))
            }
        }
        check(twk, "twk", maximum: SkdLayout.maximumTwk, step: SkdLayout.pointsPerCorrectAnswer)
        check(tiu, "tiu", maximum: SkdLayout.maximumTiu, step: SkdLayout.pointsPerCorrectAnswer)
        check(tkp, "tkp", maximum: SkdLayout.maximumTkp, step: 1)
        let sum = twk + tiu + tkp
        if let total, issues.isEmpty, total != sum {
            issues.append(ScoreIssue(
                field: fieldPrefix + "total", code: "total-mismatch",
                message: "the total \(total) is not TWK + TIU + TKP = \(sum)"))
        }
        guard issues.isEmpty else { throw ScoreValidationError(issues: issues) }
        return SkdScores(twk: twk, tiu: tiu, tkp: tkp, total: sum)
    }
}
