internal import Dispatch
internal import Foundation
internal import Synchronization

/// Runs blocking librdkafka calls on threads of their own, never on Swift's cooperative pool.
enum DedicatedThread {
    /// Starts a detached OS thread running `body`.
    static func start(name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = name
        thread.start()
    }

    /// Runs a blocking `body` on a new thread and suspends (without blocking) until it returns.
    static func run<T: Sendable>(name: String, _ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
            start(name: name) { continuation.resume(returning: body()) }
        }
    }

    /// Blocks the calling thread until the async `operation` finishes and returns its result.
    ///
    /// Only for threads this module owns (a consumer's poll thread inside a rebalance callback): the
    /// operation runs on the global concurrent executor, so blocking a cooperative-pool thread here could
    /// starve it and deadlock.
    static func blockingAwait<T: Sendable>(
        _ operation: @escaping @Sendable () async throws -> T
    ) -> Result<T, any Error> {
        let done = DispatchSemaphore(value: 0)
        let outcome = Mutex<Result<T, any Error>?>(nil)
        Task {
            let result: Result<T, any Error>
            do {
                result = .success(try await operation())
            } catch {
                result = .failure(error)
            }
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return outcome.withLock { $0! }
    }

    /// Sleeps the calling (dedicated) thread.
    static func sleep(milliseconds: Int) {
        Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
    }
}
