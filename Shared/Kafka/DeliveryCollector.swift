internal import Synchronization

/// Gathers the delivery reports of one `send(batch:)` call and wakes its caller when all have arrived.
final class DeliveryCollector: Sendable {
    typealias Outcome = Result<KafkaDeliveryReport, KafkaError>

    private struct State {
        var results: [Outcome?]
        var remaining: Int
        var waiter: CheckedContinuation<[Outcome], Never>?
    }

    private let state: Mutex<State>

    init(count: Int) {
        state = Mutex(State(results: Array(repeating: nil, count: count), remaining: count, waiter: nil))
    }

    /// Records the outcome of message `index` (the first outcome wins).
    func complete(_ index: Int, _ outcome: Outcome) {
        let finished = state.withLock { state -> (CheckedContinuation<[Outcome], Never>, [Outcome])? in
            guard state.results[index] == nil else { return nil }
            state.results[index] = outcome
            state.remaining -= 1
            return Self.takeFinished(&state)
        }
        if let (waiter, results) = finished {
            waiter.resume(returning: results)
        }
    }

    /// Fails every message that has no outcome yet (messages that were never enqueued, or whose report can
    /// no longer arrive because the client was destroyed).
    func failPending(_ error: KafkaError, from start: Int = 0) {
        let finished = state.withLock { state -> (CheckedContinuation<[Outcome], Never>, [Outcome])? in
            for index in start..<state.results.count where state.results[index] == nil {
                state.results[index] = .failure(error)
                state.remaining -= 1
            }
            return Self.takeFinished(&state)
        }
        if let (waiter, results) = finished {
            waiter.resume(returning: results)
        }
    }

    /// Suspends until every message has an outcome.
    func wait() async -> [Outcome] {
        await withCheckedContinuation { (continuation: CheckedContinuation<[Outcome], Never>) in
            let finished = state.withLock { state -> [Outcome]? in
                if state.remaining == 0 { return state.results.map { $0! } }
                state.waiter = continuation
                return nil
            }
            if let finished { continuation.resume(returning: finished) }
        }
    }

    private static func takeFinished(_ state: inout State) -> (CheckedContinuation<[Outcome], Never>, [Outcome])? {
        guard state.remaining == 0, let waiter = state.waiter else { return nil }
        state.waiter = nil
        return (waiter, state.results.map { $0! })
    }
}

/// The per-message `opaque` handed to librdkafka: which collector slot the delivery report fills.
/// Retained while librdkafka owns the message, released by the delivery-report callback.
final class DeliveryTicket: Sendable {
    let collector: DeliveryCollector
    let index: Int

    init(collector: DeliveryCollector, index: Int) {
        self.collector = collector
        self.index = index
    }
}
