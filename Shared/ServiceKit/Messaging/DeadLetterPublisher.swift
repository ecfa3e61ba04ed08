import EventStore
import Kafka
import Logging
import Metrics

/// Copies dead-lettered records to the dead-letter topic (`<prefix>recruitment.dead-letters`), so operators can
/// watch and replay them with ordinary Kafka tooling. The `dead_letters` table, written in the batch's transaction,
/// stays the record of truth; publishing is best effort after the commit and a failure is logged and counted.
struct DeadLetterPublisher: Sendable {
    let producer: KafkaProducer
    let topic: String
    let logger: Logger
    private let failures = Counter(label: "asn_dead_letter_publish_failures_total")

    init(producer: KafkaProducer, topic: String, logger: Logger) {
        self.producer = producer
        self.topic = topic
        self.logger = logger
    }

    /// The dead-letter record of `message`: its key and value unchanged, its headers plus where it came from and why.
    func record(of message: ProjectionMessage, group: String, reason: String) -> KafkaProducerMessage {
        let headers = message.headers.map { KafkaHeader(name: $0.0, value: $0.1) } + [
            KafkaHeader(name: "x-dead-letter-reason", string: reason),
            KafkaHeader(name: "x-dead-letter-group", string: group),
            KafkaHeader(name: "x-original-topic", string: message.topic),
            KafkaHeader(name: "x-original-partition", string: String(message.partition)),
            KafkaHeader(name: "x-original-offset", string: String(message.offset)),
        ]
        return KafkaProducerMessage(topic: topic, key: message.key, value: message.value ?? [], headers: headers)
    }

    func publish(_ records: [KafkaProducerMessage]) async {
        guard !records.isEmpty else { return }
        for case .failure(let error) in await producer.send(batch: records) {
            failures.increment()
            logger.warning("could not copy a dead letter to its topic (it is kept in dead_letters)", metadata: [
                "topic": "\(topic)", "error": "\(error)",
            ])
        }
    }
}
