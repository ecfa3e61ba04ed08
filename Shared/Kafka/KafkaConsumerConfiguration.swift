/// Settings for ``KafkaConsumer``.
///
/// Offsets belong to the application (stored next to its read model), so the consumer never commits to
/// Kafka: `enable.auto.commit=false`, `enable.auto.offset.store=false`. Partitions the application has no
/// offset for start at the earliest record (`auto.offset.reset=earliest`).
public struct KafkaConsumerConfiguration: Sendable {
    /// Bootstrap brokers as `host:port`.
    public var bootstrapServers: [String]
    /// The consumer group (usually the service name): members of one group split the partitions.
    public var groupID: String
    /// The topics to subscribe to.
    public var topics: [String]
    /// The client id the broker sees.
    public var clientID: String
    /// How long the group coordinator waits for heartbeats before it evicts a member
    /// (`session.timeout.ms`). Group joins on Tansu take about half of it, so keep it short locally.
    public var sessionTimeout: Duration
    /// The most records one element of ``KafkaConsumer/messages`` holds.
    public var maxBatchSize: Int
    /// At graceful shutdown, how long to wait for the application to finish the batch it is processing
    /// (signalled by its next call to `next()`, or by dropping the iterator) before leaving the group.
    public var shutdownGracePeriod: Duration
    /// At close, how long to wait for the group coordinator to confirm that the consumer left. After that the
    /// instance is destroyed anyway and the coordinator expires the member after the session timeout, so a
    /// slow or unreachable broker cannot hold up a graceful shutdown.
    public var leaveGroupTimeout: Duration
    /// Extra librdkafka properties, overriding the defaults (for example `partition.assignment.strategy`).
    public var properties: [String: String]

    /// Creates a configuration.
    public init(
        bootstrapServers: [String],
        groupID: String,
        topics: [String],
        clientID: String = "asn-consumer",
        sessionTimeout: Duration = .seconds(10),
        maxBatchSize: Int = 500,
        shutdownGracePeriod: Duration = .seconds(10),
        leaveGroupTimeout: Duration = .seconds(5),
        properties: [String: String] = [:]
    ) {
        self.bootstrapServers = bootstrapServers
        self.groupID = groupID
        self.topics = topics
        self.clientID = clientID
        self.sessionTimeout = sessionTimeout
        self.maxBatchSize = maxBatchSize
        self.shutdownGracePeriod = shutdownGracePeriod
        self.leaveGroupTimeout = leaveGroupTimeout
        self.properties = properties
    }

    /// The complete librdkafka property set.
    var librdkafkaProperties: [String: String] {
        let session = sessionTimeout.milliseconds
        var result: [String: String] = [
            "bootstrap.servers": bootstrapServers.joined(separator: ","),
            "group.id": groupID,
            "client.id": clientID,
            "session.timeout.ms": String(session),
            "heartbeat.interval.ms": String(max(100, min(3000, session / 3))),
            "enable.auto.commit": "false",
            "enable.auto.offset.store": "false",
            "auto.offset.reset": "earliest",
            "enable.partition.eof": "false",
            "log.connection.close": "false",
        ]
        result.merge(properties) { _, override in override }
        return result
    }
}
