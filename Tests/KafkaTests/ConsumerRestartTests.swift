import Kafka
import Testing

@Suite("Application-owned offsets")
struct ConsumerRestartTests {
    @Test("after a crash, a restarted consumer resumes exactly at the stored offsets")
    func restartResumesAtStoredOffsets() async throws {
        guard let brokers = TestBroker.servers() else { return }
        let topic = try await TestBroker.createTopic(brokers: brokers, partitions: 3, prefix: "restart")
        let group = TestBroker.uniqueName("restart")
        let producer = try KafkaProducer(configuration: .init(bootstrapServers: brokers), logger: TestBroker.logger)
        let producerRun = start { try await producer.run() }
        let total = 300
        // Explicit partitions, so every partition holds a third of the records.
        let messages = (0..<total).map {
            KafkaProducerMessage(topic: topic, partition: Int32($0 % 3), key: "restart-\($0 % 6)", value: Array("restart:\($0)".utf8))
        }
        for result in await producer.send(batch: messages) { _ = try result.get() }
        producerRun.cancel()
        try await producerRun.value

        let store = OffsetStore()
        let configuration = TestBroker.consumerConfiguration(brokers: brokers, group: group, topics: [topic], maxBatchSize: 20)

        // First life: process (and store) batches until at least 100 records and offsets for two partitions,
        // then "crash" while holding an unprocessed batch. Partitions end up fully read, partly read and
        // (usually) not read at all.
        let first = try KafkaConsumer(configuration: configuration, logger: TestBroker.logger, offsets: store.source(member: "first"))
        let firstRun = start { try await first.run() }
        let watchdog = Task {
            try await Task.sleep(for: .seconds(30))
            try await first.close(graceful: false)
        }
        var unprocessed: [KafkaConsumerMessage] = []
        for try await batch in first.messages {
            if store.processed(by: "first").count >= 100 && store.offsets.count >= 2 {
                unprocessed = batch
                break
            }
            store.apply(batch, member: "first")
        }
        watchdog.cancel()
        firstRun.cancel()  // no graceful shutdown: the process just dies
        try await firstRun.value

        let processedFirst = store.processed(by: "first")
        let storedAtCrash = store.offsets
        #expect(processedFirst.count >= 100 && processedFirst.count < total)
        #expect(storedAtCrash.count >= 2)
        #expect(!unprocessed.isEmpty)

        // Second life: same group, offsets from the store.
        let second = try KafkaConsumer(configuration: configuration, logger: TestBroker.logger, offsets: store.source(member: "second"))
        let secondRun = start { try await second.run() }
        let loop = start {
            for try await batch in second.messages {
                store.apply(batch, member: "second")
            }
        }
        #expect(await eventually { store.allProcessed.count >= total })
        try? await Task.sleep(for: .milliseconds(500))  // would reveal extra (duplicate) deliveries
        try await second.close()
        try await loop.value
        try await secondRun.value

        let processedSecond = store.processed(by: "second")
        // Started exactly at the stored offsets (a partition without one from the beginning).
        let startOffsets = store.assignedAt("second")
        #expect(startOffsets.count == 3)
        for (partition, offset) in startOffsets {
            #expect(offset == storedAtCrash[partition], "start offset of \(partition)")
        }
        // Exactly the rest: nothing twice, nothing missing.
        let firstPositions = Set(processedFirst.map(\.position))
        let secondPositions = Set(processedSecond.map(\.position))
        #expect(firstPositions.isDisjoint(with: secondPositions))
        #expect(processedFirst.count + processedSecond.count == total)
        #expect(firstPositions.union(secondPositions).count == total)
        // The batch that was received but not processed before the crash is read again.
        #expect(Set(unprocessed.map(\.position)).isSubset(of: secondPositions))
    }
}
