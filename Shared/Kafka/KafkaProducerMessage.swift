/// A record to publish.
///
/// The key decides the partition (librdkafka's default `consistent_random` partitioner hashes it), so records
/// with the same key stay ordered. Key and value are copied into librdkafka when the message is enqueued.
public struct KafkaProducerMessage: Sendable, Hashable {
    /// The destination topic.
    public var topic: String
    /// An explicit partition, or `nil` to let the partitioner choose from the key.
    public var partition: Int32?
    /// The record key, or `nil` for no key.
    public var key: [UInt8]?
    /// The record value (payload).
    public var value: [UInt8]
    /// Record headers, in order.
    public var headers: [KafkaHeader]

    /// Creates a message from raw bytes.
    public init(
        topic: String,
        partition: Int32? = nil,
        key: [UInt8]?,
        value: [UInt8],
        headers: [KafkaHeader] = []
    ) {
        self.topic = topic
        self.partition = partition
        self.key = key
        self.value = value
        self.headers = headers
    }

    /// Creates a message from any byte sequences (for example Foundation's `Data`).
    public init(
        topic: String,
        partition: Int32? = nil,
        key: some Sequence<UInt8>,
        value: some Sequence<UInt8>,
        headers: [KafkaHeader] = []
    ) {
        self.init(topic: topic, partition: partition, key: Array(key) as [UInt8]?, value: Array(value) as [UInt8], headers: headers)
    }

    /// Creates a message with a UTF-8 string key.
    public init(
        topic: String,
        partition: Int32? = nil,
        key: String,
        value: some Sequence<UInt8>,
        headers: [KafkaHeader] = []
    ) {
        self.init(topic: topic, partition: partition, key: Array(key.utf8) as [UInt8]?, value: Array(value) as [UInt8], headers: headers)
    }
}
