internal import CRdKafka

extension KafkaError {
    /// A librdkafka error code (`rd_kafka_resp_err_t`): positive values are Kafka protocol errors sent by the
    /// broker, negative values are raised by the client library itself.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The numeric `rd_kafka_resp_err_t` value.
        public var rawValue: Int32

        /// Wraps a raw librdkafka error code.
        public init(rawValue: Int32) {
            self.rawValue = rawValue
        }

        private init(_ err: rd_kafka_resp_err_t) {
            self.rawValue = err.rawValue
        }

        /// librdkafka's symbolic name without the `RD_KAFKA_RESP_ERR_` prefix, e.g. `_MSG_TIMED_OUT` or
        /// `TOPIC_ALREADY_EXISTS`.
        public var name: String {
            String(cString: rd_kafka_err2name(rd_kafka_resp_err_t(rawValue: rawValue)))
        }

        public var description: String { name }

        var librdkafkaDescription: String {
            String(cString: rd_kafka_err2str(rd_kafka_resp_err_t(rawValue: rawValue)))
        }

        // MARK: Client-side codes

        /// The local producer queue is full (`queue.buffering.max.messages`); ``KafkaProducer`` waits and retries.
        public static let queueFull = Code(RD_KAFKA_RESP_ERR__QUEUE_FULL)
        /// The message was not acknowledged within the delivery timeout.
        public static let messageTimedOut = Code(RD_KAFKA_RESP_ERR__MSG_TIMED_OUT)
        /// A request timed out locally.
        public static let timedOut = Code(RD_KAFKA_RESP_ERR__TIMED_OUT)
        /// The topic is unknown in the cluster (and was not created on demand).
        public static let unknownTopic = Code(RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC)
        /// The partition is unknown for the topic.
        public static let unknownPartition = Code(RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION)
        /// A broker connection failed.
        public static let transport = Code(RD_KAFKA_RESP_ERR__TRANSPORT)
        /// No broker is reachable.
        public static let allBrokersDown = Code(RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
        /// The client is being (or has been) shut down.
        public static let destroyed = Code(RD_KAFKA_RESP_ERR__DESTROY)
        /// A queued message was purged (at shutdown) before it was sent.
        public static let purgedFromQueue = Code(RD_KAFKA_RESP_ERR__PURGE_QUEUE)
        /// An in-flight message was purged (at shutdown); whether the broker stored it is unknown.
        public static let purgedInFlight = Code(RD_KAFKA_RESP_ERR__PURGE_INFLIGHT)
        /// The client raised a fatal error; see ``KafkaError/isFatal``.
        public static let fatal = Code(RD_KAFKA_RESP_ERR__FATAL)
        /// An invalid argument or configuration property.
        public static let invalidArgument = Code(RD_KAFKA_RESP_ERR__INVALID_ARG)
        /// The operation is not valid in the current state.
        public static let invalidState = Code(RD_KAFKA_RESP_ERR__STATE)
        /// The operation was interrupted because the calling Swift task was cancelled.
        public static let cancelled = Code(RD_KAFKA_RESP_ERR__INTR)
        /// A generic client failure.
        public static let failure = Code(RD_KAFKA_RESP_ERR__FAIL)

        // MARK: Broker codes

        /// The topic or partition does not exist on the broker.
        public static let unknownTopicOrPartition = Code(RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART)
        /// The message is larger than the client's `message.max.bytes` or the broker's limit.
        public static let messageSizeTooLarge = Code(RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE)
        /// The topic name is invalid (or the topic cannot be used).
        public static let invalidTopic = Code(RD_KAFKA_RESP_ERR_TOPIC_EXCEPTION)
        /// A topic of that name already exists.
        public static let topicAlreadyExists = Code(RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS)
        /// The requested partition count is invalid.
        public static let invalidPartitions = Code(RD_KAFKA_RESP_ERR_INVALID_PARTITIONS)
        /// The requested replication factor is invalid (e.g. more than the number of brokers).
        public static let invalidReplicationFactor = Code(RD_KAFKA_RESP_ERR_INVALID_REPLICATION_FACTOR)
        /// A topic configuration entry is invalid.
        public static let invalidConfig = Code(RD_KAFKA_RESP_ERR_INVALID_CONFIG)
        /// The broker does not support this request.
        public static let unsupportedVersion = Code(RD_KAFKA_RESP_ERR_UNSUPPORTED_VERSION)
        /// The broker refused the request for lack of authorisation.
        public static let topicAuthorizationFailed = Code(RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED)

        /// Codes for which retrying later typically helps. Used when librdkafka only reports a bare code
        /// (delivery reports, consumer errors); errors that arrive as `rd_kafka_error_t` carry librdkafka's
        /// own verdict instead.
        var isUsuallyRetriable: Bool {
            Self.retriable.contains(rawValue)
        }

        private static let retriable: Set<Int32> = [
            RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__MSG_TIMED_OUT, RD_KAFKA_RESP_ERR__TIMED_OUT,
            RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE, RD_KAFKA_RESP_ERR__QUEUE_FULL, RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN,
            RD_KAFKA_RESP_ERR__RESOLVE, RD_KAFKA_RESP_ERR__PURGE_QUEUE, RD_KAFKA_RESP_ERR__PURGE_INFLIGHT,
            RD_KAFKA_RESP_ERR__DESTROY, RD_KAFKA_RESP_ERR__INTR, RD_KAFKA_RESP_ERR__WAIT_COORD,
            RD_KAFKA_RESP_ERR__RETRY, RD_KAFKA_RESP_ERR__ISR_INSUFF,
            RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART, RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE,
            RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT,
            RD_KAFKA_RESP_ERR_BROKER_NOT_AVAILABLE, RD_KAFKA_RESP_ERR_REPLICA_NOT_AVAILABLE,
            RD_KAFKA_RESP_ERR_NETWORK_EXCEPTION, RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS,
            RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE, RD_KAFKA_RESP_ERR_NOT_COORDINATOR,
            RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS, RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND,
            RD_KAFKA_RESP_ERR_KAFKA_STORAGE_ERROR, RD_KAFKA_RESP_ERR_FETCH_SESSION_ID_NOT_FOUND,
            RD_KAFKA_RESP_ERR_OFFSET_NOT_AVAILABLE, RD_KAFKA_RESP_ERR_THROTTLING_QUOTA_EXCEEDED,
        ].reduce(into: Set<Int32>()) { $0.insert($1.rawValue) }
    }
}
