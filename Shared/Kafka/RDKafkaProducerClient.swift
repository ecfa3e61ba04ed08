internal import CRdKafka
internal import Logging
internal import Synchronization

/// The producer instance, its delivery-report thread and its shutdown sequence.
///
/// A dedicated thread calls `rd_kafka_poll` in a loop, which runs the delivery-report callback that
/// completes the waiting ``DeliveryCollector``s. Enqueueing happens on the caller's task (non-blocking).
/// At shutdown the same thread flushes (bounded by the flush timeout), purges what is left so every waiting
/// sender gets an answer, and destroys the instance.
final class RDKafkaProducerClient: Sendable {
    let handle: RDKafkaHandle
    private let logger: Logger
    private let flushTimeout: Duration

    private struct State {
        var stopRequested = false
        var fatalError: KafkaError?
        var terminated = false
        var terminationWaiters: [CheckedContinuation<Void, Never>] = []
        var collectors: [ObjectIdentifier: DeliveryCollector] = [:]
    }

    private let state = Mutex(State())
    private let stopFlag = Atomic<Bool>(false)

    init(configuration: KafkaProducerConfiguration, logger: Logger) throws(KafkaError) {
        var logger = logger
        logger[metadataKey: "kafka.client"] = "\(configuration.clientID)"
        self.logger = logger
        self.flushTimeout = configuration.flushTimeout
        let context = RDKafkaCallbackContext(logger: logger)
        self.handle = try RDKafkaHandle(
            type: RD_KAFKA_PRODUCER,
            properties: configuration.librdkafkaProperties,
            context: context
        ) { conf in
            rd_kafka_conf_set_dr_msg_cb(conf, Self.deliveryReport)
        }
        context.onFatalError { [weak self] error in self?.requestStop(fatalError: error) }
        DedicatedThread.start(name: "kafka-producer-\(configuration.clientID)") { [self] in
            self.pollLoop()
        }
    }

    // MARK: Enqueueing

    enum EnqueueOutcome {
        /// Every message from the start index on was handed to librdkafka (or failed permanently).
        case done
        /// The local queue is full at this index; wait for delivery reports and retry from it.
        case queueFull(at: Int)
    }

    /// Enqueues `messages[start...]` until done or the local queue is full. Messages that cannot be enqueued
    /// for another reason get their failure recorded in `collector`.
    func enqueue(
        _ messages: [KafkaProducerMessage],
        from start: Int,
        into collector: DeliveryCollector
    ) throws(KafkaError) -> EnqueueOutcome {
        try handle.withLease { (rk: OpaquePointer) -> EnqueueOutcome in
            for index in start..<messages.count {
                let err = Self.produce(messages[index], on: rk, ticket: DeliveryTicket(collector: collector, index: index))
                if err == RD_KAFKA_RESP_ERR_NO_ERROR { continue }
                if err == RD_KAFKA_RESP_ERR__QUEUE_FULL { return .queueFull(at: index) }
                let error: KafkaError
                if err == RD_KAFKA_RESP_ERR__FATAL, let fatal = KafkaError.fatalError(of: rk) {
                    error = fatal
                } else {
                    error = KafkaError(err, context: "cannot enqueue message for topic \(messages[index].topic)")
                }
                collector.complete(index, .failure(error))
            }
            return .done
        }
    }

    private static func produce(_ message: KafkaProducerMessage, on rk: OpaquePointer, ticket: DeliveryTicket) -> rd_kafka_resp_err_t {
        var headers: OpaquePointer?
        if !message.headers.isEmpty {
            headers = rd_kafka_headers_new(message.headers.count)
            for header in message.headers {
                if let value = header.value {
                    value.withNonNullBytes { bytes, count in
                        _ = rd_kafka_header_add(headers, header.name, -1, bytes, count)
                    }
                } else {
                    _ = rd_kafka_header_add(headers, header.name, -1, nil, 0)
                }
            }
        }
        let opaque = Unmanaged.passRetained(ticket).toOpaque()
        let partition = message.partition ?? RD_KAFKA_PARTITION_UA
        let err = message.topic.withCString { topic in
            message.value.withNonNullBytes { value, valueCount in
                if let key = message.key {
                    return key.withNonNullBytes { key, keyCount in
                        asn_rd_kafka_produce(rk, topic, partition, key, keyCount, value, valueCount, headers, opaque)
                    }
                }
                return asn_rd_kafka_produce(rk, topic, partition, nil, 0, value, valueCount, headers, opaque)
            }
        }
        if err != RD_KAFKA_RESP_ERR_NO_ERROR {
            // Not enqueued: librdkafka took ownership of neither the ticket nor the headers.
            Unmanaged<DeliveryTicket>.fromOpaque(opaque).release()
            if let headers { rd_kafka_headers_destroy(headers) }
        }
        return err
    }

