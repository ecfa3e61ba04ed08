public import Logging
public import RecruitmentEvents

/// The configuration every service shares: HTTP listener, PostgreSQL, Kafka, logging and operations thresholds.
///
/// Each service adds its own keys; ``ServiceConfiguration/keys(defaultPort:)`` lists the shared ones for the
/// operations guide.
public struct ServiceConfiguration: Sendable {
    /// The service's name as it appears in logs, metrics, `/info` and the Kafka client id (e.g. `registration`).
    public var serviceName: String
    public var httpHost: String
    public var httpPort: Int
    public var postgresURL: String
    public var kafkaBrokers: [String]
    /// Extra librdkafka properties (security settings for a production cluster, for example).
    public var kafkaProperties: [String: String]
    /// Prepended to every topic and consumer-group name, so several suites (or test runs) can share one cluster.
    public var kafkaNamePrefix: String
    public var topicPartitions: Int
    public var topicReplicationFactor: Int
    public var kafkaSessionTimeoutMilliseconds: Int
    public var logLevel: Logger.Level
    public var logFormat: LogFormat
    /// Origins allowed by CORS; empty disables CORS headers.
    public var corsAllowedOrigins: [String]
    /// Reverse proxies whose `X-Forwarded-For` is believed (``ClientAddressResolver``).
    public var trustedProxies: Set<String>
    /// Largest JSON request body accepted, in bytes.
    public var maxJSONBodyBytes: Int
    /// `/health/ready` fails while any projection lags more than this many events behind the topics.
    public var readyMaxProjectionLag: Int
    public var outboxBatchSize: Int
    /// The size of the PostgreSQL connection pool.
    public var postgresMaxConnections: Int
    /// Seconds a pooled PostgreSQL connection may sit idle before a query checks it; `nil` for no check.
    public var postgresKeepAliveSeconds: Int?
    public var outboxPollIntervalMilliseconds: Int
    public var projectionBatchSize: Int
    /// An API request not answered within this many seconds gets a 503 (``RequestDeadlineMiddleware``).
    public var requestDeadlineSeconds: Int
    /// Seconds an HTTP connection may stay silent (between requests, or in the middle of one) before it is closed.
    public var httpIdleTimeoutSeconds: Int
    /// Seconds a graceful shutdown may take before what still runs is cancelled (``BoundedServiceGroup``).
    public var shutdownGraceSeconds: Int

    /// How log lines are written.
    public enum LogFormat: String, Sendable, CaseIterable {
        /// One JSON object per line (for log shippers).
        case json
        /// Human-readable lines (for a terminal).
        case text
    }

