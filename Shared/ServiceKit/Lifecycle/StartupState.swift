import ServiceLifecycle
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

    /// Suspends until migrations are applied (polling; start-up is rare and short). Returns `false` when graceful
    /// shutdown begins first: a service still waiting for its database must end, not keep the process alive.
    func waitUntilMigrated() async throws -> Bool {
        try await waitUntil { $0.isMigrated }
    }

    /// Like ``waitUntilMigrated()``, for the topics.
    func waitUntilTopicsReady() async throws -> Bool {
        try await waitUntil { $0.areTopicsReady }
    }

    private func waitUntil(_ condition: (StartupState) -> Bool) async throws -> Bool {
        while !condition(self) {
            if Task.isShuttingDownGracefully { return false }
            try await Task.sleep(for: .milliseconds(100))
        }
        return true
    }
}