    /// The delivery-report callback, run by `rd_kafka_poll` on the poll thread.
    private static let deliveryReport:
        @convention(c) (OpaquePointer?, UnsafePointer<rd_kafka_message_t>?, UnsafeMutableRawPointer?) -> Void = {
            rk, message, _ in
            guard let message, let opaque = message.pointee._private else { return }
            let ticket = Unmanaged<DeliveryTicket>.fromOpaque(opaque).takeRetainedValue()
            let record = message.pointee
            let topic = record.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
            if record.err == RD_KAFKA_RESP_ERR_NO_ERROR {
                var timestampType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
                let milliseconds = rd_kafka_message_timestamp(message, &timestampType)
                let timestamp: KafkaTimestamp? =
                    switch timestampType {
                    case RD_KAFKA_TIMESTAMP_CREATE_TIME: KafkaTimestamp(millisecondsSinceEpoch: milliseconds, kind: .createTime)
                    case RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME:
                        KafkaTimestamp(millisecondsSinceEpoch: milliseconds, kind: .logAppendTime)
                    default: nil
                    }
                let report = KafkaDeliveryReport(
                    topicPartition: KafkaTopicPartition(topic: topic, partition: record.partition),
                    offset: record.offset,
                    timestamp: timestamp
                )
                ticket.collector.complete(ticket.index, .success(report))
            } else {
                var error = KafkaError(record.err, context: "delivery to topic \(topic) failed")
                if record.err == RD_KAFKA_RESP_ERR__FATAL, let rk, let fatal = KafkaError.fatalError(of: rk) {
                    error = fatal
                }
                ticket.collector.complete(ticket.index, .failure(error))
            }
        }

    // MARK: Outstanding batches

    /// Registers a batch so that it is failed rather than forgotten if the instance is destroyed before all
    /// its reports arrived. Returns `false` if the producer is already shut down.
    func register(_ collector: DeliveryCollector) -> Bool {
        state.withLock { state in
            guard !state.terminated else { return false }
            state.collectors[ObjectIdentifier(collector)] = collector
            return true
        }
    }

    func deregister(_ collector: DeliveryCollector) {
        _ = state.withLock { $0.collectors.removeValue(forKey: ObjectIdentifier(collector)) }
    }

    // MARK: Lifecycle

    /// Asks the poll thread to flush and destroy the instance (idempotent).
    func requestStop(fatalError: KafkaError? = nil) {
        state.withLock { state in
            state.stopRequested = true
            if state.fatalError == nil { state.fatalError = fatalError }
        }
        stopFlag.store(true, ordering: .releasing)
    }

    /// Suspends until the instance is destroyed; throws the fatal error that stopped it, if any.
    func waitUntilTerminated() async throws(KafkaError) {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state -> Bool in
                if state.terminated { return true }
                state.terminationWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
        if let fatal = state.withLock({ $0.fatalError }) { throw fatal }
    }

    private func pollLoop() {
        let rk = handle.pointer
        while !stopFlag.load(ordering: .acquiring) {
            rd_kafka_poll(rk, 100)
        }

        // No new enqueues from here on; wait for the ones in progress.
        handle.close()
        let pending = rd_kafka_outq_len(rk)
        if pending > 0 {
            logger.debug("Kafka producer flushing \(pending) outstanding messages")
        }
        let flushResult = rd_kafka_flush(rk, flushTimeout.timeoutMilliseconds)
        if flushResult != RD_KAFKA_RESP_ERR_NO_ERROR {
            let left = rd_kafka_outq_len(rk)
            logger.warning("Kafka producer flush timed out; purging \(left) outstanding messages")
            rd_kafka_purge(rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT)
            let deadline = ContinuousClock.now + .seconds(5)
            while rd_kafka_outq_len(rk) > 0 && ContinuousClock.now < deadline {
                rd_kafka_poll(rk, 50)
            }
        }
        rd_kafka_poll(rk, 0)
        handle.destroy()

        let (waiters, collectors) = state.withLock { state in
            state.terminated = true
            defer {
                state.terminationWaiters = []
                state.collectors = [:]
            }
            return (state.terminationWaiters, Array(state.collectors.values))
        }
        let gone = KafkaError.shutDown("Kafka producer \(handle.name)")
        for collector in collectors {
            collector.failPending(gone)
        }
        for waiter in waiters {
            waiter.resume()
        }
        logger.debug("Kafka producer \(handle.name) shut down")
    }
}
