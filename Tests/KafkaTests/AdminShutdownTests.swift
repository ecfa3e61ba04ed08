import Kafka
import Testing

/// A service shutting down must not wait for an admin request that cannot finish (the broker is unreachable during
/// start-up), and must be able to tell when every librdkafka client is gone before the process exits.
@Suite struct AdminShutdownTests {
    @Test("shutdown abandons a pending topic creation at once and destroys the instance")
    func shutdownAbandonsAPendingRequest() async throws {
        let admin = try KafkaAdmin(
            configuration: .init(bootstrapServers: ["127.0.0.1:1"], clientID: "asn-test-admin-shutdown"),
            logger: TestBroker.logger.silenced)
        let request = Task {
            try await admin.createTopics([KafkaNewTopic(name: TestBroker.uniqueName("never"), partitions: 1)],
                                         timeout: .seconds(60))
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(!KafkaLibrary.waitUntilAllClientsDestroyed(timeout: .milliseconds(10)),
                "a live admin client counts as a client")

        let began = ContinuousClock.now
        await admin.shutdown()
        let tookToShutDown = ContinuousClock.now - began
        #expect(tookToShutDown < .seconds(5), "shutdown waited \(tookToShutDown) for a request that cannot finish")

        let error = await #expect(throws: KafkaError.self) { try await request.value }
        #expect(error?.code == .destroyed)
        await #expect(throws: KafkaError.self) { try await admin.checkBrokerConnection(timeout: .milliseconds(100)) }
        await admin.shutdown()  // idempotent
    }
}
