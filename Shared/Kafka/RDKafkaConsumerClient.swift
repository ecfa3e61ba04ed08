internal import CRdKafka
internal import Dispatch
internal import Logging
internal import Synchronization

/// The consumer instance and the dedicated thread that owns every blocking call on it.
///
/// The thread sleeps until the application asks for the next batch (``submit(_:)``), then runs
/// `rd_kafka_consumer_poll` until it has at least one record (or is cancelled / closing), drains what is
/// immediately available up to the batch size and hands the batch over. Rebalance callbacks only run inside
/// those polls, so they never overlap with the application's processing of the previous batch. At close it
/// leaves the group (waiting at most ``KafkaConsumerConfiguration/leaveGroupTimeout``) and destroys the instance.
final class RDKafkaConsumerClient: Sendable {
    typealias Batch = Result<[KafkaConsumerMessage]?, KafkaError>

    /// One outstanding `next()` call.
    final class Request: Sendable {
        private let continuation: Mutex<CheckedContinuation<Batch, Never>?>
        let cancellation: Cancellation

        init(_ continuation: CheckedContinuation<Batch, Never>, cancellation: Cancellation) {
            self.continuation = Mutex(continuation)
            self.cancellation = cancellation
        }

        func finish(_ batch: Batch) {
            continuation.withLock { $0.take() }?.resume(returning: batch)
        }
    }

    /// The cancellation flag of one `next()` call (set by its task-cancellation handler).
    final class Cancellation: Sendable {
        private let flag = Atomic<Bool>(false)
        var isCancelled: Bool { flag.load(ordering: .relaxed) }
        func cancel() { flag.store(true, ordering: .relaxed) }
    }

    private enum CloseMode {
        case graceful(deadline: ContinuousClock.Instant)
        case immediate
    }

    private struct State {
        var pending: Request?
        var serving = false
        /// A batch was handed out and the application has not asked for the next one (nor dropped the
        /// iterator) yet: it is still processing.
        var batchOutstanding = false
        var closeMode: CloseMode?
        var closed = false
        var failure: KafkaError?
        /// Assigned partitions and the next offset the application will see (nil: "from the beginning",
        /// before the first record).
        var assignment: [KafkaTopicPartition: Int64?] = [:]
        /// Partitions revoked during the current poll (records of them already collected are dropped).
        var revokedDuringPoll: Set<KafkaTopicPartition> = []
        var closeWaiters: [CheckedContinuation<Void, Never>] = []
    }

    let handle: RDKafkaHandle
    private let logger: Logger
    private let maxBatchSize: Int
    private let gracePeriod: Duration
    private let leaveGroupTimeout: Duration
    private let offsetSource: KafkaConsumer.OffsetSource
    private let state = Mutex(State())
    private let wakeup = DispatchSemaphore(value: 0)

    init(
        configuration: KafkaConsumerConfiguration,
        logger: Logger,
        offsetSource: @escaping KafkaConsumer.OffsetSource
    ) throws(KafkaError) {
        guard !configuration.topics.isEmpty else {
            throw KafkaError(code: .invalidArgument, message: "a consumer needs at least one topic", isRetriable: false)
        }
        var logger = logger
        logger[metadataKey: "kafka.group"] = "\(configuration.groupID)"
        self.logger = logger
        self.maxBatchSize = max(1, configuration.maxBatchSize)
        self.gracePeriod = configuration.shutdownGracePeriod
        self.leaveGroupTimeout = configuration.leaveGroupTimeout
        self.offsetSource = offsetSource
        let context = RDKafkaCallbackContext(logger: logger)
        self.handle = try RDKafkaHandle(
            type: RD_KAFKA_CONSUMER,
            properties: configuration.librdkafkaProperties,
            context: context
        ) { conf in
            rd_kafka_conf_set_rebalance_cb(conf, RDKafkaCallbacks.rebalance)
        }
        let rk = handle.pointer
        // Serve error events (and rebalances) from the consumer queue, i.e. from our poll thread.
        rd_kafka_poll_set_consumer(rk)

        let list = rd_kafka_topic_partition_list_new(Int32(configuration.topics.count))
        defer { rd_kafka_topic_partition_list_destroy(list) }
        for topic in configuration.topics {
            rd_kafka_topic_partition_list_add(list, topic, RD_KAFKA_PARTITION_UA)
        }
        let err = rd_kafka_subscribe(rk, list)
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            let error = KafkaError(err, context: "subscribe to \(configuration.topics)")
            DedicatedThread.start(name: "kafka-consumer-destroy") { [handle] in handle.destroy() }
            throw error
        }

