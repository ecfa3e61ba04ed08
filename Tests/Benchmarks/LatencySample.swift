import Foundation

/// A set of measured durations with nearest-rank percentiles.
struct LatencySample: Sendable {
    private(set) var sorted: [Duration]

    init(_ durations: [Duration]) {
        sorted = durations.sorted()
    }

    var count: Int { sorted.count }
    var isEmpty: Bool { sorted.isEmpty }

    /// The nearest-rank percentile `p` (0...100), or `nil` without samples.
    func percentile(_ p: Double) -> Duration? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    var maximum: Duration? { sorted.last }

    /// `p50 12.3 ms  p99 45.6 ms`-style text for the given percentiles (and the maximum when asked).
    func summary(_ percentiles: [Double], includeMaximum: Bool = false) -> String {
        guard !sorted.isEmpty else { return "no samples" }
        var parts = percentiles.map { "p\(Self.label($0)) \(percentile($0)!.formattedMilliseconds)" }
        if includeMaximum, let maximum { parts.append("max \(maximum.formattedMilliseconds)") }
        return parts.joined(separator: "  ")
    }

    private static func label(_ p: Double) -> String {
        p == p.rounded() ? String(Int(p)) : String(p)
    }
}

extension Duration {
    /// The duration in (fractional) seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    /// The duration in (fractional) milliseconds.
    var milliseconds: Double { seconds * 1000 }

    /// `12.3 ms`.
    var formattedMilliseconds: String { String(format: "%.1f ms", milliseconds) }

    /// `1.23 s`.
    var formattedSeconds: String { String(format: "%.2f s", seconds) }

    /// `12 min 34 s`, or `34.5 s` under a minute.
    var formattedMinutes: String {
        let total = seconds
        guard total >= 60 else { return String(format: "%.1f s", total) }
        return "\(Int(total) / 60) min \(Int(total) % 60) s"
    }
}

/// `12,345`: a whole number with thousands separators.
func grouped(_ value: Double) -> String {
    let digits = String(Int(value.rounded()))
    var result = ""
    for (index, character) in digits.reversed().enumerated() {
        if index > 0, index % 3 == 0, character != "-" { result.append(",") }
        result.append(character)
    }
    return String(result.reversed())
}