    enum Key {
        static let httpHost = ConfigurationKey(
            "ASN_HTTP_HOST", default: "0.0.0.0", help: "Address the HTTP server listens on.")
        static func httpPort(_ port: Int) -> ConfigurationKey {
            ConfigurationKey("ASN_HTTP_PORT", default: String(port), help: "Port the HTTP server listens on.")
        }
        static let postgresURL = ConfigurationKey(
            "ASN_POSTGRES_URL", default: nil,
            help: "PostgreSQL URL of this service's own database, e.g. postgres://user:pass@host:5432/db.",
            isSecret: true)
        static let kafkaBrokers = ConfigurationKey(
            "ASN_KAFKA_BROKERS", default: nil, help: "Comma-separated Kafka bootstrap servers, e.g. kafka:9092.")
        static let kafkaProperties = ConfigurationKey(
            "ASN_KAFKA_PROPERTIES", default: "",
            help: "Extra librdkafka properties as key=value pairs separated by commas (e.g. security.protocol=SSL).",
            isSecret: true)
        static let namePrefix = ConfigurationKey(
            "ASN_KAFKA_NAME_PREFIX", default: "",
            help: "Prefix of every topic and consumer group (e.g. kupang.) so several suites can share a cluster.")
        static let topicPartitions = ConfigurationKey(
            "ASN_KAFKA_TOPIC_PARTITIONS", default: "6",
            help: "Partitions of the topics this service creates (the upper bound of consumer instances).")
        static let topicReplication = ConfigurationKey(
            "ASN_KAFKA_REPLICATION_FACTOR", default: "1", help: "Replication factor of the topics this service creates.")
        static let sessionTimeout = ConfigurationKey(
            "ASN_KAFKA_SESSION_TIMEOUT_MS", default: "10000",
            help: "Consumer-group session timeout; shorter means faster failover and faster group joins.")
        static let logLevel = ConfigurationKey(
            "ASN_LOG_LEVEL", default: "info", help: "trace, debug, info, notice, warning, error or critical.")
        static let logFormat = ConfigurationKey("ASN_LOG_FORMAT", default: "json", help: "json or text.")
        static let corsOrigins = ConfigurationKey(
            "ASN_CORS_ALLOWED_ORIGINS", default: "",
            help: "Comma-separated origins allowed to call the API from a browser (e.g. the portal); empty: none.")
        static let trustedProxies = ConfigurationKey(
            "ASN_HTTP_TRUSTED_PROXIES", default: "",
            help: "Comma-separated IP addresses of reverse proxies (ingress, load balancer) in front of the service. "
                + "Only from them is `X-Forwarded-For` believed (the nearest untrusted hop is the client); per-client "
                + "limits (sign-ups, failed logins, public feedback) key on that address. Empty: the peer is the client.")
        static let maxJSONBody = ConfigurationKey(
            "ASN_MAX_JSON_BODY_BYTES", default: "65536", help: "Largest JSON request body accepted.")
        static let readyMaxLag = ConfigurationKey(
            "ASN_READY_MAX_PROJECTION_LAG", default: "10000",
            help: "/health/ready reports not ready while a projection is more than this many events behind.")
        static let postgresMaxConnections = ConfigurationKey(
            "ASN_POSTGRES_MAX_CONNECTIONS", default: "16",
            help: "Connections in the PostgreSQL pool. More than a few per CPU core of the database server only adds "
                + "contention; requests beyond it wait for a free connection.")
        static let postgresKeepAlive = ConfigurationKey(
            "ASN_POSTGRES_KEEP_ALIVE_SECONDS", default: "0",
            help: "Seconds a pooled PostgreSQL connection may sit idle before a SELECT 1 checks it; 0 (the default) "
                + "turns the check off. A connection the server closes is noticed at once without it, idle "
                + "connections close after 60 s, and a query stuck on a silently dead one is bounded by "
                + "ASN_HTTP_REQUEST_DEADLINE_SECONDS; turn it on where a firewall drops idle connections without a "
                + "reset. The pool arms this timer every time a connection returns to it, a measurable CPU cost.")
        static let outboxBatch = ConfigurationKey(
            "ASN_OUTBOX_BATCH_SIZE", default: "1000", help: "Events the outbox relay publishes per round.")
        static let outboxInterval = ConfigurationKey(
            "ASN_OUTBOX_POLL_INTERVAL_MS", default: "25", help: "How often an idle outbox relay looks for new events.")
        static let projectionBatch = ConfigurationKey(
            "ASN_PROJECTION_BATCH_SIZE", default: "500", help: "Kafka messages applied per projection transaction.")
        static let requestDeadline = ConfigurationKey(
            "ASN_HTTP_REQUEST_DEADLINE_SECONDS", default: "60",
            help: "An API request not answered within this many seconds of its body arriving is answered 503 (retry) and its handler cancelled; guards against a query stuck on a connection a database restart closed.")
        static let httpIdleTimeout = ConfigurationKey(
            "ASN_HTTP_IDLE_TIMEOUT_SECONDS", default: "75",
            help: "Seconds an HTTP connection may stay silent, between requests or in the middle of one, before the "
                + "server closes it. Behind a load balancer keep it above the balancer's own idle timeout (60 s on "
                + "most). During a shutdown a request still arriving gets 5 s of silence at most.")
        static let shutdownGrace = ConfigurationKey(
            "ASN_SHUTDOWN_GRACE_SECONDS", default: "25",
            help: "Seconds a graceful shutdown (SIGTERM) may take: HTTP connections drain, consumers leave their groups, "
                + "the producer flushes. Then the services still running are logged by name and cancelled (those "
                + "ignoring cancellation are abandoned 3 s later), and the process exits with status 1. Keep it at "
                + "least 4 s below the orchestrator's grace period (30 s in the manifests).")
    }

    /// The shared keys, with the service's default HTTP port.
    public static func keys(defaultPort: Int) -> [ConfigurationKey] {
        [
            Key.httpHost, Key.httpPort(defaultPort), Key.postgresURL, Key.kafkaBrokers, Key.kafkaProperties,
            Key.namePrefix,
            Key.topicPartitions, Key.topicReplication, Key.sessionTimeout, Key.logLevel, Key.logFormat,
            Key.corsOrigins, Key.trustedProxies, Key.maxJSONBody, Key.readyMaxLag, Key.postgresMaxConnections,
            Key.postgresKeepAlive, Key.outboxBatch, Key.outboxInterval,
            Key.projectionBatch, Key.requestDeadline, Key.httpIdleTimeout, Key.shutdownGrace,
        ]
    }