        context.onRebalance { [weak self] rk, event, partitions in
            guard let self else {
                RDKafkaTopicPartitionList.applyDefaultRebalance(rk, event, partitions)
                return
            }
            self.rebalance(rk, event, partitions)
        }
        context.onFatalError { [weak self] error in self?.fail(error) }
        DedicatedThread.start(name: "kafka-consumer-\(configuration.groupID)") { [self] in
            self.threadMain()
        }
    }

    // MARK: Application side

    /// Queues a `next()` request; the poll thread answers it.
    func submit(_ request: Request) {
        let immediate = state.withLock { state -> Batch? in
            if let failure = state.failure { return .failure(failure) }
            if state.closed || state.closeMode != nil { return .success(nil) }
            if state.pending != nil || state.serving {
                return .failure(
                    KafkaError(
                        code: .invalidState,
                        message: "KafkaConsumer.messages must be iterated by one task at a time",
                        isRetriable: false
                    )
                )
            }
            state.batchOutstanding = false
            state.pending = request
            return nil
        }
        if let immediate {
            request.finish(immediate)
        } else {
            wakeup.signal()
        }
    }

    /// The application dropped its iterator: it is no longer processing a batch.
    func iteratorReleased() {
        state.withLock { $0.batchOutstanding = false }
        wakeup.signal()
    }

    /// Wakes the poll thread (after a cancellation flag was set).
    func nudge() {
        wakeup.signal()
    }

    /// Requests a close: a graceful one waits (up to the grace period) for the application to finish the
    /// batch it is processing; an immediate one does not. Idempotent; immediate wins.
    func requestClose(graceful: Bool) {
        state.withLock { state in
            switch (state.closeMode, graceful) {
            case (nil, true): state.closeMode = .graceful(deadline: .now + gracePeriod)
            case (_, false): state.closeMode = .immediate
            default: break
            }
        }
        wakeup.signal()
    }

    /// Suspends until the consumer left the group and was destroyed; throws the error that stopped it, if any.
    func waitUntilClosed() async throws(KafkaError) {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state -> Bool in
                if state.closed { return true }
                state.closeWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
        if let failure = state.withLock({ $0.failure }) { throw failure }
    }

    /// The current assignment with the next offset per partition (nil: from the beginning, nothing read yet).
    var assignment: [KafkaTopicPartition: Int64?] {
        state.withLock { $0.assignment }
    }

    private func fail(_ error: KafkaError) {
        state.withLock { state in
            if state.failure == nil { state.failure = error }
        }
        wakeup.signal()
    }

    // MARK: Poll thread

    private enum Action {
        case serve(Request)
        case close
        case idle
    }

    private func threadMain() {
        while true {
            let action = state.withLock { state -> Action in
                if let request = state.pending {
                    state.pending = nil
                    state.serving = true
                    return .serve(request)
                }
                if state.failure != nil { return .close }
                switch state.closeMode {
                case .immediate?:
                    return .close
                case .graceful(let deadline)?:
                    return !state.batchOutstanding || ContinuousClock.now >= deadline ? .close : .idle
                case nil:
                    return .idle
                }
            }
            switch action {
            case .idle:
                _ = wakeup.wait(timeout: .now() + .milliseconds(100))
            case .serve(let request):
                let batch = serve(request)
                state.withLock { state in
                    state.serving = false
                    if case .success(let messages?) = batch, !messages.isEmpty { state.batchOutstanding = true }
                }
                request.finish(batch)
            case .close:
                close()
                return
            }
        }
    }

    private func shouldStopPolling(_ request: Request) -> Bool {
        request.cancellation.isCancelled || state.withLock { $0.closeMode != nil || $0.failure != nil }
    }

    private func serve(_ request: Request) -> Batch {
        let rk = handle.pointer
        var batch: [KafkaConsumerMessage] = []
        var topicNames: [OpaquePointer: String] = [:]
        state.withLock { $0.revokedDuringPoll = [] }

        func pollOnce(timeoutMilliseconds: Int32) -> Bool {
            let message = rd_kafka_consumer_poll(rk, timeoutMilliseconds)
            dropRevoked(from: &batch)
            guard let message else { return false }
            defer { rd_kafka_message_destroy(message) }
            if message.pointee.err != RD_KAFKA_RESP_ERR_NO_ERROR {
                report(message)
                return true
            }
            batch.append(Self.convert(message, topicNames: &topicNames))
            return true
        }

        while batch.isEmpty && !shouldStopPolling(request) {
            _ = pollOnce(timeoutMilliseconds: 100)
        }
        while !batch.isEmpty && batch.count < maxBatchSize && pollOnce(timeoutMilliseconds: 0) {}

        return state.withLock { state -> Batch in
            if let failure = state.failure { return .failure(failure) }
            if batch.isEmpty { return .success(nil) }
            for message in batch where state.assignment[message.topicPartition] != nil {
                state.assignment[message.topicPartition] = message.offset + 1
            }
            return .success(batch)
        }
    }

    private func dropRevoked(from batch: inout [KafkaConsumerMessage]) {
        let revoked = state.withLock { state -> Set<KafkaTopicPartition> in
            defer { state.revokedDuringPoll = [] }
            return state.revokedDuringPoll
        }
        if !revoked.isEmpty {
            batch.removeAll { revoked.contains($0.topicPartition) }
        }
    }

    private func report(_ message: UnsafeMutablePointer<rd_kafka_message_t>) {
        let err = message.pointee.err
        let text = String(cString: rd_kafka_message_errstr(message))
        if err == RD_KAFKA_RESP_ERR__FATAL {
            fail(KafkaError.fatalError(of: handle.pointer) ?? KafkaError(err, message: text))
            return
        }
        let topic = message.pointee.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? "-"
        logger.warning(
            "Kafka consumer error \(KafkaError.Code(rawValue: err.rawValue).name): \(text)",
            metadata: ["kafka.topic": "\(topic)", "kafka.partition": "\(message.pointee.partition)"]
        )
    }

    private static func convert(
        _ message: UnsafeMutablePointer<rd_kafka_message_t>,
        topicNames: inout [OpaquePointer: String]
    ) -> KafkaConsumerMessage {
        let record = message.pointee
        var topic = ""
        if let rkt = record.rkt {
            if let known = topicNames[rkt] {
                topic = known
            } else {
                topic = String(cString: rd_kafka_topic_name(rkt))
                topicNames[rkt] = topic
            }
        }
        let key = record.key.map { Array(UnsafeRawBufferPointer(start: $0, count: record.key_len)) }
        let value = record.payload.map { Array(UnsafeRawBufferPointer(start: $0, count: record.len)) } ?? []

        var headers: [KafkaHeader] = []
        var headerList: OpaquePointer?
        if rd_kafka_message_headers(message, &headerList) == RD_KAFKA_RESP_ERR_NO_ERROR, let headerList {
            var index = 0
            var name: UnsafePointer<CChar>?
            var bytes: UnsafeRawPointer?
            var size = 0
            while rd_kafka_header_get_all(headerList, index, &name, &bytes, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
                let headerName = name.map { String(cString: $0) } ?? ""
                let headerValue = bytes.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) }
                headers.append(KafkaHeader(name: headerName, value: headerValue))
                index += 1
            }
        }

        var timestampType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let milliseconds = rd_kafka_message_timestamp(message, &timestampType)
        let timestamp: KafkaTimestamp? =
            switch timestampType {
            case RD_KAFKA_TIMESTAMP_CREATE_TIME: KafkaTimestamp(millisecondsSinceEpoch: milliseconds, kind: .createTime)
            case RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME: KafkaTimestamp(millisecondsSinceEpoch: milliseconds, kind: .logAppendTime)
            default: nil
            }

        return KafkaConsumerMessage(
            topicPartition: KafkaTopicPartition(topic: topic, partition: record.partition),
            offset: record.offset,
            key: key,
            value: value,
            headers: headers,
            timestamp: timestamp
        )
    }

    /// The rebalance callback (on the poll thread, inside `rd_kafka_consumer_poll` or `_close`).
    private func rebalance(
        _ rk: OpaquePointer,
        _ event: rd_kafka_resp_err_t,
        _ partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>
    ) {
        let changed = RDKafkaTopicPartitionList.partitions(of: partitions)
        // Asked first, while the group waits for this callback: once the unassignment of a closing consumer is done
        // the group terminates, and a later question would never be answered (a close that hung forever, holding
        // the state lock, seen in CI). Nothing below calls librdkafka inside the state lock.
        let cooperative = RDKafkaTopicPartitionList.isCooperative(rk)
        switch event {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            let source = offsetSource
            let answer = DedicatedThread.blockingAwait { try await source(changed) }
            switch answer {
            case .success(let offsets):
                RDKafkaTopicPartitionList.setOffsets(offsets, in: partitions)
                if let error = RDKafkaTopicPartitionList.applyDefaultRebalance(
                    rk, event, partitions, cooperative: cooperative)
                {
                    logger.error("Kafka consumer could not assign \(changed): \(error)")
                    fail(error)
                    return
                }
                state.withLock { state in
                    for partition in changed {
                        state.assignment[partition] = .some(offsets[partition])
                    }
                }
                logger.info(
                    "Kafka consumer assigned partitions",
                    metadata: [
                        "kafka.partitions": "\(changed.sorted().map { "\($0)@\(offsets[$0].map(String.init) ?? "beginning")" })"
                    ]
                )
            case .failure(let error):
                // Without the application's offsets the partitions cannot be read correctly. Stop: the
                // consumer closes and leaves the group, so the partitions move to a healthy member.
                logger.error("Kafka consumer offset source failed for \(changed): \(error)")
                fail(
                    KafkaError(
                        code: .failure,
                        message: "the offset source failed for \(changed): \(error)",
                        isRetriable: true
                    )
                )
                if !cooperative {
                    rd_kafka_assign(rk, nil)
                }
            }
        default:
            if event == RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS {
                if rd_kafka_assignment_lost(rk) != 0 {
                    logger.warning("Kafka consumer lost its assignment \(changed) (session timed out?)")
                } else {
                    logger.info("Kafka consumer revoked partitions", metadata: ["kafka.partitions": "\(changed.sorted())"])
                }
            } else {
                logger.error("Kafka consumer rebalance error \(KafkaError.Code(rawValue: event.rawValue).name)")
            }
            if let error = RDKafkaTopicPartitionList.applyDefaultRebalance(
                rk, RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS, partitions, cooperative: cooperative)
            {
                logger.error("Kafka consumer could not unassign \(changed): \(error)")
            }
            state.withLock { state in
                if cooperative {
                    for partition in changed { state.assignment[partition] = nil }
                } else {
                    state.assignment = [:]
                }
                state.revokedDuringPoll.formUnion(changed)
            }
        }
    }

    /// How long destroying the instance may take once the consumer left its group (or gave up leaving).
    static let destroyTimeout = Duration.seconds(3)

    private func close() {
        handle.close()
        // Leaving and destroying run on a thread of their own, watched with a limit: a close that blocked without end
        // (a request the terminated group never answered, see `rebalance`) kept a service from finishing its shutdown.
        // Past the limit the instance is left behind: the application's offsets are in its database and the group
        // either was left or expires the member, so nothing is lost.
        let done = DispatchSemaphore(value: 0)
        let step = Mutex("leaving the group")
        DedicatedThread.start(name: "kafka-consumer-close") { [self] in
            let left = leaveGroup()
            step.withLock { $0 = left ? "destroying the instance" : "destroying the instance without leaving" }
            // A consumer that did not manage to leave must not try again inside rd_kafka_destroy (which would block
            // without bound); the group coordinator then expires the member after the session timeout.
            handle.destroy(flags: left ? 0 : RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE)
            done.signal()
        }
        let limit = leaveGroupTimeout + Self.destroyTimeout
        if done.wait(timeout: .now() + .milliseconds(limit.milliseconds)) == .timedOut {
            logger.error(
                "Kafka consumer \(handle.name) did not finish closing within \(limit); leaving librdkafka's instance behind",
                metadata: ["kafka.close_step": "\(step.withLock { $0 })"]
            )
        }
        let (pending, waiters) = state.withLock { state in
            state.closed = true
            state.assignment = [:]
            defer {
                state.pending = nil
                state.closeWaiters = []
            }
            return (state.pending, state.closeWaiters)
        }
        pending?.finish(state.withLock { $0.failure }.map { .failure($0) } ?? .success(nil))
        for waiter in waiters {
            waiter.resume()
        }
        logger.debug("Kafka consumer \(handle.name) closed")
    }

    /// Leaves the group (revoking the assignment through the rebalance callback, committing nothing: offsets
    /// live in the application's database) within ``leaveGroupTimeout``. A plain `rd_kafka_consumer_close`
    /// waits as long as the coordinator takes to answer; a broker under load (or gone) would then hold a
    /// graceful shutdown hostage until the process is killed. Answers whether the consumer left in time.
    private func leaveGroup() -> Bool {
        let rk = handle.pointer
        guard let queue = rd_kafka_queue_new(rk) else { return false }
        defer { rd_kafka_queue_destroy(queue) }
        if let error = rd_kafka_consumer_close_queue(rk, queue) {
            logger.warning("Kafka consumer close: \(KafkaError(consuming: error))")
            return false
        }
        let deadline = ContinuousClock.now + leaveGroupTimeout
        while rd_kafka_consumer_closed(rk) == 0 {
            guard ContinuousClock.now < deadline else {
                logger.warning(
                    "Kafka consumer did not leave its group within \(leaveGroupTimeout); the coordinator will expire it"
                )
                return false
            }
            // The close queue carries the group's ops as events: serve a revocation through the same handler the
            // rebalance callback uses; anything else (errors, the close itself) needs no answer.
            guard let event = rd_kafka_queue_poll(queue, 100) else { continue }
            defer { rd_kafka_event_destroy(event) }
            if rd_kafka_event_type(event) == RD_KAFKA_EVENT_REBALANCE,
                let partitions = rd_kafka_event_topic_partition_list(event)
            {
                rebalance(rk, rd_kafka_event_error(event), partitions)
            }
        }
        return true
    }
}
