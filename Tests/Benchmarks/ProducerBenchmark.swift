import Foundation
import Kafka

/// Target 1: the idempotent `acks=all` producer publishes ≥ 20,000 events/s.
///
/// Publishes realistic `ApplicationSubmittedV1` envelopes (built beforehand, not timed) to a private topic through
/// ``KafkaProducer/send(batch:)``, one batch at a time like the outbox relay.
struct ProducerBenchmark {
    /// How it measures, for the results file (BenchResultsFile).
    static let method = """
        Publishes realistic `ApplicationSubmittedV1` envelopes (built beforehand, ~1.6 KB) to a private topic through \
        `KafkaProducer.send(batch:)`, idempotent with acks=all, one batch at a time like the outbox relay (closed \
        loop: the next batch goes when the previous one's delivery reports are all in), after a warm-up of 1,000. \
        Throughput is the events over the time to the last delivery report; a batch's latency runs from its send to \
        its last delivery report.
        """

    let kafka: BenchKafka
    let events: Int
    let batchSize: Int

    struct Result {
        var eventsPerSecond: Double
        var batchLatencies: LatencySample
    }

    func run() async throws -> Result {
        let topic = "asn-bench-\(UUID().uuidString.prefix(8).lowercased()).producer"
        try await kafka.createTopic(topic)
        let applications = SubmittedApplications(topic: topic, formations: 4)
        let warmUp = try applications.messages(count: min(1_000, events))
        let messages = try applications.messages(count: events)
        let bytes = messages.reduce(0) { $0 + $1.value.count + ($1.key?.count ?? 0) }
        BenchReport.line("topic \(topic) (\(BenchKafka.partitions) partitions), \(grouped(Double(events))) events of "
                         + "\(bytes / events) bytes on average, batches of \(batchSize), acks=all, idempotent")
        return try await kafka.withProducer { producer in
            // Connection, producer id and topic metadata are set up once; not part of the steady state.
            _ = try await BenchKafka.sendInBatches(warmUp, batchSize: batchSize, through: producer)
            let start = ContinuousClock.now
            let latencies = try await BenchKafka.sendInBatches(messages, batchSize: batchSize, through: producer)
            let elapsed = ContinuousClock.now - start
            let sample = LatencySample(latencies)
            let rate = Double(events) / elapsed.seconds
            BenchReport.line("sent and acknowledged in \(elapsed.formattedSeconds): \(grouped(rate)) events/s, "
                             + String(format: "%.1f MB/s", Double(bytes) / elapsed.seconds / 1_000_000))
            BenchReport.line("batch latency (\(sample.count) batches): \(sample.summary([50, 99], includeMaximum: true))")
            return Result(eventsPerSecond: rate, batchLatencies: sample)
        }
    }
}
