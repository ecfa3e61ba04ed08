import Logging
import ServiceLifecycle
import Synchronization
import Testing
@testable import ServiceKit

/// A service's graceful shutdown ends: cleanly when every member honours it, and after the limit, with the member that
/// holds it up named, when one does not.
@Suite struct BoundedServiceGroupTests {
    static let logger = Logger(label: "test")

    /// The members that returned, in order.
    final class Returns: Sendable {
        private let names = Mutex<[String]>([])
        func append(_ name: String) { names.withLock { $0.append(name) } }
        var all: [String] { names.withLock { $0 } }
    }

    /// Returns when asked to shut down (or cancelled), recording that it did.
    struct Polite: Service {
        let returned: Returns
        let name: String

        func run() async throws {
            try? await gracefulShutdown()
            returned.append(name)
        }
    }

    /// Ignores graceful shutdown; only cancellation ends it.
    struct Stubborn: Service {
        func run() async throws {
            try await Task.sleep(for: .seconds(3_600))
        }
    }

    /// Returns as soon as it starts.
    struct Finishing: Service {
        func run() async throws {}
    }

    /// Ignores graceful shutdown and cancellation (like a thread blocked in a C library) until released.
    struct Deaf: Service {
        let release: Release

        func run() async throws {
            await withCheckedContinuation { release.hold($0) }
        }
    }

    /// Lets a ``Deaf`` member return (at the end of a test).
    final class Release: Sendable {
        private let continuation = Mutex<CheckedContinuation<Void, Never>?>(nil)
        func hold(_ continuation: CheckedContinuation<Void, Never>) { self.continuation.withLock { $0 = continuation } }
        func now() { continuation.withLock { $0.take() }?.resume() }
    }

    @Test func membersThatHonourShutdownEndInReverseOrderWithoutAnError() async throws {
        let returned = Returns()
        let group = BoundedServiceGroup(
            members: ["a", "b", "c"].map { .init($0, Polite(returned: returned, name: $0)) },
            signals: [], shutdownLimit: .seconds(30), logger: Self.logger)
        let running = Task { try await group.run() }
        try await Task.sleep(for: .milliseconds(100))
        await group.triggerGracefulShutdown()
        try await running.value
        #expect(returned.all == ["c", "b", "a"])
    }

    @Test func aMemberIgnoringShutdownIsNamedAndCancelledOnceTheLimitExpires() async throws {
        let returned = Returns()
        let limit = Duration.milliseconds(300)
        let group = BoundedServiceGroup(
            members: [
                .init("pool", Polite(returned: returned, name: "pool")),
                .init("stuck", Stubborn()),
                .init("http", Polite(returned: returned, name: "http")),
            ],
            signals: [], shutdownLimit: limit, logger: Self.logger)
        let running = Task { try await group.run() }
        try await Task.sleep(for: .milliseconds(100))
        let start = ContinuousClock.now
        await group.triggerGracefulShutdown()
        await #expect(throws: BoundedServiceGroupError.shutdownTimedOut(limit: limit, stopping: ["stuck"], waiting: ["pool"])) {
            try await running.value
        }
        let elapsed = ContinuousClock.now - start
        #expect(elapsed >= limit)
        #expect(elapsed < BoundedServiceGroup.cancellationLimit, "the forced shutdown took \(elapsed)")
        // The member before the stuck one was never asked; cancellation ended it.
        #expect(returned.all == ["http", "pool"])
    }

    @Test func theEndingMemberReturningShutsTheOthersDownAndIgnoredOnesMayFinishEarly() async throws {
        let returned = Returns()
        let group = BoundedServiceGroup(
            members: [
                .init("pool", Polite(returned: returned, name: "pool")),
                .init("migrations", Finishing()),
                .init("http", Finishing(), endsGroupWhenFinished: true),
            ],
            signals: [], shutdownLimit: .seconds(30), logger: Self.logger)
        try await group.run()
        #expect(returned.all == ["pool"])
    }

    @Test func aMemberIgnoringCancellationTooIsAbandonedAfterTheCancellationLimit() async throws {
        let returned = Returns()
        let release = Release()
        defer { release.now() }
        let limit = Duration.milliseconds(200)
        let group = BoundedServiceGroup(
            members: [
                .init("pool", Polite(returned: returned, name: "pool")),
                .init("blocked", Deaf(release: release)),
                .init("http", Polite(returned: returned, name: "http")),
            ],
            signals: [], shutdownLimit: limit, logger: Self.logger)
        let running = Task { try await group.run() }
        try await Task.sleep(for: .milliseconds(100))
        let start = ContinuousClock.now
        await group.triggerGracefulShutdown()
        await #expect(throws: BoundedServiceGroupError.shutdownTimedOut(limit: limit, stopping: ["blocked"], waiting: ["pool"])) {
            try await running.value
        }
        let elapsed = ContinuousClock.now - start
        #expect(elapsed >= limit + BoundedServiceGroup.cancellationLimit)
        #expect(elapsed < limit + BoundedServiceGroup.cancellationLimit + .seconds(2), "run() returned after \(elapsed)")
    }
}
