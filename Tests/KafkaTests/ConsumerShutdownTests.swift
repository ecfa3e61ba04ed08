import Kafka
import Logging
import ServiceLifecycle
import Testing

@Suite("Consumer shutdown")
struct ConsumerShutdownTests {
    @Test("graceful shutdown lets the application finish its batch, ends the sequence and leaves the group")
    func gracefulShutdownWaitsForTheCurrentBatch() async throws {
        guard let brokers = TestBroker.servers() else { return }
        let topic = try await TestBroker.createTopic(brokers: brokers, partitions: 2, prefix: "graceful")
        let producer = try KafkaProducer(configuration: .init(bootstrapServers: brokers), logger: TestBroker.logger)
        let consumer = try KafkaConsumer(
            configuration: TestBroker.consumerConfiguration(
                brokers: brokers, group: TestBroker.uniqueName("graceful"), topics: [topic], maxBatchSize: 10),
            logger: TestBroker.logger,
            offsets: { _ in [:] }
        )
        // The producer first, so it shuts down last.
        let group = ServiceGroup(services: [producer, consumer], logger: TestBroker.logger)
        let groupRun = start { try await group.run() }
        try await produce(producer, topic: topic, keys: ["a", "b", "c"], count: 60)

        var batches = 0
        var assignmentWhileProcessing: [KafkaTopicPartition] = []
        for try await _ in consumer.messages {
            batches += 1
            await group.triggerGracefulShutdown()
            try await Task.sleep(for: .milliseconds(700))  // still "processing" the first batch
            assignmentWhileProcessing = consumer.assignment
        }
        #expect(batches == 1, "the sequence ends after the batch in progress")
        #expect(assignmentWhileProcessing.count == 2, "no rebalance while the application processes a batch")
        try await groupRun.value
        #expect(consumer.assignment.isEmpty)
        await #expect(throws: KafkaError.self) {
            try await producer.send(KafkaProducerMessage(topic: topic, key: "late", value: Array("x".utf8)))
        }
    }
}
