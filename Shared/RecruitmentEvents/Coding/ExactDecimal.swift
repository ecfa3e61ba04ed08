public import Foundation

/// An exact decimal number that travels as a JSON **string** (`"80.36"`), never as a binary floating-point number.
///
/// Scores such as the SKD on a 0–100 scale (442/550·100 → `80.36`, DOMAIN §3.2), SKB weights and the integrated
/// final score must compare exactly, so they are stored as an integer number of units at a decimal scale:
/// `80.36` is 8036 units at scale 2. The scale written by the producer is kept on the wire (`"77.80"` stays
/// `"77.80"`); equality, hashing and ordering compare the numeric value (`80.360 == 80.36`).
public struct ExactDecimal: Sendable, Hashable, Comparable, Codable, LosslessStringConvertible {
    /// The value times 10^``scale``.
    public let units: Int64
    /// The number of digits after the decimal point (0...18).
    public let scale: Int

    /// `units` × 10^−`scale`, e.g. `ExactDecimal(8036, scale: 2)` is 80.36.
    public init(_ units: Int64, scale: Int = 0) {
        precondition((0...18).contains(scale), "ExactDecimal scale must be 0...18")
        self.units = units
        self.scale = scale
    }

    /// Parses `-?digits(.digits)?`: no exponent, no `+`, no spaces; the digits must fit an `Int64` and at most 18 of
    /// them may follow the point.
    public init?(_ description: String) {
        var text = Substring(description)
        let negative = text.first == "-"
        if negative { text = text.dropFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let integerPart = parts.first, !integerPart.isEmpty else { return nil }
        let fractionPart = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || !fractionPart.isEmpty,
              (integerPart + fractionPart).allSatisfy({ $0.isASCII && $0.isNumber }),
              fractionPart.count <= 18,
              let magnitude = Int64(integerPart + fractionPart)
        else { return nil }
        self.init(negative ? -magnitude : magnitude, scale: fractionPart.count)
    }

    /// Converts a Foundation `Decimal` (e.g. the result of a weighted-sum computation) at the given scale, rounding
    /// half away from zero.
    public init?(_ decimal: Decimal, scale: Int) {
        guard (0...18).contains(scale) else { return nil }
        var value = decimal
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, scale, .plain)
        var scaled = rounded * ExactDecimal.powerOfTen(scale)
        var integral = Decimal()
        NSDecimalRound(&integral, &scaled, 0, .plain)
        let units = NSDecimalNumber(decimal: integral).int64Value
        guard Decimal(units) == integral else { return nil }
        self.init(units, scale: scale)
    }

    /// The value as a Foundation `Decimal`, for arithmetic.
    public var decimalValue: Decimal {
        Decimal(units) / ExactDecimal.powerOfTen(scale)
    }

    /// The canonical text, e.g. `80.36`, `-0.50`, `3`.
    public var description: String {
        guard scale > 0 else { return String(units) }
        let magnitude = String(units.magnitude)
        let padded = magnitude.count > scale
            ? magnitude : String(repeating: "0", count: scale + 1 - magnitude.count) + magnitude
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        return (units < 0 ? "-" : "") + padded[..<split] + "." + padded[split...]
    }

    /// Units at the smallest scale that represents the value exactly (trailing zeros removed).
    private var normalized: (units: Int64, scale: Int) {
        var units = units
        var scale = scale
        while scale > 0, units % 10 == 0 {
            units /= 10
            scale -= 1
        }
        return (units, scale)
    }

    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        lhs.normalized == rhs.normalized
    }

    public func hash(into hasher: inout Hasher) {
        let normalized = normalized
        hasher.combine(normalized.units)
        hasher.combine(normalized.scale)
    }

    /// Compares exactly in integers at the larger scale (Int64 units times at most 10^18 fit `Int128`); no `Decimal`
    /// on the way, so ranking a large formation by score stays fast.
    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let scale = max(lhs.scale, rhs.scale)
        return Int128(lhs.units) * integerPowerOfTen(scale - lhs.scale)
            < Int128(rhs.units) * integerPowerOfTen(scale - rhs.scale)
    }

    private static func integerPowerOfTen(_ exponent: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = ExactDecimal(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Expected an exact decimal string like \"80.36\", got \"\(text)\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func powerOfTen(_ exponent: Int) -> Decimal {
        var result = Decimal(1)
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
