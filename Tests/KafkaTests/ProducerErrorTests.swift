import Kafka
import Logging
import Testing

@Suite("Producer errors and administration")
struct ProducerErrorTests {
    @Test("delivery failures are typed KafkaErrors, per message")
    func deliveryErrorsAreTyped() async throws {
        guard let brokers = TestBroker.servers() else { return }
        let topic = try await TestBroker.createTopic(brokers: brokers, partitions: 1, prefix: "errors")
        let producer = try KafkaProducer(
            configuration: .init(bootstrapServers: brokers, deliveryTimeout: .seconds(10)),
            logger: TestBroker.logger
        )
        let producerRun = start { try await producer.run() }

        let tooLarge = KafkaProducerMessage(topic: topic, key: "big", value: [UInt8](repeating: 7, count: 2_000_000))
        let results = await producer.send(batch: [
            KafkaProducerMessage(topic: topic, key: "ok", value: Array("first".utf8)),
            KafkaProducerMessage(topic: "kafkatests invalid/topic name!", key: "bad", value: Array("x".utf8)),
            tooLarge,
            KafkaProducerMessage(topic: topic, key: "ok", value: Array("last".utf8)),
        ])
        #expect(results.count == 4)
        let first = try results[0].get()
        let last = try results[3].get()
        #expect(last.offset == first.offset + 1)

        guard case .failure(let invalidTopic) = results[1] else {
            Issue.record("producing to an invalid topic name succeeded")
            return
        }
        #expect([KafkaError.Code.invalidTopic, .unknownTopic, .unknownTopicOrPartition].contains(invalidTopic.code), "\(invalidTopic)")
        #expect(!invalidTopic.isFatal)

        guard case .failure(let sizeError) = results[2] else {
            Issue.record("a 2 MB message was accepted")
            return
        }
        #expect(sizeError.code == .messageSizeTooLarge)
        #expect(!sizeError.isRetriable)

        // The single-message API throws the same typed error.
        do {
            _ = try await producer.send(tooLarge)
            Issue.record("send should throw")
        } catch {
            #expect(error.code == .messageSizeTooLarge)
        }

        try await producer.checkBrokerConnection()

        producerRun.cancel()
        try await producerRun.value
        do {
            _ = try await producer.send(KafkaProducerMessage(topic: topic, key: "late", value: Array("x".utf8)))
            Issue.record("send after shutdown should throw")
        } catch {
            #expect(error.code == .destroyed)
            #expect(error.isRetriable)
        }
    }

    @Test("a full local queue is waited out, not reported")
    func fullQueueIsWaitedOut() async throws {
        guard let brokers = TestBroker.servers() else { return }
        let topic = try await TestBroker.createTopic(brokers: brokers, partitions: 2, prefix: "queuefull")
        let producer = try KafkaProducer(
            configuration: .init(bootstrapServers: brokers, properties: ["queue.buffering.max.messages": "50"]),
            logger: TestBroker.logger
        )
        let producerRun = start { try await producer.run() }
        let reports = try await produce(producer, topic: topic, keys: ["q1", "q2", "q3"], count: 1_000)
        #expect(reports.count == 1_000)
        producerRun.cancel()
        try await producerRun.value
    }

    @Test("readiness check fails fast when no broker is reachable")
    func unreachableBrokerIsReported() async throws {
        let producer = try KafkaProducer(
            configuration: .init(bootstrapServers: ["127.0.0.1:1"], properties: ["reconnect.backoff.ms": "100"]),
            logger: TestBroker.logger.silenced
        )
        let clock = ContinuousClock()
        let started = clock.now
        await #expect(throws: KafkaError.self) {
            try await producer.checkBrokerConnection(timeout: .seconds(1))
        }
        // Fast means bounded by the timeout asked for, not librdkafka's minutes of retries; the margin is for a
        // machine loaded by the whole suite.
        #expect(clock.now - started < .seconds(15))
    }

    @Test("the librdkafka loaded at run time is reported")
    func libraryVersion() {
        #expect(KafkaLibrary.version.split(separator: ".").count >= 3)
    }

    @Test("invalid configuration is a typed error")
    func invalidConfigurationIsRejected() {
        #expect(throws: KafkaError.self) {
            _ = try KafkaProducer(
                configuration: .init(bootstrapServers: ["127.0.0.1:1"], properties: ["no.such.property": "1"]),
                logger: TestBroker.logger
            )
        }
    }

    @Test("topic creation is idempotent")
    func topicCreationIsIdempotent() async throws {
        guard let brokers = TestBroker.servers() else { return }
        let admin = try KafkaAdmin(configuration: .init(bootstrapServers: brokers), logger: TestBroker.logger)
        #expect(try await admin.checkBrokerConnection(timeout: .seconds(10)) >= 1)
        let name = TestBroker.uniqueName("admin")
        let other = TestBroker.uniqueName("admin")
        let spec = KafkaNewTopic(name: name, partitions: 3, replicationFactor: 1, config: ["retention.ms": "-1"])

        #expect(try await admin.createTopic(spec) == .created)
        #expect(try await admin.createTopic(spec) == .alreadyExists)
        let both = try await admin.createTopics([spec, KafkaNewTopic(name: other, partitions: 2)])
        #expect(both == [name: .alreadyExists, other: .created])

        let topics = try await admin.listTopics()
        #expect(topics.first { $0.name == name }?.partitionCount == 3)
        #expect(topics.first { $0.name == other }?.partitionCount == 2)
    }
}

extension Logger {
    /// A copy that only logs critical messages (for tests that provoke connection errors on purpose).
    var silenced: Logger {
        var copy = self
        copy.logLevel = .critical
        return copy
    }
}
