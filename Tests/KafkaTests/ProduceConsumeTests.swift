import Kafka
import Testing

@Suite("Produce and consume")
struct ProduceConsumeTests {
    @Test("N produced messages with several keys are consumed exactly once, in per-key order")
    func producedMessagesAreConsumedInPerKeyOrder() async throws {
        guard let brokers = TestBroker.servers() else { return }
        let topic = try await TestBroker.createTopic(brokers: brokers, partitions: 3, prefix: "order")
        let producer = try KafkaProducer(configuration: .init(bootstrapServers: brokers), logger: TestBroker.logger)
        let producerRun = start { try await producer.run() }

        let keys = (0..<7).map { "key-\($0)" }
        let count = 700
        let headers = [
            KafkaHeader(name: "ce_type", string: "asn.test.v1"), KafkaHeader(name: "nothing", value: nil),
            KafkaHeader(name: "empty", value: []),
        ]
        let reports = try await produce(producer, topic: topic, keys: keys, count: count, headers: headers)
        #expect(reports.count == count)
        #expect(reports.allSatisfy { $0.topic == topic && $0.offset >= 0 })

        let store = OffsetStore()
        let consumer = try KafkaConsumer(
            configuration: TestBroker.consumerConfiguration(brokers: brokers, group: TestBroker.uniqueName("order"), topics: [topic]),
            logger: TestBroker.logger,
            offsets: store.source(member: "a")
        )
        let consumerRun = start { try await consumer.run() }
        let loop = start {
            for try await batch in consumer.messages {
                #expect(!batch.isEmpty && batch.count <= 100)
                store.apply(batch, member: "a")
            }
        }

        #expect(await eventually { store.allProcessed.count >= count })
        #expect(consumer.assignment.count == 3)
        let caughtUp = await eventually(timeout: .seconds(10)) {
            let lag = consumer.lag()
            return lag.count == 3 && lag.allSatisfy { $0.lag == 0 }
        }
        #expect(caughtUp, "lag: \(consumer.lag())")

        try await consumer.close()
        try await loop.value
        try await consumerRun.value
        producerRun.cancel()
        try await producerRun.value

        let received = store.processed(by: "a")
        #expect(received.count == count)
        #expect(Set(received.map(\.position)).count == count)
        for key in keys {
            let sequences = received.filter { $0.keyText == key }.map { Int($0.text.split(separator: ":")[1])! }
            #expect(sequences == Array(0..<(count / keys.count)), "order of \(key)")
            // One key, one partition.
            #expect(Set(received.filter { $0.keyText == key }.map(\.partition)).count == 1)
        }
        #expect(received.allSatisfy { $0.headers == headers })
        #expect(received.allSatisfy { $0.timestamp != nil })
        // Delivery reports name the offsets the consumer saw.
        #expect(Set(reports.map { "\($0.topicPartition)@\($0.offset)" }) == Set(received.map(\.position)))
    }
}
