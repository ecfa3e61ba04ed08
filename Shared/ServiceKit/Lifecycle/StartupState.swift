import Synchronization

/// What the background start-up steps have achieved so far; readiness and the relay/projections wait on it.
final class StartupState: Sendable {
    private let state = Mutex<(migrated: Bool, topicsReady: Bool, failure: String?)>((false, false, nil))

    var isMigrated: Bool { state.withLock { $0.migrated } }
    var areTopicsReady: Bool { state.withLock { $0.topicsReady } }
    var lastFailure: String? { state.withLock { $0.failure } }

    func markMigrated() { state.withLock { $0.migrated = true; $0.failure = nil } }
    func markTopicsReady() { state.withLock { $0.topicsReady = true } }
    func recordFailure(_ reason: String) { state.withLock { $0.failure = reason } }

    /// Suspends until migrations are applied (polling; start-up is rare and short).
    func waitUntilMigrated() async throws {
        while !isMigrated {
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    func waitUntilTopicsReady() async throws {
        while !areTopicsReady {
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}
