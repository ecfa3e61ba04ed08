import EventStore

/// Runs a command again while the event store reports that its stream moved under it (another request appended
/// between the command's read and its append): the re-run reads the fresh state, so its rules see the other request's
/// effect — a double submit finds the application frozen, the second of two racing claims finds the case taken.
///
/// After `attempts` conflicts in a row it throws `exhausted()` (a problem telling the client to try again).
public func retryingOnConcurrencyConflict<T>(
    attempts: Int = 5, exhausted: @autoclosure () -> any Error, _ attempt: () async throws -> T
) async throws -> T {
    for _ in 1..<max(1, attempts) {
        do {
            return try await attempt()
        } catch EventStoreError.concurrencyConflict {
            continue
        }
    }
    do {
        return try await attempt()
    } catch EventStoreError.concurrencyConflict {
        throw exhausted()
    }
}
