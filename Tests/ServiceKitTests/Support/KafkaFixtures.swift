import Foundation
import Kafka
import Logging
import Synchronization
import Testing

/// Broker-side helpers: topics, a producer, and a reader that collects everything on a topic.
enum KafkaFixtures {
    /// Creates `name` with `partitions` partitions (infinite retention, as the services do).
    static func createTopic(_ name: String, partitions: Int, brokers: [String]) async throws {
        let admin = try KafkaAdmin(
            configuration: .init(bootstrapServers: brokers), logger: IntegrationEnvironment.logger)
        let result = try await admin.createTopic(
            KafkaNewTopic(name: name, partitions: partitions, config: ["retention.ms": "-1"]))
        try #require(result == .created, "topic \(name) already existed")
    }

    static func makeProducer(brokers: [String]) throws -> KafkaProducer {
        try KafkaProducer(configuration: .init(bootstrapServers: brokers), logger: IntegrationEnvironment.logger)
    }

    /// Produces `messages` and requires every delivery to succeed.
    static func produce(_ messages: [KafkaProducerMessage], with producer: KafkaProducer) async throws {
        for (index, result) in await producer.send(batch: messages).enumerated() {
            if case .failure(let error) = result { Issue.record("message \(index) not delivered: \(error)") }
        }
    }
}

/// Consumes a topic from its beginning in a group of its own and keeps every record (for checking what was
/// published).
final class TopicReader: Sendable {
    private let consumer: KafkaConsumer
    private let received = Mutex<[KafkaConsumerMessage]>([])
    private let tasks = Mutex<[Task<Void, any Error>]>([])

    private init(consumer: KafkaConsumer) {
        self.consumer = consumer
    }

    /// Reads `topic` while `body` runs, then closes the reader (also when `body` throws) and returns every record
    /// received, in arrival order.
    static func reading(
        _ topic: String, brokers: [String], during body: (TopicReader) async throws -> Void
    ) async throws -> [KafkaConsumerMessage] {
        let reader = try start(topic: topic, brokers: brokers)
        do {
            try await body(reader)
        } catch {
            await reader.close()
            throw error
        }
        await reader.close()
        return reader.messages
    }

    private static func start(topic: String, brokers: [String]) throws -> TopicReader {
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                bootstrapServers: brokers, groupID: "sktest-reader-\(UUID().uuidString.prefix(8))", topics: [topic],
                sessionTimeout: .seconds(6), maxBatchSize: 500, shutdownGracePeriod: .seconds(5)),
            logger: IntegrationEnvironment.logger
        ) { _ in [:] }
        let reader = TopicReader(consumer: consumer)
        let run = Task { try await consumer.run() }
        let loop = Task {
            for try await batch in consumer.messages {
                reader.received.withLock { $0.append(contentsOf: batch) }
            }
        }
        reader.tasks.withLock { $0 = [run, loop] }
        return reader
    }

    /// Everything received so far, in arrival order.
    var messages: [KafkaConsumerMessage] { received.withLock { $0 } }

    /// Waits until `condition` holds for the received records.
    func waitUntil(timeout: Duration = .seconds(30), _ condition: ([KafkaConsumerMessage]) -> Bool) async -> Bool {
        await eventually(timeout: timeout) { condition(self.messages) }
    }

    private func close() async {
        try? await consumer.close()
        for task in tasks.withLock({ $0 }) { _ = try? await task.value }
    }
}

extension KafkaConsumerMessage {
    /// The UTF-8 value of the first header named `name`.
    func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.stringValue
    }

    var ceId: String? { header("ce_id") }
}
