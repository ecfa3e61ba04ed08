/// The broker's acknowledgement of one produced message.
public struct KafkaDeliveryReport: Sendable, Hashable {
    /// Where the message was stored.
    public var topicPartition: KafkaTopicPartition
    /// The offset the broker assigned to the message.
    public var offset: Int64
    /// The record timestamp, if the broker reported one.
    public var timestamp: KafkaTimestamp?

    /// Creates a report.
    public init(topicPartition: KafkaTopicPartition, offset: Int64, timestamp: KafkaTimestamp?) {
        self.topicPartition = topicPartition
        self.offset = offset
        self.timestamp = timestamp
    }

    /// The topic the message was stored in.
    public var topic: String { topicPartition.topic }
    /// The partition the message was stored in.
    public var partition: Int32 { topicPartition.partition }
}
