internal import CRdKafka
public import Logging

/// Cluster administration: idempotent topic creation, topic listing and a reachability check.
///
/// Every call runs its blocking librdkafka request on a dedicated thread. Call ``shutdown()`` when done: it
/// destroys the instance and returns once librdkafka's threads for it have ended. An admin released without
/// it is destroyed in the background, which a process about to exit must not rely on (see
/// ``KafkaLibrary/waitUntilAllClientsDestroyed(timeout:)``).
public final class KafkaAdmin: Sendable {
    let handle: RDKafkaHandle
    private let logger: Logger

    /// Creates the admin client (no connection is made until the first request).
    ///
    /// - Throws: ``KafkaError`` for an invalid configuration.
    public init(configuration: KafkaAdminConfiguration, logger: Logger) throws(KafkaError) {
        self.logger = logger
        self.handle = try RDKafkaHandle(
            type: RD_KAFKA_PRODUCER,
            properties: configuration.librdkafkaProperties,
            context: RDKafkaCallbackContext(logger: logger)
        )
    }

    deinit {
        let handle = handle
        DedicatedThread.start(name: "kafka-admin-destroy") { handle.destroy() }
    }

    /// Destroys the instance: waits for requests in flight, then for librdkafka's threads to end. Later requests
    /// throw ``KafkaError/Code/destroyed``. Idempotent.
    public func shutdown() async {
        let handle = handle
        await DedicatedThread.run(name: "kafka-admin-destroy") { handle.destroy() }
    }

    /// Creates topics; a topic that already exists counts as success (``KafkaTopicCreationResult/alreadyExists``),
    /// so this is safe to call at every start-up.
    ///
    /// - Parameters:
    ///   - topics: the topics to create.
    ///   - timeout: how long the broker may take to create them (also bounds the whole call, plus a margin).
    /// - Returns: the outcome per topic name.
    /// - Throws: the first ``KafkaError`` other than "already exists" (for example
    ///   ``KafkaError/Code/invalidReplicationFactor``), or a request-level error such as a timeout.
    @discardableResult
    public func createTopics(
        _ topics: [KafkaNewTopic],
        timeout: Duration = .seconds(15)
    ) async throws(KafkaError) -> [String: KafkaTopicCreationResult] {
        guard !topics.isEmpty else { return [:] }
        let handle = handle
        return try await DedicatedThread.run(name: "kafka-admin") {
            Result { () throws(KafkaError) -> [String: KafkaTopicCreationResult] in
                try handle.withLease { (rk: OpaquePointer) throws(KafkaError) -> [String: KafkaTopicCreationResult] in
                    try Self.createTopics(topics, timeout: timeout, on: rk, abandonWhen: { handle.isClosed })
                }
            }
        }.get()
    }

    /// Creates one topic idempotently; see ``createTopics(_:timeout:)``.
    @discardableResult
    public func createTopic(_ topic: KafkaNewTopic, timeout: Duration = .seconds(15)) async throws(KafkaError) -> KafkaTopicCreationResult {
        let results = try await createTopics([topic], timeout: timeout)
        guard let result = results[topic.name] else {
            throw KafkaError(code: .failure, message: "no result for topic \(topic.name)")
        }
        return result
    }

    /// Lists the topics of the cluster with their partition counts.
    public func listTopics(timeout: Duration = .seconds(5)) async throws(KafkaError) -> [KafkaTopicMetadata] {
        try await RDKafkaMetadata.fetch(handle: handle, allTopics: true, timeout: timeout).get().topics
    }

    /// Checks that a broker answers a metadata request within `timeout`.
    ///
    /// - Returns: the number of brokers in the cluster.
    @discardableResult
    public func checkBrokerConnection(timeout: Duration = .seconds(2)) async throws(KafkaError) -> Int {
        try await RDKafkaMetadata.fetch(handle: handle, allTopics: false, timeout: timeout).get().brokerCount
    }

    // MARK: librdkafka