    /// Reads and validates the shared configuration; throws a ``ConfigurationError`` naming the first bad variable.
    public init(serviceName: String, defaultPort: Int, reader: ConfigurationReader = ConfigurationReader()) throws {
        self.serviceName = serviceName
        self.httpHost = try reader.string(Key.httpHost)
        self.httpPort = try reader.int(Key.httpPort(defaultPort), in: 1...65535)
        self.postgresURL = try reader.string(Key.postgresURL)
        self.kafkaBrokers = try reader.list(Key.kafkaBrokers)
        if kafkaBrokers.isEmpty {
            throw ConfigurationError.invalid(key: Key.kafkaBrokers.name, value: "", expected: "at least one host:port")
        }
        var properties: [String: String] = [:]
        for pair in try reader.list(Key.kafkaProperties) {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ConfigurationError.invalid(key: Key.kafkaProperties.name, value: pair, expected: "key=value pairs")
            }
            properties[parts[0]] = parts[1]
        }
        self.kafkaProperties = properties
        self.kafkaNamePrefix = try reader.string(Key.namePrefix)
        if !kafkaNamePrefix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) {
            throw ConfigurationError.invalid(
                key: Key.namePrefix.name, value: kafkaNamePrefix, expected: "letters, digits, '.', '_' and '-'")
        }
        self.topicPartitions = try reader.int(Key.topicPartitions, in: 1...1024)
        self.topicReplicationFactor = try reader.int(Key.topicReplication, in: 1...16)
        self.kafkaSessionTimeoutMilliseconds = try reader.int(Key.sessionTimeout, in: 1000...300_000)
        let level = try reader.string(Key.logLevel)
        guard let parsedLevel = Logger.Level(rawValue: level.lowercased()) else {
            throw ConfigurationError.invalid(
                key: Key.logLevel.name, value: level, expected: "trace, debug, info, notice, warning, error or critical")
        }
        self.logLevel = parsedLevel
        self.logFormat = try reader.choice(Key.logFormat, as: LogFormat.self)
        self.corsAllowedOrigins = try reader.list(Key.corsOrigins)
        self.trustedProxies = Set(try reader.list(Key.trustedProxies))
        for proxy in trustedProxies where !ClientAddressResolver.isAddress(ClientAddressResolver.canonical(proxy)) {
            throw ConfigurationError.invalid(key: Key.trustedProxies.name, value: proxy, expected: "IP addresses")
        }
        self.maxJSONBodyBytes = try reader.int(Key.maxJSONBody, in: 1024...(64 << 20))
        self.readyMaxProjectionLag = try reader.int(Key.readyMaxLag, in: 0...Int.max)
        self.outboxBatchSize = try reader.int(Key.outboxBatch, in: 1...100_000)
        self.postgresMaxConnections = try reader.int(Key.postgresMaxConnections, in: 2...1_000)
        let keepAlive = try reader.int(Key.postgresKeepAlive, in: 0...3_600)
        self.postgresKeepAliveSeconds = keepAlive == 0 ? nil : keepAlive
        self.outboxPollIntervalMilliseconds = try reader.int(Key.outboxInterval, in: 1...60_000)
        self.projectionBatchSize = try reader.int(Key.projectionBatch, in: 1...100_000)
        self.requestDeadlineSeconds = try reader.int(Key.requestDeadline, in: 5...3_600)
        self.httpIdleTimeoutSeconds = try reader.int(Key.httpIdleTimeout, in: 1...3_600)
        self.shutdownGraceSeconds = try reader.int(Key.shutdownGrace, in: 1...3_600)
    }
}

extension ServiceConfiguration {
    /// The broker-side name of `topic` (with ``kafkaNamePrefix``).
    public func topicName(_ topic: RecruitmentTopic) -> String { kafkaNamePrefix + topic.name }

    /// The topic dead-lettered records are copied to: `<prefix>recruitment.dead-letters`.
    public var deadLetterTopicName: String { kafkaNamePrefix + "recruitment.dead-letters" }

    /// The consumer group of a projection: `<prefix><service>.<projection>`.
    public func consumerGroup(projection: String) -> String { "\(kafkaNamePrefix)\(serviceName).\(projection)" }
}
