import Synchronization

/// Spreads a stage's recording acts over ``SimulationOptions/skdPace`` so that the public live scoreboard visibly
/// fills: act k of n starts no earlier than k/n of the pace after the start. With a zero pace it never waits, and
/// the acts go as fast as the concurrency allows.
struct ResultPacer: Sendable {
    let start: ContinuousClock.Instant
    let pace: Duration
    let acts: Int

    init(pace: Duration, acts: Int, start: ContinuousClock.Instant = .now) {
        self.start = start
        self.pace = pace
        self.acts = acts
    }

    /// When act `index` (0-based) may start.
    func due(_ index: Int) -> ContinuousClock.Instant {
        guard pace > .zero, acts > 0 else { return start }
        return start + pace * index / acts
    }

    /// Waits until act `index` may start.
    func wait(for index: Int) async throws {
        let due = due(index)
        if due > .now { try await Task.sleep(until: due, clock: .continuous) }
    }
}

/// Counts results as they are recorded and says so at every tenth of the total.
final class ProgressMeter: Sendable {
    private let total: Int
    private let label: String
    private let say: @Sendable (String) -> Void
    private let done = Mutex((count: 0, tenths: 0))

    init(total: Int, label: String, say: @escaping @Sendable (String) -> Void) {
        self.total = total
        self.label = label
        self.say = say
    }

    /// Adds `count` recorded results; prints a line when a new tenth is reached.
    func advance(by count: Int = 1) {
        guard total > 0 else { return }
        let reached: (count: Int, tenths: Int)? = done.withLock { state in
            state.count += count
            let tenths = state.count * 10 / total
            guard tenths > state.tenths else { return nil }
            state.tenths = tenths
            return state
        }
        if let reached {
            say("\(label): \(reached.tenths * 10)% (\(reached.count) of \(total))")
        }
    }

    /// Results recorded so far.
    var count: Int { done.withLock { $0.count } }
}
