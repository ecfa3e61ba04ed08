import Foundation
import Synchronization

/// A token bucket per client address: `capacity` events at once, refilled at `refillPerMinute`; while a client's
/// bucket is empty its requests are refused (429 with Retry-After).
///
/// Used for failed logins (successful logins cost nothing, so many people behind one address — a school, an internet
/// café — are not locked out by each other; the per-account lockout in PostgreSQL is the limit that holds across
/// instances) and for sign-ups (each costs a bcrypt hash). Lives in memory, per instance.
final class ClientRateLimiter: Sendable {
    struct Bucket {
        var tokens: Double
        var updatedAt: Date
    }

    let capacity: Double
    let refillPerSecond: Double
    private let buckets = Mutex<[String: Bucket]>([:])

    init(capacity: Int = 10, refillPerMinute: Int = 10) {
        self.capacity = Double(capacity)
        self.refillPerSecond = Double(refillPerMinute) / 60
    }

    /// How long `client` must wait before its next attempt, or `nil` if it may try now.
    func retryAfter(_ client: String, now: Date = Date()) -> Duration? {
        buckets.withLock { buckets in
            guard let bucket = buckets[client].map({ refilled($0, now: now) }), bucket.tokens < 1 else { return nil }
            return .seconds(Int(((1 - bucket.tokens) / refillPerSecond).rounded(.up)))
        }
    }

    /// Counts one event (a failed login, a sign-up) of `client`.
    func record(_ client: String, now: Date = Date()) {
        buckets.withLock { buckets in
            if buckets.count > 100_000 { buckets = buckets.filter { now.timeIntervalSince($0.value.updatedAt) < 600 } }
            var bucket = buckets[client].map { refilled($0, now: now) } ?? Bucket(tokens: capacity, updatedAt: now)
            bucket.tokens = max(0, bucket.tokens - 1)
            buckets[client] = bucket
        }
    }

    private func refilled(_ bucket: Bucket, now: Date) -> Bucket {
        let elapsed = max(0, now.timeIntervalSince(bucket.updatedAt))
        return Bucket(tokens: min(capacity, bucket.tokens + elapsed * refillPerSecond), updatedAt: now)
    }
}

/// The per-account lockout rule: after `threshold` consecutive failures the account is locked for `lockDuration`,
/// doubling with each further failure up to a day. Pure, so the schedule is unit-tested.
enum AccountLockout {
    static let threshold = 5
    static let lockDuration: TimeInterval = 15 * 60

    /// How long an account stays locked after its `failures`-th consecutive failure, or `nil` if not locked.
    static func lock(afterFailures failures: Int) -> TimeInterval? {
        guard failures >= threshold else { return nil }
        let doublings = min(failures - threshold, 7)
        return min(lockDuration * pow(2, Double(doublings)), 24 * 3600)
    }
}
