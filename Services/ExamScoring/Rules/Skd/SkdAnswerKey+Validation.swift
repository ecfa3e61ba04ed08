extension SkdAnswerKey {
    /// Checks the key against the SKD layout (DOMAIN §2, ``SkdLayout``): 30 TWK, 35 TIU and 45 TKP items; each TKP item
    /// weighs every option A–E with an integer 1–5 and has no other key. Distinct weights are not required.
    ///
    /// Issue fields: `twk`, `tiu`, `tkp` (code `wrong-item-count`) and `tkp[i].X` for option `X` of TKP item `i`,
    /// counted from 0 as in the JSON array (codes `missing-option`, `out-of-range`, `unknown-option`). Within an item
    /// the options are reported A to E, then unknown keys in alphabetical order.
    ///
    /// - Returns: the key itself.
    /// - Throws: ``ScoreValidationError`` with every issue found.
    public func validated() throws(ScoreValidationError) -> SkdAnswerKey {
        var issues: [ScoreIssue] = []
        func checkCount(_ count: Int, _ name: String, expected: Int) {
            guard count != expected else { return }
            issues.append(ScoreIssue(
                field: name, code: "wrong-item-count",
                message: "\(name.uppercased()) must have \(expected) items, got \(count)"))
        }
        checkCount(twk.count, "twk", expected: SkdLayout.twkItems)
        checkCount(tiu.count, "tiu", expected: SkdLayout.tiuItems)
        checkCount(tkp.count, "tkp", expected: SkdLayout.tkpItems)
        let weights = 1...SkdLayout.maximumTkpWeight
        for (index, item) in tkp.enumerated() {
            for option in SkdOption.allCases {
                let field = "tkp[\(index)].\(option.rawValue)"
                guard let weight = item[option.rawValue] else {
                    issues.append(ScoreIssue(
                        field: field, code: "missing-option",
                        message: "TKP item \(index) has no weight for option \(option.rawValue)"))
                    continue
                }
                if !weights.contains(weight) {
                    issues.append(ScoreIssue(
                        field: field, code: "out-of-range",
                        message: "a TKP option weighs 1 to \(SkdLayout.maximumTkpWeight), got \(weight)"))
                }
            }
            for key in item.keys.sorted() where SkdOption(rawValue: key) == nil {
                issues.append(ScoreIssue(
                    field: "tkp[\(index)].\(key)", code: "unknown-option",
                    message: "TKP item \(index) weighs an option \"\(key)\"; the options are A to E"))
            }
        }
        guard issues.isEmpty else { throw ScoreValidationError(issues: issues) }
        return self
    }
}
