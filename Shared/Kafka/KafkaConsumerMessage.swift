/// A record read by ``KafkaConsumer``.
public struct KafkaConsumerMessage: Sendable, Hashable {
    /// Where the record was read from.
    public var topicPartition: KafkaTopicPartition
    /// The record offset within its partition; the next offset to read is `offset + 1`.
    public var offset: Int64
    /// The record key, or `nil` if it has none.
    public var key: [UInt8]?
    /// The record value; empty for a null value.
    public var value: [UInt8]
    /// Record headers, in order.
    public var headers: [KafkaHeader]
    /// The record timestamp, if available.
    public var timestamp: KafkaTimestamp?

    /// Creates a message (useful for tests of code that processes batches).
    public init(
        topicPartition: KafkaTopicPartition,
        offset: Int64,
        key: [UInt8]?,
        value: [UInt8],
        headers: [KafkaHeader] = [],
        timestamp: KafkaTimestamp? = nil
    ) {
        self.topicPartition = topicPartition
        self.offset = offset
        self.key = key
        self.value = value
        self.headers = headers
        self.timestamp = timestamp
    }

    /// The topic the record was read from.
    public var topic: String { topicPartition.topic }
    /// The partition the record was read from.
    public var partition: Int32 { topicPartition.partition }
}
