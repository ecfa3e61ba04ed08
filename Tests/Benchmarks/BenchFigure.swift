import Foundation

/// One figure of the summary, with the target from the issue when it has one.
struct BenchFigure: Sendable {
    /// What the figure is held to.
    enum Goal: Sendable {
        /// A throughput that must reach the value.
        case atLeast(Double)
        /// A latency that must stay at or under the value.
        case atMost(Double)
        /// Printed for context only.
        case none
    }

    var name: String
    /// The measured value, or `nil` when the benchmark could not run.
    var measured: Double?
    var goal: Goal
    var unit: String
    /// How to print a value of this figure.
    var format: @Sendable (Double) -> String

    /// `PASS` or `MISS` against the target (a figure that was not measured misses); empty without a target.
    var verdict: String {
        switch goal {
        case .none: return ""
        case .atLeast(let target): return (measured.map { $0 >= target } ?? false) ? "PASS" : "MISS"
        case .atMost(let target): return (measured.map { $0 <= target } ?? false) ? "PASS" : "MISS"
        }
    }

    /// The target as text, e.g. `≥ 20,000 events/s`; `-` without one.
    var targetText: String {
        switch goal {
        case .none: "-"
        case .atLeast(let target): "≥ \(format(target)) \(unit)"
        case .atMost(let target): "≤ \(format(target)) \(unit)"
        }
    }

    /// The measured value as text.
    var measuredText: String {
        measured.map { "\(format($0)) \(unit)" } ?? "not measured"
    }

    /// A throughput (events or requests per second), printed as a whole number.
    static func rate(_ name: String, _ measured: Double?, target: Double?, unit: String) -> BenchFigure {
        BenchFigure(name: name, measured: measured, goal: target.map(Goal.atLeast) ?? .none, unit: unit) { grouped($0) }
    }

    /// A latency, printed in milliseconds.
    static func latency(_ name: String, _ measured: Duration?, target: Duration?) -> BenchFigure {
        BenchFigure(name: name, measured: measured?.milliseconds,
                    goal: target.map { .atMost($0.milliseconds) } ?? .none, unit: "ms") { String(format: "%.1f", $0) }
    }

    /// A cost in milliseconds (CPU time per request), for context: printed with two decimals, no target.
    static func milliseconds(_ name: String, _ measured: Double?) -> BenchFigure {
        BenchFigure(name: name, measured: measured, goal: .none, unit: "ms") { String(format: "%.2f", $0) }
    }

    /// A count, printed as a whole number.
    static func count(_ name: String, _ measured: Int?, atMost target: Int?, unit: String) -> BenchFigure {
        BenchFigure(name: name, measured: measured.map(Double.init),
                    goal: target.map { .atMost(Double($0)) } ?? .none, unit: unit) { grouped($0) }
    }
}
