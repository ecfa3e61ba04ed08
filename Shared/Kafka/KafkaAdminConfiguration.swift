/// Settings for ``KafkaAdmin``.
public struct KafkaAdminConfiguration: Sendable {
    /// Bootstrap brokers as `host:port`.
    public var bootstrapServers: [String]
    /// The client id the broker sees.
    public var clientID: String
    /// Extra librdkafka properties, overriding the defaults.
    public var properties: [String: String]

    /// Creates a configuration.
    public init(bootstrapServers: [String], clientID: String = "asn-admin", properties: [String: String] = [:]) {
        self.bootstrapServers = bootstrapServers
        self.clientID = clientID
        self.properties = properties
    }

    var librdkafkaProperties: [String: String] {
        var result = [
            "bootstrap.servers": bootstrapServers.joined(separator: ","),
            "client.id": clientID,
            "log.connection.close": "false",
        ]
        result.merge(properties) { _, override in override }
        return result
    }
}
