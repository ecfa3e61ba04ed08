/// A topic to create with ``KafkaAdmin/createTopics(_:timeout:)``.
public struct KafkaNewTopic: Sendable, Hashable {
    /// The topic name.
    public var name: String
    /// The number of partitions.
    public var partitions: Int
    /// The replication factor, or `-1` for the broker's default.
    public var replicationFactor: Int
    /// Topic configuration, e.g. `["retention.ms": "-1"]` for infinite retention.
    public var config: [String: String]

    /// Creates a topic specification.
    public init(name: String, partitions: Int, replicationFactor: Int = -1, config: [String: String] = [:]) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
        self.config = config
    }
}

/// The outcome of creating one topic; both cases mean the topic exists afterwards.
public enum KafkaTopicCreationResult: Sendable, Hashable {
    /// The broker created the topic.
    case created
    /// A topic of that name already existed (its partitions and configuration were left unchanged).
    case alreadyExists
}
