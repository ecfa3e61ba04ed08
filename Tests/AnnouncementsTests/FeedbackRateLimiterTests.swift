import Foundation
import ServiceKit
import Testing
@testable import Announcements

/// The per-client token bucket (pure, with an injected clock) and the client-address rule it keys on (ServiceKit).
@Suite struct FeedbackRateLimiterTests {
    static let t0 = Date(timeIntervalSince1970: 1_729_476_000)

    @Test func fivePerTenMinutesThenWaitForTheRefill() {
        let limiter = FeedbackRateLimiter(burst: 5, window: .seconds(600), maxClients: 100)
        for attempt in 0..<5 {
            #expect(limiter.retryAfter("10.0.0.1", now: Self.t0) == nil, "attempt \(attempt)")
            #expect(limiter.take("10.0.0.1", now: Self.t0) == nil, "attempt \(attempt)")
        }
        // One token refills every 120 s.
        #expect(limiter.retryAfter("10.0.0.1", now: Self.t0) == .seconds(120))
        #expect(limiter.take("10.0.0.1", now: Self.t0) == .seconds(120))
        #expect(limiter.take("10.0.0.1", now: Self.t0 + 30) == .seconds(90))
        // Refusals take nothing: after 120 s exactly one more is granted.
        #expect(limiter.take("10.0.0.1", now: Self.t0 + 120) == nil)
        #expect(limiter.take("10.0.0.1", now: Self.t0 + 120) == .seconds(120))
        // Another client has its own budget.
        #expect(limiter.take("10.0.0.2", now: Self.t0) == nil)
        // After the whole window the bucket is full again, not fuller.
        for _ in 0..<5 { #expect(limiter.take("10.0.0.1", now: Self.t0 + 120 + 3600) == nil) }
        #expect(limiter.take("10.0.0.1", now: Self.t0 + 120 + 3600) != nil)
    }

    @Test func concurrentTakesNeverGrantMoreThanTheBurst() async {
        let limiter = FeedbackRateLimiter(burst: 5, window: .seconds(600), maxClients: 100)
        let granted = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<200 { group.addTask { limiter.take("10.0.0.9", now: Self.t0) == nil } }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(granted == 5)
    }

    @Test func memoryStaysBoundedUnderAFloodOfAddresses() {
        let limiter = FeedbackRateLimiter(burst: 5, window: .seconds(600), maxClients: 1000)
        for index in 0..<50_000 {
            _ = limiter.take("10.\(index / 65_536).\(index / 256 % 256).\(index % 256)", now: Self.t0 + Double(index) / 1000)
            #expect(limiter.trackedClients <= 1000)
        }
        #expect(limiter.trackedClients > 0)
        // A client that just flooded is among the recently used, so it is still remembered.
        for _ in 0..<5 { _ = limiter.take("192.0.2.1", now: Self.t0 + 60) }
        _ = limiter.take("198.51.100.1", now: Self.t0 + 60)
        #expect(limiter.take("192.0.2.1", now: Self.t0 + 60) != nil)
    }

    @Test func refilledBucketsAreForgottenFirst() {
        let limiter = FeedbackRateLimiter(burst: 2, window: .seconds(60), maxClients: 100)
        for index in 0..<99 { _ = limiter.take("idle-\(index)", now: Self.t0) }
        for _ in 0..<2 { _ = limiter.take("flooder", now: Self.t0 + 59) }
        #expect(limiter.trackedClients == 100)
        // At t0 + 61 every idle bucket has refilled (one token per 30 s); the flooder's, emptied at +59, has not.
        _ = limiter.take("newcomer", now: Self.t0 + 61)
        #expect(limiter.trackedClients == 2)
        #expect(limiter.retryAfter("flooder", now: Self.t0 + 61) != nil)
    }

    // MARK: Client addresses

    @Test func forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() {
        let direct = ClientAddressResolver(trustedProxies: [])
        #expect(direct.client(peer: "203.0.113.7", forwardedFor: ["198.51.100.1"]) == "203.0.113.7")

        let proxied = ClientAddressResolver(trustedProxies: ["10.0.0.2", "10.0.0.3"])
        #expect(proxied.client(peer: "203.0.113.7", forwardedFor: ["198.51.100.1"]) == "203.0.113.7")
        #expect(proxied.client(peer: "10.0.0.2", forwardedFor: ["198.51.100.1"]) == "198.51.100.1")
        // The nearest untrusted hop counts; what the client itself wrote further left does not.
        #expect(proxied.client(peer: "10.0.0.2", forwardedFor: ["1.2.3.4, 198.51.100.1, 10.0.0.3"]) == "198.51.100.1")
        #expect(proxied.client(peer: "10.0.0.2", forwardedFor: ["1.2.3.4", "198.51.100.1"]) == "198.51.100.1")
        // Nothing usable: the proxy itself.
        #expect(proxied.client(peer: "10.0.0.2", forwardedFor: []) == "10.0.0.2")
        #expect(proxied.client(peer: "10.0.0.2", forwardedFor: ["not an address"]) == "10.0.0.2")
        #expect(proxied.client(peer: "::ffff:10.0.0.2", forwardedFor: ["[2001:DB8::1]"]) == "2001:db8::1")
    }
}
