import Kafka
import Testing

@Suite("Consumer groups")
struct ConsumerGroupTests {
    @Test("two members split the partitions; when one leaves, the other takes over")
    func twoConsumersSplitAndTakeOver() async throws {
        guard let brokers = TestBroker.servers() else { return }
        let topic = try await TestBroker.createTopic(brokers: brokers, partitions: 4, prefix: "group")
        let group = TestBroker.uniqueName("group")
        let producer = try KafkaProducer(configuration: .init(bootstrapServers: brokers), logger: TestBroker.logger)
        let producerRun = start { try await producer.run() }
        let keys = (0..<8).map { "member-key-\($0)" }
        try await produce(producer, topic: topic, keys: keys, count: 200)

        let store = OffsetStore()
        func member(_ name: String) throws -> KafkaConsumer {
            try KafkaConsumer(
                configuration: TestBroker.consumerConfiguration(brokers: brokers, group: group, topics: [topic]),
                logger: TestBroker.logger,
                offsets: store.source(member: name)
            )
        }
        let a = try member("a")
        let b = try member("b")
        let runs = [start { try await a.run() }, start { try await b.run() }]
        let loops = [("a", a), ("b", b)].map { name, consumer in
            start {
                for try await batch in consumer.messages {
                    store.apply(batch, member: name)
                }
            }
        }

        let split = await eventually(timeout: .seconds(40)) {
            let (x, y) = (Set(a.assignment), Set(b.assignment))
            return !x.isEmpty && !y.isEmpty && x.isDisjoint(with: y) && x.union(y).count == 4
        }
        #expect(split, "a: \(a.assignment), b: \(b.assignment)")
        let partitionsOfA = Set(a.assignment)
        #expect(await eventually { store.allProcessed.count >= 200 })

        // A leaves the group cleanly; B must take over all partitions.
        try await a.close()
        try await loops[0].value
        #expect(a.assignment.isEmpty)
        #expect(await eventually(timeout: .seconds(40)) { b.assignment.count == 4 }, "b: \(b.assignment)")

        try await produce(producer, topic: topic, keys: keys, count: 200, startSequence: 25)
        #expect(await eventually { store.allProcessed.count >= 400 })

        try await b.close()
        try await loops[1].value
        for run in runs { try await run.value }
        producerRun.cancel()
        try await producerRun.value

        let all = store.allProcessed
        #expect(all.count == 400)
        #expect(Set(all.map(\.position)).count == 400, "no record processed twice")
        // Everything produced after A left, including A's former partitions, was processed by B.
        let late = store.processed(by: "b").filter { Int($0.text.split(separator: ":")[1])! >= 25 }
        #expect(late.count == 200)
        #expect(!Set(late.map(\.topicPartition)).isDisjoint(with: partitionsOfA))
        // B resumed A's partitions at the offsets A stored.
        let startOffsets = store.assignedAt("b")
        for partition in partitionsOfA {
            #expect(startOffsets[partition] != nil, "b was assigned \(partition)")
        }
    }

    @Test("a failing offset source stops the consumer with a typed error")
    func failingOffsetSourceStopsTheConsumer() async throws {
        guard let brokers = TestBroker.servers() else { return }
        let topic = try await TestBroker.createTopic(brokers: brokers, partitions: 1, prefix: "badsource")
        struct DatabaseDown: Error {}
        let consumer = try KafkaConsumer(
            configuration: TestBroker.consumerConfiguration(brokers: brokers, group: TestBroker.uniqueName("badsource"), topics: [topic]),
            logger: TestBroker.logger,
            offsets: { _ in throw DatabaseDown() }
        )
        let run = start { try await consumer.run() }
        let watchdog = Task {
            try await Task.sleep(for: .seconds(30))
            try await consumer.close(graceful: false)
        }
        defer { watchdog.cancel() }

        await #expect(throws: KafkaError.self) {
            for try await _ in consumer.messages {}
        }
        do {
            try await run.value
            Issue.record("run() should rethrow the offset-source failure")
        } catch let error as KafkaError {
            #expect(error.code == .failure)
            #expect(error.message.contains("DatabaseDown"))
        }
        #expect(consumer.assignment.isEmpty)
    }
}
