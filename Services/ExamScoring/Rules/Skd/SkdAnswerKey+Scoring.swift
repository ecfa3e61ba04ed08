public import RecruitmentEvents

extension SkdAnswerKey {
    /// Scores a sheet (DOMAIN §2): TWK and TIU 5 points per correct answer, 0 for a wrong or blank one; TKP the weight
    /// of the chosen option, 0 for a blank. No negative marking.
    ///
    /// The key is validated first (its issues come back with a `key.` prefix, e.g. `key.tkp[3].B`), and each part of
    /// the sheet must have as many items as the key (fields `answers.twk`, `answers.tiu`, `answers.tkp`, code
    /// `wrong-item-count`). With a valid key the result always passes
    /// ``SkdScores/validated(twk:tiu:tkp:total:fieldPrefix:)``.
    ///
    /// - Throws: ``ScoreValidationError`` with every issue of the key and the sheet.
    public func score(_ sheet: SkdAnswerSheet) throws(ScoreValidationError) -> SkdScores {
        var issues: [ScoreIssue] = []
        do {
            _ = try validated()
        } catch {
            issues += error.issues.map { ScoreIssue(field: "key." + $0.field, code: $0.code, message: $0.message) }
        }
        func checkCount(_ count: Int, _ name: String, expected: Int) {
            guard count != expected else { return }
            issues.append(ScoreIssue(
                field: "answers.\(name)", code: "wrong-item-count",
                message: "the key has \(expected) \(name.uppercased()) items, the sheet \(count)"))
        }
        checkCount(sheet.twk.count, "twk", expected: twk.count)
        checkCount(sheet.tiu.count, "tiu", expected: tiu.count)
        checkCount(sheet.tkp.count, "tkp", expected: tkp.count)
        guard issues.isEmpty else { throw ScoreValidationError(issues: issues) }

        func correct(_ answers: [SkdOption?], _ key: [SkdOption]) -> Int {
            zip(answers, key).reduce(0) { $0 + ($1.0 == $1.1 ? SkdLayout.pointsPerCorrectAnswer : 0) }
        }
        let tkpScore = zip(sheet.tkp, tkp).reduce(0) { sum, pair in
            guard let option = pair.0 else { return sum }
            return sum + (pair.1[option.rawValue] ?? 0)
        }
        return try SkdScores.validated(twk: correct(sheet.twk, twk), tiu: correct(sheet.tiu, tiu), tkp: tkpScore)
    }
}
