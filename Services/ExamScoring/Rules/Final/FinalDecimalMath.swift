import Foundation
import RecruitmentEvents

/// Exact arithmetic on ``ExactDecimal`` for the SKB and final-result rules (DOMAIN §3.2): values become integer units
/// at a decimal scale and are combined as `Int128` fractions, so no binary floating point ever touches a score. Every
/// rounding in this directory goes through ``rounded(_:over:decimals:)``.
///
/// `Int128` arithmetic traps on overflow; the validation in front of every caller (scores 0–100, weights 0–100, at
/// most ``maximumDecimals`` decimals) keeps the operands many orders of magnitude below that limit.
enum FinalDecimalMath {
    /// The most decimals a score, weight or raw value may carry into a computation.
    static let maximumDecimals = 6

    /// 10^`exponent`, for 0...38.
    static func powerOfTen(_ exponent: Int) -> Int128 {
        precondition((0...38).contains(exponent), "10^\(exponent) does not fit Int128")
        var result: Int128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    /// The value with trailing fractional zeros removed: `80.360` → (8036, 2), `100.00` → (100, 0).
    static func reduced(_ value: ExactDecimal) -> (units: Int64, scale: Int) {
        var units = value.units
        var scale = value.scale
        while scale > 0, units % 10 == 0 {
            units /= 10
            scale -= 1
        }
        return (units, scale)
    }

    /// The digits after the point that matter: `80.360` → 2, `100.00` → 0.
    static func decimalPlaces(_ value: ExactDecimal) -> Int {
        reduced(value).scale
    }

    /// The value times 10^`scale`, exactly; `scale` is at least ``decimalPlaces(_:)`` of the value.
    static func units(of value: ExactDecimal, atScale scale: Int) -> Int128 {
        let reduced = reduced(value)
        precondition(scale >= reduced.scale, "\(value) cannot be written exactly with \(scale) decimals")
        return Int128(reduced.units) * powerOfTen(scale - reduced.scale)
    }

    /// `numerator / denominator` rounded to the nearest integer, halves away from zero ("half up" for the
    /// non-negative scores of this domain). `denominator` is positive.
    static func roundedQuotient(_ numerator: Int128, over denominator: Int128) -> Int128 {
        precondition(denominator > 0, "the denominator must be positive")
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        guard remainder.magnitude * 2 >= denominator.magnitude else { return quotient }
        return numerator < 0 ? quotient - 1 : quotient + 1
    }

    /// The one rounding rule of DOMAIN §3.2 as implemented here: `numerator / denominator` rounded half up to
    /// `decimals` digits after the point, e.g. 442 × 100 / 550 → `80.36` with 2 decimals.
    static func rounded(_ numerator: Int128, over denominator: Int128, decimals: Int) -> ExactDecimal {
        decimal(units: roundedQuotient(numerator * powerOfTen(decimals), over: denominator), scale: decimals)
    }

    /// The exact value `units` × 10^−`scale`, written with trailing zeros removed but never fewer than
    /// `minimumDecimals` digits after the point: (788240, 4) with minimum 2 → `78.824`; (8000, 2) → `80.00`.
    static func exact(units: Int128, scale: Int, minimumDecimals: Int) -> ExactDecimal {
        var units = units
        var scale = scale
        while scale > minimumDecimals, units % 10 == 0 {
            units /= 10
            scale -= 1
        }
        if scale < minimumDecimals {
            units *= powerOfTen(minimumDecimals - scale)
            scale = minimumDecimals
        }
        return decimal(units: units, scale: scale)
    }

    /// Σ weightᵢ × scoreᵢ / 100 exactly, as units at the returned scale (weights in percent).
    static func weightedSum(
        _ terms: [(weightPercent: ExactDecimal, score: ExactDecimal)]
    ) -> (units: Int128, scale: Int) {
        let productScale = terms.map { decimalPlaces($0.weightPercent) + decimalPlaces($0.score) }.max() ?? 0
        var total: Int128 = 0
        for term in terms {
            let weightScale = decimalPlaces(term.weightPercent)
            let weight = units(of: term.weightPercent, atScale: weightScale)
            let score = units(of: term.score, atScale: productScale - weightScale)
            total += weight * score
        }
        // Dividing by 100 is two more digits after the point.
        return (total, productScale + 2)
    }

    /// Compares `lhsValue / lhsMaximum` with `rhsValue / rhsMaximum` exactly by cross-multiplication (never by
    /// dividing): 3.00/4.00 and 75/100 compare equal. Values are non-negative and maxima positive.
    static func compareFractions(
        _ lhsValue: ExactDecimal, over lhsMaximum: ExactDecimal,
        _ rhsValue: ExactDecimal, over rhsMaximum: ExactDecimal
    ) -> ComparisonResult {
        let lhsValue = reduced(lhsValue), lhsMaximum = reduced(lhsMaximum)
        let rhsValue = reduced(rhsValue), rhsMaximum = reduced(rhsMaximum)
        // lhsValue/lhsMaximum vs rhsValue/rhsMaximum ⇔ lv·rm·10^(lms+rs) vs rv·lm·10^(rms+ls); each product of two
        // Int64 fits Int128, and the full-width product with the power of ten cannot overflow.
        let lhsProduct = Int128(lhsValue.units) * Int128(rhsMaximum.units)
        let rhsProduct = Int128(rhsValue.units) * Int128(lhsMaximum.units)
        let lhsExponent = lhsMaximum.scale + rhsValue.scale
        let rhsExponent = rhsMaximum.scale + lhsValue.scale
        let common = min(lhsExponent, rhsExponent)
        let lhs = lhsProduct.multipliedFullWidth(by: powerOfTen(lhsExponent - common))
        let rhs = rhsProduct.multipliedFullWidth(by: powerOfTen(rhsExponent - common))
        if lhs.high != rhs.high { return lhs.high < rhs.high ? .orderedAscending : .orderedDescending }
        if lhs.low != rhs.low { return lhs.low < rhs.low ? .orderedAscending : .orderedDescending }
        return .orderedSame
    }

    /// `units` × 10^−`scale` as an ``ExactDecimal``; the units must fit `Int64` (always true for validated scores).
    private static func decimal(units: Int128, scale: Int) -> ExactDecimal {
        guard let units = Int64(exactly: units) else {
            preconditionFailure("\(units) × 10^-\(scale) does not fit an ExactDecimal")
        }
        return ExactDecimal(units, scale: scale)
    }
}
