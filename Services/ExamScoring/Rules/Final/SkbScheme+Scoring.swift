public import RecruitmentEvents

extension SkbScheme {
    /// Scores one candidate's SKB (DOMAIN §1.7, §3.2): each component on 0–100 (a raw score normalised as
    /// raw × 100 / rawMaximum, rounded half up), then SKB₁₀₀ = Σ weight × score / 100 rounded half up to
    /// `policy.decimals` (see ``IntegrationPolicy``). CAT 70% raw 380/500 → 76.00 and work practice 30% 82.00 give
    /// 77.80.
    ///
    /// Every scheme component appears exactly once; each input gives `score` (0–100, at most `policy.decimals`
    /// decimals) or `rawScore` (0–rawMaximum, at most 6 decimals, only where the scheme has a raw maximum), not both.
    ///
    /// - Returns: the components in scheme order (CAT first) with weight, raw score and raw maximum (only when scored
    ///   raw), each score written with `policy.decimals` decimals; and SKB₁₀₀.
    /// - Throws: ``ScoreValidationError`` with every issue, fields `inputs[2].component`, `inputs[0].score`,
    ///   `inputs[1].rawScore`, `inputs[3]` (both or neither given) and `inputs` (a missing component).
    public func score(
        _ inputs: [SkbComponentInput], policy: IntegrationPolicy
    ) throws(ScoreValidationError) -> (components: [SkbComponentScore], score: ExactDecimal) {
        var issues: [ScoreIssue] = []
        var scored: [SkbComponent: SkbComponentScore] = [:]
        var seen: Set<SkbComponent> = []
        for (index, input) in inputs.enumerated() {
            let field = "inputs[\(index)]"
            guard let entry = component(input.component) else {
                issues.append(ScoreIssue(
                    field: "\(field).component", code: "unknown-component",
                    message: "the formation's SKB has no \(input.component.rawValue) component"))
                continue
            }
            guard seen.insert(input.component).inserted else {
                issues.append(ScoreIssue(
                    field: "\(field).component", code: "duplicate-component",
                    message: "\(input.component.rawValue) is given more than once"))
                continue
            }
            do {
                scored[input.component] = try Self.componentScore(input, entry: entry, field: field, policy: policy)
            } catch {
                issues += error.issues
            }
        }
        for entry in components where !seen.contains(entry.component) {
            issues.append(ScoreIssue(
                field: "inputs", code: "missing-component",
                message: "no result for the \(entry.component.rawValue) component"))
        }
        guard issues.isEmpty else { throw ScoreValidationError(issues: issues) }
        let results = components.compactMap { scored[$0.component] }
        let total = policy.skbScore100(results.map { (weightPercent: $0.weightPercent, score: $0.score) })
        return (results, total)
    }

    /// One input checked and put on 0–100.
    private static func componentScore(
        _ input: SkbComponentInput, entry: SkbSchemeComponent, field: String, policy: IntegrationPolicy
    ) throws(ScoreValidationError) -> SkbComponentScore {
        let name = input.component.rawValue
        switch (input.score, input.rawScore) {
        case (nil, nil):
            throw ScoreValidationError(issues: [ScoreIssue(
                field: field, code: "missing-score", message: "\(name) needs a score or a raw score")])
        case (.some, .some):
            throw ScoreValidationError(issues: [ScoreIssue(
                field: field, code: "score-and-raw-score", message: "\(name) gives a score and a raw score; give one")])
        case let (score?, nil):
            if score < ExactDecimal(0) || score > ExactDecimal(100) {
                throw ScoreValidationError(issues: [ScoreIssue(
                    field: "\(field).score", code: "out-of-range",
                    message: "the \(name) score must be between 0 and 100, got \(score)")])
            }
            if FinalDecimalMath.decimalPlaces(score) > policy.decimals {
                throw ScoreValidationError(issues: [ScoreIssue(
                    field: "\(field).score", code: "too-many-decimals",
                    message: "the \(name) score has at most \(policy.decimals) decimals, got \(score)")])
            }
            let units = FinalDecimalMath.units(of: score, atScale: policy.decimals)
            return SkbComponentScore(
                component: entry.component, weightPercent: entry.weightPercent,
                score: FinalDecimalMath.exact(units: units, scale: policy.decimals, minimumDecimals: policy.decimals))
        case let (nil, raw?):
            guard let maximum = entry.rawMaximum else {
                throw ScoreValidationError(issues: [ScoreIssue(
                    field: "\(field).rawScore", code: "no-raw-maximum",
                    message: "the formation gives no raw maximum for \(name); submit its score on 0–100")])
            }
            if raw < ExactDecimal(0) || raw > maximum {
                throw ScoreValidationError(issues: [ScoreIssue(
                    field: "\(field).rawScore", code: "out-of-range",
                    message: "the raw \(name) score must be between 0 and \(maximum), got \(raw)")])
            }
            if FinalDecimalMath.decimalPlaces(raw) > FinalDecimalMath.maximumDecimals {
                throw ScoreValidationError(issues: [ScoreIssue(
                    field: "\(field).rawScore", code: "too-many-decimals",
                    message: "a raw score has at most \(FinalDecimalMath.maximumDecimals) decimals, got \(raw)")])
            }
            return SkbComponentScore(
                component: entry.component, weightPercent: entry.weightPercent, rawScore: raw, rawMaximum: maximum,
                score: policy.normalisedScore(raw: raw, rawMaximum: maximum))
        }
    }
}
