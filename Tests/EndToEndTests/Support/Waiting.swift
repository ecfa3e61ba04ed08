import Foundation

/// Polls `condition` every 200 ms until it holds or `timeout` passes; returns whether it held.
func waitUntil(timeout: Duration = .seconds(30), _ condition: () async throws -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if (try? await condition()) == true { return true }
        try? await Task.sleep(for: .milliseconds(200))
    }
    return (try? await condition()) == true
}

/// The result of `operation` if it finishes within `timeout`, otherwise `nil` (the operation is cancelled).
func firstWithin<T: Sendable>(_ timeout: Duration, _ operation: @escaping @Sendable () async throws -> T) async -> T? {
    await withTaskGroup(of: T?.self) { group in
        group.addTask { try? await operation() }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}
