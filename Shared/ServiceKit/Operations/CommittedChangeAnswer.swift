/// Builds the answer to a command whose change is already committed, retrying reads that fail because the database
/// is briefly unreachable (a restart, a lost connection).
///
/// Once a change is committed, a 503 would tell the client that nothing changed; its resend would then be refused as
/// a duplicate (a second application in the period) although the first request succeeded. So the reads that build the
/// answer wait for the database, with growing pauses, for up to `window`. Other failures, and a database that stays
/// away longer than `window`, are thrown as they are.
///
/// - Parameters:
///   - window: how long to keep retrying transient failures.
///   - read: the reads that build the answer; run again from the start after a transient failure or after 10 s
///     without an answer.
public func answeringCommittedChange<T: Sendable>(
    within window: Duration = .seconds(30), _ read: @escaping @Sendable () async throws -> T
) async throws -> T {
    let deadline = ContinuousClock.now + window
    var pause = Duration.milliseconds(100)
    while true {
        do {
            // Each attempt is bounded: a read written to a connection that has just closed never answers.
            return try await answer(within: .seconds(10), read)
        } catch where DatabaseFailure.isTransient(error) && ContinuousClock.now + pause < deadline {
            try await Task.sleep(for: pause)
            pause = min(pause * 2, .seconds(2))
        }
    }
}
