/// Settings for ``KafkaProducer``.
///
/// The defaults are the safe ones for a transactional-outbox relay: an idempotent producer with `acks=all`,
/// so a delivery report means every in-sync replica stored the record, retries never duplicate or reorder
/// records within a partition, and a short linger lets batches form under load.
public struct KafkaProducerConfiguration: Sendable {
    /// Bootstrap brokers as `host:port`.
    public var bootstrapServers: [String]
    /// The client id the broker sees in its logs and quotas.
    public var clientID: String
    /// How long librdkafka waits to fill a batch before sending it (`linger.ms`).
    public var linger: Duration
    /// How long a message may take from enqueue to acknowledgement before its delivery report fails with
    /// ``KafkaError/Code/messageTimedOut`` (`message.timeout.ms`).
    public var deliveryTimeout: Duration
    /// How long ``KafkaProducer/run()`` waits at shutdown for outstanding delivery reports before it purges the
    /// rest (whose senders then get ``KafkaError/Code/purgedFromQueue`` / ``KafkaError/Code/purgedInFlight``).
    public var flushTimeout: Duration
    /// Extra librdkafka properties (see librdkafka's CONFIGURATION.md). They override the defaults above,
    /// e.g. `["compression.type": "lz4"]`.
    public var properties: [String: String]

    /// Creates a configuration with the defaults `enable.idempotence=true`, `acks=all`, `linger.ms=5`,
    /// a 30 s delivery timeout and a 10 s flush timeout.
    public init(
        bootstrapServers: [String],
        clientID: String = "asn-producer",
        linger: Duration = .milliseconds(5),
        deliveryTimeout: Duration = .seconds(30),
        flushTimeout: Duration = .seconds(10),
        properties: [String: String] = [:]
    ) {
        self.bootstrapServers = bootstrapServers
        self.clientID = clientID
        self.linger = linger
        self.deliveryTimeout = deliveryTimeout
        self.flushTimeout = flushTimeout
        self.properties = properties
    }

    /// The complete librdkafka property set.
    var librdkafkaProperties: [String: String] {
        var result: [String: String] = [
            "bootstrap.servers": bootstrapServers.joined(separator: ","),
            "client.id": clientID,
            "enable.idempotence": "true",
            "acks": "all",
            "linger.ms": String(linger.milliseconds),
            "message.timeout.ms": String(deliveryTimeout.milliseconds),
            "log.connection.close": "false",
        ]
        result.merge(properties) { _, override in override }
        return result
    }
}
