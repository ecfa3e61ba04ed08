public import Logging
public import ServiceLifecycle

/// Publishes records to Kafka and reports, per record, the broker's acknowledgement.
///
/// `send` returns only after the delivery report: with the default configuration (idempotent, `acks=all`)
/// a successful return means the record is durably stored, so a transactional outbox may mark it published.
///
/// The producer is a swift-service-lifecycle `Service`. It is usable right after `init` (its
/// delivery-report thread starts immediately); ``run()`` waits for graceful shutdown or cancellation, then
/// flushes outstanding records (bounded by ``KafkaProducerConfiguration/flushTimeout``), fails whatever is
/// left with a retriable error, and destroys the librdkafka instance. Add it to the `ServiceGroup` *before*
/// the services that send through it, so it shuts down after them.
///
/// ```swift
/// let producer = try KafkaProducer(configuration: .init(bootstrapServers: ["127.0.0.1:9092"]), logger: logger)
/// let report = try await producer.send(KafkaProducerMessage(topic: "t", key: "k", value: payload))
/// ```
public final class KafkaProducer: Service, Sendable {
    let client: RDKafkaProducerClient
    private let logger: Logger

    /// Creates the librdkafka producer instance and starts its delivery-report thread.
    ///
    /// - Throws: ``KafkaError`` with code ``KafkaError/Code/invalidArgument`` for an invalid configuration.
    public init(configuration: KafkaProducerConfiguration, logger: Logger) throws(KafkaError) {
        self.logger = logger
        self.client = try RDKafkaProducerClient(configuration: configuration, logger: logger)
    }

    deinit {
        // Never run (or still running): make sure the thread flushes and the instance is destroyed.
        client.requestStop()
    }

    /// Publishes one record and waits for its delivery report.
    ///
    /// A full local queue is not an error: the call waits until there is room. Once the record is enqueued
    /// the call waits for its report even if the task is cancelled (the report arrives within the delivery
    /// timeout at the latest).
    ///
    /// - Returns: where the broker stored the record.
    /// - Throws: ``KafkaError`` from the delivery report (e.g. ``KafkaError/Code/messageTimedOut``,
    ///   ``KafkaError/Code/invalidTopic``), from enqueueing (e.g. ``KafkaError/Code/messageSizeTooLarge``),
    ///   ``KafkaError/Code/destroyed`` after shutdown or ``KafkaError/Code/cancelled`` if the task was cancelled
    ///   before the record could be enqueued.
    public func send(_ message: KafkaProducerMessage) async throws(KafkaError) -> KafkaDeliveryReport {
        try await send(batch: [message])[0].get()
    }

    /// Publishes many records: enqueues all of them first (waiting whenever the local queue is full), then
    /// waits for every delivery report.
    ///
    /// Records with the same key keep their relative order (the idempotent producer preserves order within a
    /// partition even across retries).
    ///
    /// - Returns: one result per input record, in input order. Failures are ``KafkaError`` values as for
    ///   ``send(_:)``; if the task is cancelled, records not yet enqueued fail with
    ///   ``KafkaError/Code/cancelled`` while enqueued ones still get their real report.
    public func send(batch messages: [KafkaProducerMessage]) async -> [Result<KafkaDeliveryReport, KafkaError>] {
        guard !messages.isEmpty else { return [] }
        let collector = DeliveryCollector(count: messages.count)
        guard client.register(collector) else {
            return Array(repeating: .failure(.shutDown("Kafka producer")), count: messages.count)
        }
        defer { client.deregister(collector) }

        var next = 0
        var backoffMilliseconds = 1
        enqueueing: while next < messages.count {
            if Task.isCancelled {
                collector.failPending(.cancelled("Kafka send"), from: next)
                break
            }
            do {
                switch try client.enqueue(messages, from: next, into: collector) {
                case .done:
                    break enqueueing
                case .queueFull(let index):
                    if index > next { backoffMilliseconds = 1 }
                    next = index
                    // librdkafka's queue is full: let the poll thread drain delivery reports, then retry.
                    try? await Task.sleep(for: .milliseconds(backoffMilliseconds))
                    backoffMilliseconds = min(backoffMilliseconds * 2, 50)
                }
            } catch {
                collector.failPending(error, from: next)
                break
            }
        }
        return await collector.wait()
    }

    /// Checks that a broker answers a metadata request within `timeout` (for readiness probes). Runs on a
    /// dedicated thread; it does not block the caller's executor.
    ///
    /// - Throws: ``KafkaError`` (typically ``KafkaError/Code/transport`` or ``KafkaError/Code/timedOut``) if
    ///   no broker answered, or ``KafkaError/Code/destroyed`` after shutdown.
    public func checkBrokerConnection(timeout: Duration = .seconds(2)) async throws(KafkaError) {
        _ = try await RDKafkaMetadata.fetch(handle: client.handle, allTopics: false, timeout: timeout).get()
    }

    /// Runs until graceful shutdown or task cancellation, then flushes and destroys the producer.
    ///
    /// - Throws: the ``KafkaError`` with ``KafkaError/isFatal`` set if librdkafka raised a fatal error
    ///   (the producer stops itself then, so the service group can react).
    public func run() async throws {
        try await withTaskCancellationOrGracefulShutdownHandler {
            try await client.waitUntilTerminated()
        } onCancelOrGracefulShutdown: { [client] in
            client.requestStop()
        }
    }
}
