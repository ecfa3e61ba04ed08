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
/// - Parameters:
///   - limit: how long to wait.
///   - startingWhen: the clock starts once this returns `true` (checked every 100 ms); by default at once.
///   - operation: the work.
func answer<T: Sendable>(
    within limit: Duration, startingWhen started: @escaping @Sendable () -> Bool = { true },
    _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let race = DeadlineRace<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            race.waiter.withLock { $0 = continuation }
            let work = Task {
                let result: Result<T, any Error>
                do { result = .success(try await operation()) } catch { result = .failure(error) }
                race.finish(with: result)
            }
            let timer = Task {
                while !started() {
                    do { try await Task.sleep(for: .milliseconds(100)) } catch { return }
                }
                do { try await Task.sleep(for: limit) } catch { return }
                race.finish(with: .failure(DeadlineExceeded(limit: limit)))
            }
            race.tasks.withLock { $0 = (work, timer) }
        }
    } onCancel: {
        race.tasks.withLock { $0.work }?.cancel()
    }
}

/// The shared state of one ``answer(within:_:)``: whoever finishes first resumes the caller and cancels the other.
private final class DeadlineRace<T: Sendable>: Sendable {
    let waiter = Mutex<CheckedContinuation<T, any Error>?>(nil)
    let tasks = Mutex<(work: Task<Void, Never>?, timer: Task<Void, Never>?)>((nil, nil))

    func finish(with result: Result<T, any Error>) {
        guard let continuation = waiter.withLock({ $0.take() }) else { return }
        let (work, timer) = tasks.withLock { $0 }
        work?.cancel()
        timer?.cancel()
        continuation.resume(with: result)
    }
}
