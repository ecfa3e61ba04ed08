public import RecruitmentEvents

/// How SKD and SKB are put on 0–100 and integrated (DOMAIN §3.2): Panselnas weighs SKD 40% and SKB 60%.
///
/// The weights and the rounding are configuration: DOMAIN gives 40/60 and the example 442 → 80.36, but no primary
/// text states a rounding rule [UNCONFIRMED]. The rule implemented, always in exact integer arithmetic (never
/// `Double`), is:
/// - SKD₁₀₀ = total × 100 / 550, rounded half up to ``decimals`` digits (442 → `80.36`, 311 → `56.55`);
/// - a raw SKB component score becomes raw × 100 / rawMaximum, rounded half up to ``decimals`` (380/500 → `76.00`,
///   1/3 → `33.33`, 2/3 → `66.67`);
/// - SKB₁₀₀ = Σ weight × component score / 100, rounded half up to ``decimals`` (70% × 76.00 + 30% × 82.00 → `77.80`);
/// - the integrated score = (skdWeight × SKD₁₀₀ + skbWeight × SKB₁₀₀) / 100, kept **exact**, written with at least
///   ``decimals`` digits (40% × 80.36 + 60% × 77.80 → `78.824`).
///
/// "Half up" rounds halves away from zero; every value here is non-negative.
public struct IntegrationPolicy: Sendable, Hashable {
    /// The weight of SKD₁₀₀ in percent; 40 by default.
    public let skdWeightPercent: ExactDecimal
    /// The weight of SKB₁₀₀ in percent; 60 by default.
    public let skbWeightPercent: ExactDecimal
    /// The digits kept after the point by every rounded score (SKD₁₀₀, component scores, SKB₁₀₀); 2 by default.
    public let decimals: Int

    /// The highest SKD total, the denominator of SKD₁₀₀ (DOMAIN §2).
    public static let skdMaximumTotal = 550
    /// The most digits after the point that ``decimals`` may ask for.
    public static let maximumDecimals = FinalDecimalMath.maximumDecimals

    /// The published rule: SKD 40%, SKB 60%, two decimals (DOMAIN §3.2).
    public static let standard = IntegrationPolicy()

    /// The published rule: SKD 40%, SKB 60%, two decimals (DOMAIN §3.2).
    public init() {
        skdWeightPercent = ExactDecimal(40)
        skbWeightPercent = ExactDecimal(60)
        decimals = 2
    }

    /// A configured rule (DOMAIN §3.2 marks the rounding [UNCONFIRMED]).
    ///
    /// Each weight is 0–100 with at most 2 decimals, the two weights sum to exactly 100, and `decimals` is
    /// 0...``maximumDecimals``.
    /// - Throws: ``ScoreValidationError`` with one issue per broken rule (fields `skdWeightPercent`,
    ///   `skbWeightPercent`, `weights`, `decimals`).
    public init(
        skdWeightPercent: ExactDecimal, skbWeightPercent: ExactDecimal, decimals: Int
    ) throws(ScoreValidationError) {
        var issues: [ScoreIssue] = []
        var weightsValid = true
        for (field, weight) in [("skdWeightPercent", skdWeightPercent), ("skbWeightPercent", skbWeightPercent)] {
            if weight < ExactDecimal(0) || weight > ExactDecimal(100) {
                weightsValid = false
                issues.append(ScoreIssue(
                    field: field, code: "out-of-range", message: "a weight must be between 0 and 100, got \(weight)"))
            } else if FinalDecimalMath.decimalPlaces(weight) > 2 {
                weightsValid = false
                issues.append(ScoreIssue(
                    field: field, code: "too-many-decimals",
                    message: "a weight has at most 2 decimals, got \(weight)"))
            }
        }
        if weightsValid {
            let sum = FinalDecimalMath.units(of: skdWeightPercent, atScale: 2)
                + FinalDecimalMath.units(of: skbWeightPercent, atScale: 2)
            if sum != 10_000 {
                issues.append(ScoreIssue(
                    field: "weights", code: "weights-do-not-sum-to-100",
                    message: "the SKD and SKB weights sum to \(ExactDecimal(Int64(sum), scale: 2)), not 100"))
            }
        }
        if !(0...Self.maximumDecimals).contains(decimals) {
            issues.append(ScoreIssue(
                field: "decimals", code: "out-of-range",
                message: "decimals must be between 0 and \(Self.maximumDecimals), got \(decimals)"))
        }
        guard issues.isEmpty else { throw ScoreValidationError(issues: issues) }
        self.skdWeightPercent = skdWeightPercent
        self.skbWeightPercent = skbWeightPercent
        self.decimals = decimals
    }

    /// SKD₁₀₀ = `total` × 100 / 550 rounded half up to ``decimals`` (DOMAIN §3.2): 442 → `80.36`, 550 → `100.00`.
    ///
    /// - Precondition: `total` is 0...550 (validated SKD scores, DOMAIN §2).
    public func skdScore100(total: Int) -> ExactDecimal {
        precondition((0...Self.skdMaximumTotal).contains(total), "an SKD total is 0...550, got \(total)")
        return FinalDecimalMath.rounded(Int128(total) * 100, over: Int128(Self.skdMaximumTotal), decimals: decimals)
    }

    /// The integrated final score (skdWeight × SKD₁₀₀ + skbWeight × SKB₁₀₀) / 100, exact and unrounded, written with
    /// at least ``decimals`` digits (DOMAIN §3.2): 80.36 and 77.80 → `78.824`.
    ///
    /// - Precondition: the exact result fits an ``ExactDecimal`` (at most 18 decimals); always true for scores with
    ///   at most ``maximumDecimals`` decimals.
    public func integrated(skd100: ExactDecimal, skb100: ExactDecimal) -> ExactDecimal {
        let sum = FinalDecimalMath.weightedSum([
            (weightPercent: skdWeightPercent, score: skd100),
            (weightPercent: skbWeightPercent, score: skb100),
        ])
        return FinalDecimalMath.exact(units: sum.units, scale: sum.scale, minimumDecimals: decimals)
    }

    /// A raw component score on 0–100: `raw` × 100 / `rawMaximum`, rounded half up to ``decimals`` (380/500 →
    /// `76.00`). `rawMaximum` is positive and both have at most ``maximumDecimals`` decimals.
    func normalisedScore(raw: ExactDecimal, rawMaximum: ExactDecimal) -> ExactDecimal {
        let scale = max(FinalDecimalMath.decimalPlaces(raw), FinalDecimalMath.decimalPlaces(rawMaximum))
        return FinalDecimalMath.rounded(
            FinalDecimalMath.units(of: raw, atScale: scale) * 100,
            over: FinalDecimalMath.units(of: rawMaximum, atScale: scale),
            decimals: decimals)
    }

    /// SKB₁₀₀ = Σ weight × score / 100, rounded half up to ``decimals`` (70% × 76.00 + 30% × 82.00 → `77.80`).
    func skbScore100(_ terms: [(weightPercent: ExactDecimal, score: ExactDecimal)]) -> ExactDecimal {
        let sum = FinalDecimalMath.weightedSum(terms)
        return FinalDecimalMath.rounded(sum.units, over: FinalDecimalMath.powerOfTen(sum.scale), decimals: decimals)
    }
}