    /// Creates `topics` on `rk`, waiting for the answer in short slices so that a ``shutdown()`` (`isAbandoned`)
    /// ends the wait at once instead of after `timeout`.
    private static func createTopics(
        _ topics: [KafkaNewTopic],
        timeout: Duration,
        on rk: OpaquePointer,
        abandonWhen isAbandoned: () -> Bool
    ) throws(KafkaError) -> [String: KafkaTopicCreationResult] {
        rd_kafka_poll(rk, 0)  // serve queued error events of this otherwise unpolled instance
        var errorText = [CChar](repeating: 0, count: 512)
        func lastError() -> String { errorText.withUnsafeBufferPointer { String(cString: $0.baseAddress!) } }

        var newTopics: [OpaquePointer?] = []
        defer { newTopics.forEach { rd_kafka_NewTopic_destroy($0) } }
        for topic in topics {
            guard
                let newTopic = rd_kafka_NewTopic_new(
                    topic.name, Int32(clamping: topic.partitions), Int32(clamping: topic.replicationFactor),
                    &errorText, errorText.count)
            else {
                throw KafkaError(code: .invalidArgument, message: "topic \(topic.name): \(lastError())", isRetriable: false)
            }
            newTopics.append(newTopic)
            for (name, value) in topic.config.sorted(by: { $0.key < $1.key }) {
                let err = rd_kafka_NewTopic_set_config(newTopic, name, value)
                guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
                    throw KafkaError(err, context: "topic \(topic.name) config \(name)=\(value)")
                }
            }
        }

        guard let options = rd_kafka_AdminOptions_new(rk, RD_KAFKA_ADMIN_OP_CREATETOPICS) else {
            throw KafkaError(code: .failure, message: "rd_kafka_AdminOptions_new failed")
        }
        defer { rd_kafka_AdminOptions_destroy(options) }
        let milliseconds = timeout.timeoutMilliseconds
        _ = rd_kafka_AdminOptions_set_operation_timeout(options, milliseconds, &errorText, errorText.count)
        _ = rd_kafka_AdminOptions_set_request_timeout(options, milliseconds, &errorText, errorText.count)

        guard let queue = rd_kafka_queue_new(rk) else {
            throw KafkaError(code: .failure, message: "rd_kafka_queue_new failed")
        }
        defer { rd_kafka_queue_destroy(queue) }
        newTopics.withUnsafeMutableBufferPointer { buffer in
            rd_kafka_CreateTopics(rk, buffer.baseAddress, buffer.count, options, queue)
        }

        // The request times out by itself after `timeout`; the margin only guards against a lost event.
        let deadline = ContinuousClock.now + timeout + .seconds(5)
        var answer: OpaquePointer?
        while answer == nil {
            if isAbandoned() { throw KafkaError.shutDown("Kafka admin client") }
            guard ContinuousClock.now < deadline else {
                throw KafkaError(code: .timedOut, message: "CreateTopics: no answer within \(timeout)")
            }
            answer = rd_kafka_queue_poll(queue, 100)
        }
        guard let event = answer else { throw KafkaError.shutDown("Kafka admin client") }
        defer { rd_kafka_event_destroy(event) }
        let eventError = rd_kafka_event_error(event)
        guard eventError == RD_KAFKA_RESP_ERR_NO_ERROR else {
            let text = rd_kafka_event_error_string(event).map { String(cString: $0) } ?? ""
            throw KafkaError(eventError, message: "CreateTopics: \(text)")
        }
        guard let result = rd_kafka_event_CreateTopics_result(event) else {
            throw KafkaError(code: .failure, message: "CreateTopics: unexpected event type")
        }
        var count = 0
        guard let topicResults = rd_kafka_CreateTopics_result_topics(result, &count) else { return [:] }

        var outcomes: [String: KafkaTopicCreationResult] = [:]
        var firstError: KafkaError?
        for index in 0..<count {
            guard let topicResult = topicResults[index] else { continue }
            let name = String(cString: rd_kafka_topic_result_name(topicResult))
            let err = rd_kafka_topic_result_error(topicResult)
            switch err {
            case RD_KAFKA_RESP_ERR_NO_ERROR:
                outcomes[name] = .created
            case RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS:
                outcomes[name] = .alreadyExists
            default:
                let text = rd_kafka_topic_result_error_string(topicResult).map { String(cString: $0) }
                if firstError == nil {
                    firstError = KafkaError(err, message: "create topic \(name): \(text ?? KafkaError(err).message)")
                }
            }
        }
        if let firstError { throw firstError }
        return outcomes
    }
}
