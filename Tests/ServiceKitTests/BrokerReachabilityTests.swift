import Kafka
@testable import ServiceKit
import Testing

@Suite struct BrokerReachabilityTests {
    let start = ContinuousClock.now
    let timedOut = KafkaError(code: .timedOut, message: "metadata request: Local: Timed out")
    let transport = KafkaError(code: .transport, message: "metadata request: Local: Broker transport failure")

    @Test func aTimeoutBeforeAnyAnswerIsNotReady() {
        let reachability = BrokerReachability(slowAnswerGrace: .seconds(15))
        #expect(reachability.assess(.failure(timedOut), at: start) == .notReady(String(describing: timedOut)))
    }

    @Test func aTimeoutSoonAfterAnAnswerIsForgiven() {
        let reachability = BrokerReachability(slowAnswerGrace: .seconds(15))
        #expect(reachability.assess(.success(()), at: start) == .ready)
        #expect(reachability.assess(.failure(timedOut), at: start + .seconds(10)) == .ready)
        #expect(reachability.assess(.failure(timedOut), at: start + .seconds(15)) == .ready)
    }

    @Test func silenceBeyondTheGraceIsNotReady() {
        let reachability = BrokerReachability(slowAnswerGrace: .seconds(15))
        #expect(reachability.assess(.success(()), at: start) == .ready)
        // Forgiven timeouts do not extend the grace: only answers do.
        #expect(reachability.assess(.failure(timedOut), at: start + .seconds(10)) == .ready)
        #expect(reachability.assess(.failure(timedOut), at: start + .seconds(16)) != .ready)
    }

    @Test func aTransportFailureIsNotReadyEvenRightAfterAnAnswer() {
        let reachability = BrokerReachability(slowAnswerGrace: .seconds(15))
        #expect(reachability.assess(.success(()), at: start) == .ready)
        #expect(reachability.assess(.failure(transport), at: start + .seconds(1))
            == .notReady(String(describing: transport)))
    }

    @Test func checkRunsTheProbe() async {
        let reachability = BrokerReachability()
        let failing = await reachability.check { () async throws(KafkaError) in throw transport }
        #expect(failing != .ready)
        let answering = await reachability.check { () async throws(KafkaError) in }
        #expect(answering == .ready)
    }
}
