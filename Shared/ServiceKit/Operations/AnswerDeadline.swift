import NIOCore
import NIOPosix
import Synchronization

/// An await took longer than its deadline (see ``answer(within:_:)``).
struct DeadlineExceeded: Error, CustomStringConvertible {
    let limit: Duration
    var description: String { "no answer within \(limit)" }
}

/// Runs `operation` and waits for it at most `limit`, then throws ``DeadlineExceeded`` even when the operation
/// ignores cancellation. The operation is cancelled and left to finish in the background; its late result is dropped.
///
/// For awaits that may never return, such as a PostgresNIO query written to a connection that closed a moment before
/// (the query's promise is never completed), where a task-group timeout would wait for the stuck child forever.
///
/// The clock is a task scheduled on an event loop, not a sleeping `Task`: an answer cancels it and it leaves the
/// loop's queue at once. (A cancelled `Task.sleep` still holds a dispatch timer until its deadline passes, so every
/// answered request left one behind, tens of thousands under load, each costing CPU to keep ordered and to fire.)
///
/// - Parameters:
///   - limit: how long to wait.
///   - startingWhen: the clock starts once this returns `true` (checked every 100 ms); by default at once.
///   - operation: the work.
func answer<T: Sendable>(
    within limit: Duration, startingWhen started: @escaping @Sendable () -> Bool = { true },
    _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let race = DeadlineRace<T>(limit: limit, started: started, loop: MultiThreadedEventLoopGroup.singleton.next())
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            race.waiter.withLock { $0 = continuation }
            let work = Task {
                let result: Result<T, any Error>
                do { result = .success(try await operation()) } catch { result = .failure(error) }
                race.finish(with: result)
            }
            race.state.withLock { $0.work = work }
            // A caller cancelled before the work existed was not reached by `onCancel`.
            if Task.isCancelled { work.cancel() }
            race.armClock()
        }
    } onCancel: {
        race.state.withLock { $0.work }?.cancel()
    }
}

/// The shared state of one ``answer(within:_:)``: whoever finishes first, the work or the clock, resumes the caller
/// and stops the other.
private final class DeadlineRace<T: Sendable>: Sendable {
    /// How often the clock checks whether it may start.
    static var startPoll: TimeAmount { .milliseconds(100) }

    struct State {
        var work: Task<Void, Never>?
        /// The clock's next step on the loop: a start check, or the deadline itself.
        var clock: Scheduled<Void>?
        var finished = false
    }

    let limit: Duration
    let started: @Sendable () -> Bool
    let loop: any EventLoop
    let waiter = Mutex<CheckedContinuation<T, any Error>?>(nil)
    let state = Mutex(State())

    init(limit: Duration, started: @escaping @Sendable () -> Bool, loop: any EventLoop) {
        self.limit = limit
        self.started = started
        self.loop = loop
    }

    /// Schedules the deadline when the clock may start, otherwise the next check; nothing once the race is over.
    func armClock() {
        let startsNow = started()
        state.withLock { state in
            guard !state.finished else { return }
            state.clock = startsNow
                ? loop.scheduleTask(in: TimeAmount(limit)) { self.finish(with: .failure(DeadlineExceeded(limit: self.limit))) }
                : loop.scheduleTask(in: Self.startPoll) { self.armClock() }
        }
    }

    func finish(with result: Result<T, any Error>) {
        guard let continuation = waiter.withLock({ $0.take() }) else { return }
        let (work, clock) = state.withLock { state in
            state.finished = true
            return (state.work, state.clock)
        }
        work?.cancel()
        clock?.cancel()
        continuation.resume(with: result)
    }
}
