import RecruitmentEvents

extension SkbScheme {
    /// Checks an announced SKB against DOMAIN §1.7 and orders it CAT first, then as given.
    ///
    /// Rules: at least one component; no component twice; each weight more than 0 and at most 100 with at most 2
    /// decimals; the weights sum to exactly 100 (checked once every weight is individually valid); CAT present.
    /// Central: CAT ≥ 50, interview ≤ 30, competency certificate ≤ 20. Regional: CAT ≥ 60, at most one component
    /// besides CAT, no interview. A `rawMaximum`, if given, is positive with at most 6 decimals.
    ///
    /// - Throws: ``ScoreValidationError`` with every issue, fields such as `components`, `components[1].weightPercent`,
    ///   `components[2].component`, `components[0].rawMaximum`.
    public static func validated(
        _ components: [SkbSchemeComponent], agency: AgencyLevel
    ) throws(ScoreValidationError) -> SkbScheme {
        var issues: [ScoreIssue] = []
        if components.isEmpty {
            issues.append(ScoreIssue(
                field: "components", code: "no-components", message: "an SKB has at least the mandatory CAT"))
        }
        var seen: Set<SkbComponent> = []
        var extras: Set<SkbComponent> = []
        var weightsValid = true
        for (index, entry) in components.enumerated() {
            let field = "components[\(index)]"
            if !seen.insert(entry.component).inserted {
                issues.append(ScoreIssue(
                    field: "\(field).component", code: "duplicate-component",
                    message: "\(entry.component.rawValue) is listed more than once"))
            } else if entry.component != .cat {
                issues += extraComponentIssues(entry.component, field: field, agency: agency, extras: &extras)
            }
            weightsValid = weightsValid && isWellFormedWeight(entry.weightPercent)
            issues += weightIssues(entry, field: field, agency: agency)
            if let rawMaximum = entry.rawMaximum {
                issues += rawMaximumIssues(rawMaximum, field: "\(field).rawMaximum")
            }
        }
        if !components.isEmpty, !seen.contains(.cat) {
            issues.append(ScoreIssue(
                field: "components", code: "missing-cat", message: "the CAT component is mandatory in every SKB"))
        }
        if !components.isEmpty, weightsValid {
            let sum = components.reduce(Int128(0)) { $0 + FinalDecimalMath.units(of: $1.weightPercent, atScale: 2) }
            if sum != 10_000 {
                let text = FinalDecimalMath.exact(units: sum, scale: 2, minimumDecimals: 0)
                issues.append(ScoreIssue(
                    field: "components", code: "weights-do-not-sum-to-100",
                    message: "the component weights sum to \(text), not 100"))
            }
        }
        guard issues.isEmpty else { throw ScoreValidationError(issues: issues) }
        let ordered = components.filter { $0.component == .cat } + components.filter { $0.component != .cat }
        return SkbScheme(checkedComponents: ordered, agency: agency)
    }

    /// Whether the agency allows this extra test, and whether it exceeds the agency's number of extra tests.
    private static func extraComponentIssues(
        _ component: SkbComponent, field: String, agency: AgencyLevel, extras: inout Set<SkbComponent>
    ) -> [ScoreIssue] {
        guard agency.allows(component) else {
            return [ScoreIssue(
                field: "\(field).component", code: "component-not-allowed",
                message: "a \(agency.rawValue) agency may not use \(component.rawValue)")]
        }
        defer { extras.insert(component) }
        if let maximum = agency.maximumExtraComponents, extras.count >= maximum {
            return [ScoreIssue(
                field: "\(field).component", code: "too-many-extra-components",
                message: "a \(agency.rawValue) agency may add at most \(maximum) test(s) besides CAT")]
        }
        return []
    }

    /// Whether a weight is more than 0, at most 100 and has at most 2 decimals.
    private static func isWellFormedWeight(_ weight: ExactDecimal) -> Bool {
        weight > ExactDecimal(0) && weight <= ExactDecimal(100) && FinalDecimalMath.decimalPlaces(weight) <= 2
    }

    /// Range and precision of one weight, then the agency's floor for CAT or cap for the component.
    private static func weightIssues(
        _ entry: SkbSchemeComponent, field: String, agency: AgencyLevel
    ) -> [ScoreIssue] {
        let weight = entry.weightPercent
        let name = entry.component.rawValue
        let field = "\(field).weightPercent"
        if weight <= ExactDecimal(0) || weight > ExactDecimal(100) {
            return [ScoreIssue(
                field: field, code: "out-of-range",
                message: "the weight of \(name) must be more than 0 and at most 100, got \(weight)")]
        }
        if FinalDecimalMath.decimalPlaces(weight) > 2 {
            return [ScoreIssue(
                field: field, code: "too-many-decimals",
                message: "the weight of \(name) has at most 2 decimals, got \(weight)")]
        }
        if entry.component == .cat, weight < agency.minimumCatWeightPercent {
            return [ScoreIssue(
                field: field, code: "below-minimum-weight",
                message: "CAT weighs at least \(agency.minimumCatWeightPercent)% in a \(agency.rawValue) agency, "
                    + "got \(weight)")]
        }
        if let maximum = agency.maximumWeightPercent(of: entry.component), weight > maximum {
            return [ScoreIssue(
                field: field, code: "above-maximum-weight",
                message: "\(name) weighs at most \(maximum)% in a \(agency.rawValue) agency, got \(weight)")]
        }
        return []
    }

    /// A raw maximum is positive and has at most ``FinalDecimalMath/maximumDecimals`` decimals.
    private static func rawMaximumIssues(_ rawMaximum: ExactDecimal, field: String) -> [ScoreIssue] {
        if rawMaximum <= ExactDecimal(0) {
            return [ScoreIssue(
                field: field, code: "out-of-range", message: "a raw maximum must be positive, got \(rawMaximum)")]
        }
        if FinalDecimalMath.decimalPlaces(rawMaximum) > FinalDecimalMath.maximumDecimals {
            return [ScoreIssue(
                field: field, code: "too-many-decimals",
                message: "a raw maximum has at most \(FinalDecimalMath.maximumDecimals) decimals, got \(rawMaximum)")]
        }
        return []
    }
}
