public import RecruitmentEvents

/// One consumed Kafka message, as handed to ``ProjectionStore/applyBatch(group:messages:isolation:apply:)``.
///
/// A plain value independent of the Kafka client: the projection runner copies the message's coordinates, key,
/// headers and value into it, together with the result of decoding it into an ``EventEnvelope``.
public struct ProjectionMessage: Sendable {
    /// The topic the message was consumed from.
    public var topic: String
    /// The partition the message was consumed from.
    public var partition: Int32
    /// The message's offset in its partition.
    public var offset: Int64
    /// The message key (the partition key), if any.
    public var key: [UInt8]?
    /// The message headers, in order (CloudEvents binary mode puts the envelope attributes here).
    public var headers: [(String, [UInt8])]
    /// The message value (the event payload); `nil` for a tombstone.
    public var value: [UInt8]?
    /// The message decoded into an envelope, or why it could not be: undecodable messages are dead-lettered.
    public var decoded: Result<EventEnvelope, any Error>

    /// Creates a message.
    public init(
        topic: String,
        partition: Int32,
        offset: Int64,
        key: [UInt8]?,
        headers: [(String, [UInt8])],
        value: [UInt8]?,
        decoded: Result<EventEnvelope, any Error>
    ) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.headers = headers
        self.value = value
        self.decoded = decoded
    }

    /// The message's topic partition.
    public var topicPartition: TopicPartition { TopicPartition(topic: topic, partition: partition) }

    /// The decoded envelope, if decoding succeeded.
    public var envelope: EventEnvelope? { try? decoded.get() }

    /// The value of the first header named `name`, as UTF-8 text.
    public func header(_ name: String) -> String? {
        headers.first { $0.0 == name }.map { String(decoding: $0.1, as: UTF8.self) }
    }
}
