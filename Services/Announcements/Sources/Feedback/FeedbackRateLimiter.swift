import Foundation
import Synchronization

/// A token bucket per client: `burst` feedback at once, refilled evenly so an empty bucket is full again after
/// `window`. Kept in memory, so the limit holds per instance (behind a load balancer each instance grants its own
/// budget; a deployment that needs one global limit puts the limit in the proxy).
///
/// Memory is bounded: at most `maxClients` buckets are kept. When a new client would exceed that, buckets that have
/// refilled completely are dropped (they are indistinguishable from a client never seen), and if that is not enough,
/// the least recently used eighth. A flood from many addresses can thus make the limiter forget some clients, never
/// grow without bound.
final class FeedbackRateLimiter: Sendable {
    struct Bucket: Equatable {
        var tokens: Double
        var updatedAt: Date
    }

    let burst: Double
    /// Seconds in which an empty bucket refills completely.
    let window: Double
    let maxClients: Int
    private let buckets = Mutex<[String: Bucket]>([:])

    init(burst: Int, window: Duration, maxClients: Int) {
        self.burst = Double(max(1, burst))
        self.window = max(0.001, Double(window.components.seconds) + Double(window.components.attoseconds) / 1e18)
        self.maxClients = max(1, maxClients)
    }

    /// How long `client` must wait before it may send again, or `nil` if it may now. Takes nothing.
    func retryAfter(_ client: String, now: Date = Date()) -> Duration? {
        buckets.withLock { buckets in
            guard let bucket = buckets[client] else { return nil }
            return wait(for: refilled(bucket, now: now))
        }
    }

    /// Takes one token of `client`'s budget: `nil` when granted, otherwise how long to wait (nothing taken).
    func take(_ client: String, now: Date = Date()) -> Duration? {
        buckets.withLock { buckets in
            var bucket = buckets[client].map { refilled($0, now: now) } ?? Bucket(tokens: burst, updatedAt: now)
            if let wait = wait(for: bucket) { return wait }
            bucket.tokens -= 1
            if buckets[client] == nil, buckets.count >= maxClients { evict(&buckets, now: now) }
            buckets[client] = bucket
            return nil
        }
    }

    /// Clients currently remembered.
    var trackedClients: Int { buckets.withLock { $0.count } }

    private func wait(for bucket: Bucket) -> Duration? {
        guard bucket.tokens < 1 else { return nil }
        return .seconds(max(1, Int(((1 - bucket.tokens) * window / burst).rounded(.up))))
    }

    private func refilled(_ bucket: Bucket, now: Date) -> Bucket {
        let elapsed = max(0, now.timeIntervalSince(bucket.updatedAt))
        return Bucket(tokens: min(burst, bucket.tokens + elapsed * burst / window), updatedAt: max(now, bucket.updatedAt))
    }

    private func evict(_ buckets: inout [String: Bucket], now: Date) {
        buckets = buckets.filter { refilled($0.value, now: now).tokens < burst }
        guard buckets.count >= maxClients else { return }
        let oldest = buckets.sorted { $0.value.updatedAt < $1.value.updatedAt }
            .prefix(max(1, maxClients / 8)).map(\.key)
        for key in oldest { buckets.removeValue(forKey: key) }
    }
}
