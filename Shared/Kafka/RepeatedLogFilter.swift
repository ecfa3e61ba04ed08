internal import Synchronization

/// Keeps librdkafka from flooding the log while a broker is unreachable: it reports every reconnect attempt, from
/// every client, many times a second. A line is let through once per ``window`` per kind (its text with the digits
/// removed, so "after 0ms"/"after 3ms" count as the same line); the next one that passes says how many were held back.
final class RepeatedLogFilter: Sendable {
    let window: Duration
    private let state = Mutex<[String: (lastPassed: ContinuousClock.Instant, held: Int)]>([:])

    init(window: Duration = .seconds(30)) {
        self.window = window
    }

    /// `nil` when the line is held back; otherwise how many lines of its kind were held back since it last passed.
    func admit(_ line: String, now: ContinuousClock.Instant = .now) -> Int? {
        let kind = String(line.unicodeScalars.filter { !("0"..."9").contains($0) })
        return state.withLock { entries -> Int? in
            if let entry = entries[kind], now - entry.lastPassed < window {
                entries[kind] = (entry.lastPassed, entry.held + 1)
                return nil
            }
            let held = entries[kind]?.held ?? 0
            entries[kind] = (now, 0)
            if entries.count > 1_000 { entries = entries.filter { now - $0.value.lastPassed < window } }
            return held
        }
    }
}
