import Synchronization

/// Which services of a ``BoundedServiceGroup`` still run, and whether its graceful shutdown has begun: what the
/// group's shutdown limit reports when it expires.
final class ShutdownProgress: Sendable {
    private struct State {
        /// Running services by name, counted (two members may share a name).
        var running: [String: Int] = [:]
        /// Services asked to shut down (they may have returned since).
        var asked: Set<String> = []
        var hasBegun = false
    }

    private let state = Mutex(State())
    private let began: AsyncStream<Void>
    private let beganContinuation: AsyncStream<Void>.Continuation

    init() {
        (began, beganContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func started(_ name: String) {
        state.withLock { $0.running[name, default: 0] += 1 }
    }

    func finished(_ name: String) {
        state.withLock { state in
            guard let count = state.running[name] else { return }
            state.running[name] = count > 1 ? count - 1 : nil
        }
    }

    /// Records that service `name` was asked to shut down, and with the first such call that shutdown began.
    func shutdownRequested(_ name: String) {
        let isFirst = state.withLock { state in
            state.asked.insert(name)
            defer { state.hasBegun = true }
            return !state.hasBegun
        }
        if isFirst {
            beganContinuation.yield()
            beganContinuation.finish()
        }
    }

    /// The services still running, sorted by name: those asked to shut down, and those not asked yet (they wait for
    /// the ones after them to return first).
    var stillRunning: (stopping: [String], waiting: [String]) {
        state.withLock { state in
            let names = state.running.keys.sorted()
            return (names.filter(state.asked.contains), names.filter { !state.asked.contains($0) })
        }
    }

    /// Returns once graceful shutdown has begun; throws `CancellationError` if cancelled first.
    func waitForShutdown() async throws {
        for await _ in began { return }
        try Task.checkCancellation()
    }
}
