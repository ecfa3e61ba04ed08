/// At most `capacity` whole suites (all four services each) at a time in this test process. Swift Testing runs suites
/// in parallel; on two cores more than two four-service suites at once (plus Chromium, Schemathesis) starve the
/// services' database health probes, which then answer 503 for a healthy database.
actor SuiteSlots {
    static let shared = SuiteSlots(capacity: 2)

    private let capacity: Int
    private var inUse = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Runs `body` once a slot is free.
    nonisolated func withSlot<T: Sendable>(_ body: () async throws -> T) async rethrows -> T {
        await acquire()
        do {
            let value = try await body()
            await release()
            return value
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async {
        if inUse < capacity {
            inUse += 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            inUse -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
