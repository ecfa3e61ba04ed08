import Foundation
import Kafka
import Logging

/// The benchmarks' own Kafka clients: topic creation and a running producer.
struct BenchKafka: Sendable {
    let brokers: [String]
    let logger: Logger

    /// Partitions of the benchmark topics: the services' default (`ASN_KAFKA_TOPIC_PARTITIONS`).
    static let partitions = 6

    /// Creates `name` the way the services create their topics (6 partitions, replication 1, kept forever).
    func createTopic(_ name: String) async throws {
        let admin = try KafkaAdmin(configuration: .init(bootstrapServers: brokers, clientID: "asn-bench-admin"), logger: logger)
        try await admin.createTopic(KafkaNewTopic(
            name: name, partitions: Self.partitions, replicationFactor: 1, config: ["retention.ms": "-1"]))
    }

    /// Runs `body` with a producer of the relay's configuration (idempotent, `acks=all`, `linger.ms=5`), then
    /// flushes and destroys it.
    func withProducer<Result>(_ body: (KafkaProducer) async throws -> Result) async throws -> Result {
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(bootstrapServers: brokers, clientID: "asn-bench"), logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await producer.run() }
            defer { group.cancelAll() }
            return try await body(producer)
        }
    }

    /// Sends `messages` in batches of `batchSize`, one batch at a time (as the outbox relay does).
    ///
    /// - Returns: the duration of each batch, from the call to the last delivery report.
    /// - Throws: ``BenchError/deliveryFailed(_:failed:)`` if any record was not acknowledged.
    static func sendInBatches(_ messages: [KafkaProducerMessage], batchSize: Int, through producer: KafkaProducer)
        async throws -> [Duration]
    {
        var latencies: [Duration] = []
        latencies.reserveCapacity(messages.count / batchSize + 1)
        var failures = 0
        var firstError: KafkaError?
        var start = messages.startIndex
        while start < messages.endIndex {
            let end = min(start + batchSize, messages.endIndex)
            let batch = Array(messages[start..<end])
            let began = ContinuousClock.now
            let results = await producer.send(batch: batch)
            latencies.append(ContinuousClock.now - began)
            for case .failure(let error) in results {
                failures += 1
                firstError = firstError ?? error
            }
            start = end
        }
        if let firstError { throw BenchError.deliveryFailed(firstError, failed: failures) }
        return latencies
    }
}
