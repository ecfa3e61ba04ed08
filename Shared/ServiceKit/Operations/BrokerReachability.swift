import Kafka
import Synchronization

/// Decides the `broker` readiness check from metadata probes, tolerating a slow answer from a broker that
/// answered recently.
///
/// A probe that fails outright (connection refused, all brokers down) makes the service not ready at once. A probe
/// that only timed out while the broker answered a probe within ``slowAnswerGrace`` still counts as ready: on a
/// loaded host a metadata round trip can exceed the probe's short timeout, and flipping readiness on one slow
/// answer would take a healthy instance out of service. A broker that stays silent beyond the grace is not ready.
final class BrokerReachability: Sendable {
    /// How long after the last answer a timed-out probe is still forgiven.
    let slowAnswerGrace: Duration
    private let lastAnswer = Mutex<ContinuousClock.Instant?>(nil)

    init(slowAnswerGrace: Duration = .seconds(15)) {
        self.slowAnswerGrace = slowAnswerGrace
    }

    /// Records a probe's result and returns what readiness reports for it.
    func assess(_ probe: Result<Void, KafkaError>, at now: ContinuousClock.Instant = .now) -> ReadinessCheck.Outcome {
        lastAnswer.withLock { last in
            switch probe {
            case .success:
                last = now
                return .ready
            case .failure(let error):
                if error.code == .timedOut, let answered = last, now - answered <= slowAnswerGrace {
                    return .ready
                }
                return .notReady(String(describing: error))
            }
        }
    }

    /// Runs `probe` and assesses its result.
    func check(_ probe: () async throws(KafkaError) -> Void) async -> ReadinessCheck.Outcome {
        do {
            try await probe()
            return assess(.success(()))
        } catch {
            return assess(.failure(error))
        }
    }
}
