import Foundation
import Kafka
import Logging
import Synchronization
import Testing

/// The broker the tests run against: `ASN_TEST_KAFKA_BROKERS` (comma-separated `host:port`).
///
/// Without it the tests skip, except under `CI=true`, where a missing broker is a test failure.
enum TestBroker {
    static func servers(sourceLocation: SourceLocation = #_sourceLocation) -> [String]? {
        let environment = ProcessInfo.processInfo.environment
        if let value = environment["ASN_TEST_KAFKA_BROKERS"], !value.isEmpty {
            return value.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        }
        if environment["CI"] == "true" {
            Issue.record(
                "ASN_TEST_KAFKA_BROKERS is not set: KafkaTests need a Kafka-compatible broker in CI (e.g. Tansu on 127.0.0.1:19092)",
                sourceLocation: sourceLocation
            )
        }
        return nil
    }

    /// A unique topic or group name for one test.
    static func uniqueName(_ prefix: String) -> String {
        "kafkatests-\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    static let logger: Logger = {
        var logger = Logger(label: "KafkaTests") { StreamLogHandler.standardError(label: $0) }
        let level = ProcessInfo.processInfo.environment["ASN_TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
        logger.logLevel = level ?? .warning
        return logger
    }()

    /// Consumer settings suited to Tansu (group joins take about half the session timeout).
    static func consumerConfiguration(
        brokers: [String],
        group: String,
        topics: [String],
        maxBatchSize: Int = 100
    ) -> KafkaConsumerConfiguration {
        KafkaConsumerConfiguration(
            bootstrapServers: brokers,
            groupID: group,
            topics: topics,
            sessionTimeout: .seconds(6),
            maxBatchSize: maxBatchSize,
            shutdownGracePeriod: .seconds(5)
        )
    }

    /// Creates a topic and checks that it exists.
    static func createTopic(brokers: [String], partitions: Int, prefix: String) async throws -> String {
        let name = uniqueName(prefix)
        let admin = try KafkaAdmin(configuration: .init(bootstrapServers: brokers), logger: logger)
        let result = try await admin.createTopic(KafkaNewTopic(name: name, partitions: partitions, config: ["retention.ms": "-1"]))
        #expect(result == .created)
        return name
    }
}

/// Polls `condition` until it holds or `timeout` passes.
func eventually(
    timeout: Duration = .seconds(30),
    _ condition: @Sendable () async throws -> Bool
) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}

/// A stand-in for the application's database: processed records and the next offset per partition,
/// updated together per batch.
final class OffsetStore: Sendable {
    private struct State {
        var offsets: [KafkaTopicPartition: Int64] = [:]
        var processed: [String: [KafkaConsumerMessage]] = [:]
        var assignedAt: [String: [KafkaTopicPartition: Int64?]] = [:]
    }

    private let state = Mutex(State())

    /// The offset source for a member named `member`.
    func source(member: String) -> KafkaConsumer.OffsetSource {
        { partitions in
            self.state.withLock { state in
                var answer: [KafkaTopicPartition: Int64] = [:]
                for partition in partitions {
                    answer[partition] = state.offsets[partition]
                    state.assignedAt[member, default: [:]][partition] = .some(state.offsets[partition])
                }
                return answer
            }
        }
    }

    /// Applies a batch "in one transaction": remember the records and advance the offsets.
    func apply(_ batch: [KafkaConsumerMessage], member: String) {
        state.withLock { state in
            state.processed[member, default: []].append(contentsOf: batch)
            for message in batch {
                state.offsets[message.topicPartition] = max(state.offsets[message.topicPartition] ?? 0, message.offset + 1)
            }
        }
    }

    var offsets: [KafkaTopicPartition: Int64] { state.withLock { $0.offsets } }

    func processed(by member: String) -> [KafkaConsumerMessage] {
        state.withLock { $0.processed[member] ?? [] }
    }

    var allProcessed: [KafkaConsumerMessage] {
        state.withLock { $0.processed.values.flatMap { $0 } }
    }

    /// The start offsets handed to `member` at its assignments (nil: from the beginning).
    func assignedAt(_ member: String) -> [KafkaTopicPartition: Int64?] {
        state.withLock { $0.assignedAt[member] ?? [:] }
    }
}

extension KafkaConsumerMessage {
    /// Test payloads are UTF-8 text.
    var text: String { String(decoding: value, as: UTF8.self) }
    var keyText: String? { key.map { String(decoding: $0, as: UTF8.self) } }
    /// A stable identity for duplicate checks.
    var position: String { "\(topicPartition)@\(offset)" }
}

/// Produces `count` text messages `"<key>:<sequence>"` round-robin over `keys`, asserting every delivery.
@discardableResult
func produce(
    _ producer: KafkaProducer,
    topic: String,
    keys: [String],
    count: Int,
    startSequence: Int = 0,
    headers: [KafkaHeader] = []
) async throws -> [KafkaDeliveryReport] {
    let messages = (0..<count).map { index -> KafkaProducerMessage in
        let key = keys[index % keys.count]
        let sequence = startSequence + index / keys.count
        return KafkaProducerMessage(topic: topic, key: key, value: Array("\(key):\(sequence)".utf8), headers: headers)
    }
    let results = await producer.send(batch: messages)
    return try results.map { try $0.get() }
}

/// Runs a service's `run()` in a task.
func start(_ run: @escaping @Sendable () async throws -> Void) -> Task<Void, any Error> {
    Task { try await run() }
}
