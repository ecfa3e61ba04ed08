/// A record timestamp as stored by Kafka: milliseconds since the Unix epoch (UTC).
public struct KafkaTimestamp: Sendable, Hashable, Comparable {
    /// Who assigned the timestamp.
    public enum Kind: Sendable, Hashable {
        /// The producer set it when the record was created.
        case createTime
        /// The broker set it when it appended the record to the log.
        case logAppendTime
    }

    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var millisecondsSinceEpoch: Int64
    /// The timestamp type of the topic.
    public var kind: Kind

    /// Creates a timestamp.
    public init(millisecondsSinceEpoch: Int64, kind: Kind) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
        self.kind = kind
    }

    public static func < (lhs: KafkaTimestamp, rhs: KafkaTimestamp) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }
}
