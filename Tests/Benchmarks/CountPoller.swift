import Foundation
import Synchronization

/// Watches one public count as fast as it can: every increase is recorded with the instant its response arrived.
final class CountPoller: Sendable {
    /// A count seen for the first time.
    struct Observation: Sendable {
        var instant: ContinuousClock.Instant
        var count: Int
    }

    private let read: @Sendable () async throws -> Int
    private let interval: Duration
    /// Once set: stop when the count reaches `target` or at `deadline`.
    private let stopCondition = Mutex<(target: Int, deadline: ContinuousClock.Instant)?>(nil)

    /// - Parameters:
    ///   - interval: the pause between the end of one read and the start of the next.
    ///   - read: reads the count (a failed read is skipped).
    init(interval: Duration, read: @escaping @Sendable () async throws -> Int) {
        self.interval = interval
        self.read = read
    }

    /// Lets ``run()`` finish once the count reaches `target`, or after `timeout` at the latest.
    func stop(whenReaching target: Int, timeout: Duration) {
        stopCondition.withLock { $0 = (target, .now + timeout) }
    }

    /// Polls until stopped; returns the increases in order and the number of reads.
    func run() async -> (observations: [Observation], reads: Int) {
        var observations: [Observation] = []
        var highest = 0
        var reads = 0
        while !Task.isCancelled {
            if let count = try? await read() {
                reads += 1
                if count > highest {
                    highest = count
                    observations.append(Observation(instant: .now, count: count))
                }
            }
            if let stop = stopCondition.withLock({ $0 }), highest >= stop.target || ContinuousClock.now >= stop.deadline {
                break
            }
            try? await Task.sleep(for: interval)
        }
        return (observations, reads)
    }
}
