@testable import ServiceKit
import Synchronization
import Testing

@Suite struct AnswerDeadlineTests {
    struct Refused: Error {}

    /// A wait that ignores cancellation, like a PostgresNIO query written to a closed connection.
    final class Stuck: Sendable {
        let parked = Mutex<CheckedContinuation<Void, Never>?>(nil)
        func wait() async { await withCheckedContinuation { continuation in parked.withLock { $0 = continuation } } }
        func release() { parked.withLock { $0.take() }?.resume() }
    }

    final class Flag: Sendable {
        private let state = Atomic<Bool>(false)
        var isRaised: Bool { state.load(ordering: .acquiring) }
        func raise() { state.store(true, ordering: .releasing) }
    }

    @Test func anAnswerInTimeIsReturned() async throws {
        let value = try await answer(within: .seconds(60)) { 42 }
        #expect(value == 42)
    }

    @Test func aFailureInTimeIsThrown() async {
        await #expect(throws: Refused.self) {
            try await answer(within: .seconds(60)) { () async throws -> Int in throw Refused() }
        }
    }

    @Test func anOperationThatNeverAnswersEndsAtTheDeadline() async {
        let stuck = Stuck()
        let start = ContinuousClock.now
        await #expect(throws: DeadlineExceeded.self) {
            try await answer(within: .milliseconds(200)) { await stuck.wait() }
        }
        #expect(ContinuousClock.now - start < .seconds(30), "it returned, long before the stuck operation would")
        // Let the abandoned operation finish; its late result is dropped.
        while stuck.parked.withLock({ $0 == nil }) { await Task.yield() }
        stuck.release()
    }

    @Test func theClockStartsOnlyWhenAllowed() async {
        let stuck = Stuck()
        let allowed = Flag()
        let start = ContinuousClock.now
        Task {
            try? await Task.sleep(for: .milliseconds(400))
            allowed.raise()
        }
        await #expect(throws: DeadlineExceeded.self) {
            try await answer(within: .milliseconds(100), startingWhen: { allowed.isRaised }) {
                await stuck.wait()
            }
        }
        #expect(ContinuousClock.now - start >= .milliseconds(500), "400 ms until the clock may start, then 100 ms")
        while stuck.parked.withLock({ $0 == nil }) { await Task.yield() }
        stuck.release()
    }

    @Test func cancellingTheCallerCancelsTheOperation() async {
        let caller = Task {
            try await answer(within: .seconds(60)) { try await Task.sleep(for: .seconds(60)) }
        }
        caller.cancel()
        await #expect(throws: CancellationError.self) { try await caller.value }
    }
}
