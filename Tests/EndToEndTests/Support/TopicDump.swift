import Foundation
import Kafka
import Logging
import Synchronization

/// Every record of some topics, read from the beginning by a consumer of its own group: what an eavesdropper on the
/// broker would see. Reads until no record arrived for `quiet` (after at least `minimum` records) or `timeout` passes.
enum TopicDump {
    static func values(topics: [String], brokers: String, minimum: Int, quiet: Duration = .seconds(4),
                       timeout: Duration = .seconds(90)) async throws -> [[UInt8]]
    {
        var logger = Logger(label: "e2e-topic-dump")
        logger.logLevel = .warning
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                bootstrapServers: brokers.split(separator: ",").map(String.init),
                groupID: "e2e-dump-\(UUID().uuidString.prefix(8).lowercased())", topics: topics,
                clientID: "e2e-topic-dump", sessionTimeout: .seconds(6), maxBatchSize: 500,
                shutdownGracePeriod: .seconds(1)),
            logger: logger, offsets: { _ in [:] })
        let values = Records()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for try await batch in consumer.messages {
                    values.append(batch.map(\.value))
                }
            }
            // Stop once the count has been still for `quiet` with at least `minimum` records, or at the deadline.
            let deadline = ContinuousClock.now + timeout
            var last = -1
            var stillSince = ContinuousClock.now
            while ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(500))
                let count = values.all.count
                if count != last {
                    last = count
                    stillSince = .now
                }
                if count >= minimum && ContinuousClock.now - stillSince >= quiet { break }
            }
            try await consumer.close(graceful: false)
            try await group.waitForAll()
        }
        return values.all
    }

    /// The records read so far, shared between the reading task and the watch.
    final class Records: Sendable {
        private let storage = Mutex<[[UInt8]]>([])
        func append(_ records: [[UInt8]]) { storage.withLock { $0 += records } }
        var all: [[UInt8]] { storage.withLock { $0 } }
    }
}
