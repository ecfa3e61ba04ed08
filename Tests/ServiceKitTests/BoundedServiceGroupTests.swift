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

    /// Runs `pool`, `middle` and `http` with a shutdown limit of `limit`, triggers the shutdown, expects the forced
    /// ending that names `middle` as the culprit, and answers how long the shutdown took.
    func shutDownExpectingTimeout(middle: (name: String, service: any Service), returned: Returns, limit: Duration)
        async throws -> Duration
    {
        let group = BoundedServiceGroup(
            members: [
                .init("pool", Polite(returned: returned, name: "pool")),
                .init(middle.name, middle.service),
                .init("http", Polite(returned: returned, name: "http")),
            ],
            signals: [], shutdownLimit: limit, logger: Self.logger)
        let running = Task { try await group.run() }
        try await Task.sleep(for: .milliseconds(100))
        let start = ContinuousClock.now
        await group.triggerGracefulShutdown()
        let expected = BoundedServiceGroupError.shutdownTimedOut(limit: limit, stopping: [middle.name], waiting: ["pool"])
        await #expect(throws: expected) { try await running.value }
        return ContinuousClock.now - start
    }

    @Test func aMemberIgnoringShutdownIsNamedAndCancelledOnceTheLimitExpires() async throws {
        let returned = Returns()
        let limit = Duration.milliseconds(300)
        let elapsed = try await shutDownExpectingTimeout(middle: ("stuck", Stubborn()), returned: returned, limit: limit)
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
        let release = Release()
        defer { release.now() }
        let limit = Duration.milliseconds(200)
        let elapsed = try await shutDownExpectingTimeout(
            middle: ("blocked", Deaf(release: release)), returned: Returns(), limit: limit)
        #expect(elapsed >= limit + BoundedServiceGroup.cancellationLimit)
        #expect(elapsed < limit + BoundedServiceGroup.cancellationLimit + .seconds(2), "run() returned after \(elapsed)")
    }
}
