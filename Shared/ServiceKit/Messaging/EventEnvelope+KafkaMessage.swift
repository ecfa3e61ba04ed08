import Kafka
import RecruitmentEvents

extension EventEnvelope {
    /// The Kafka record of this envelope on `topic`: binary content mode, key = partition key.
    func kafkaMessage(topic: String) -> KafkaProducerMessage {
        KafkaProducerMessage(
            topic: topic,
            key: Array(partitionKey.utf8),
            value: data,
            headers: kafkaHeaders.map { KafkaHeader(name: $0.name, value: $0.value) })
    }

    /// The envelope carried by a consumed record.
    init(kafkaMessage message: KafkaConsumerMessage) throws {
        try self.init(
            kafkaHeaders: message.headers.map { ($0.name, $0.value ?? []) },
            key: message.key,
            value: message.value)
    }
}
