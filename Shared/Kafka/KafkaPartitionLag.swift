/// Consumer lag of one assigned partition, computed from locally cached values (no broker round trip).
public struct KafkaPartitionLag: Sendable, Hashable {
    /// The partition.
    public var topicPartition: KafkaTopicPartition
    /// The next offset the consumer will hand to the application, if known (it is unknown for a partition
    /// assigned "from the beginning" before the first record or watermark arrived).
    public var position: Int64?
    /// The high watermark (offset of the next record the broker will write) from the latest fetch response,
    /// if one arrived yet.
    public var highWatermark: Int64?

    /// Creates a lag value.
    public init(topicPartition: KafkaTopicPartition, position: Int64?, highWatermark: Int64?) {
        self.topicPartition = topicPartition
        self.position = position
        self.highWatermark = highWatermark
    }

    /// Records the broker holds that the application has not been handed yet (never negative), or `nil`
    /// while position or watermark are unknown.
    public var lag: Int64? {
        guard let position, let highWatermark else { return nil }
        return max(0, highWatermark - position)
    }
}
