import Foundation
import Synchronization

/// Latencies and throughput per stage of a run ("sign-up", "upload", "submit", "decide", "skd-result", ...): every
/// request the simulator sends is timed under the stage it belongs to, so load mode can print what each part of the
/// selection sustains.
public final class StageLatencies: Sendable {
    /// What one stage did.
    public struct Summary: Sendable, CustomStringConvertible {
        public var stage: String
        public var requests: Int
        /// Wall time from the stage's first request start to its last request end, in seconds.
        public var seconds: Double
        public var p50Milliseconds: Double
        public var p95Milliseconds: Double
        public var p99Milliseconds: Double
        public var maxMilliseconds: Double

        /// Requests per second over the stage's wall time.
        public var throughput: Double { seconds > 0 ? Double(requests) / seconds : 0 }

        public var description: String {
            stage.padding(toLength: max(22, stage.count), withPad: " ", startingAt: 0)
                + String(format: " %7d req %9.1f req/s   p50 %7.1f ms   p95 %7.1f ms   p99 %7.1f ms   max %7.1f ms",
                         requests, throughput, p50Milliseconds, p95Milliseconds, p99Milliseconds, maxMilliseconds)
        }
    }

    private struct Samples {
        var order: [String] = []
        var durations: [String: [Double]] = [:]
        var first: [String: ContinuousClock.Instant] = [:]
        var last: [String: ContinuousClock.Instant] = [:]
    }

    private let samples = Mutex(Samples())

    public init() {}

    /// Records one request of `stage` that started at `start` and has just ended.
    public func record(_ stage: String, start: ContinuousClock.Instant, end: ContinuousClock.Instant = .now) {
        let milliseconds = Double((end - start).components.attoseconds) / 1e15
            + Double((end - start).components.seconds) * 1_000
        samples.withLock { samples in
            if samples.durations[stage] == nil { samples.order.append(stage) }
            samples.durations[stage, default: []].append(milliseconds)
            if let first = samples.first[stage] { samples.first[stage] = min(first, start) } else { samples.first[stage] = start }
            if let last = samples.last[stage] { samples.last[stage] = max(last, end) } else { samples.last[stage] = end }
        }
    }

    /// Every stage in the order it first appeared.
    public func summaries() -> [Summary] {
        samples.withLock { samples in
            samples.order.map { stage in
                let sorted = samples.durations[stage, default: []].sorted()
                func percentile(_ p: Double) -> Double {
                    guard !sorted.isEmpty else { return 0 }
                    let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
                    return sorted[min(max(rank, 0), sorted.count - 1)]
                }
                let span = samples.last[stage].flatMap { last in samples.first[stage].map { last - $0 } } ?? .zero
                let seconds = Double(span.components.seconds) + Double(span.components.attoseconds) / 1e18
                return Summary(stage: stage, requests: sorted.count, seconds: seconds,
                               p50Milliseconds: percentile(0.50), p95Milliseconds: percentile(0.95),
                               p99Milliseconds: percentile(0.99), maxMilliseconds: sorted.last ?? 0)
            }
        }
    }
}
