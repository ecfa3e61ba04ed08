public import Logging
public import ServiceLifecycle

/// Reads records of a consumer group in batches, starting every assigned partition at the offset the
/// application stored itself.
///
/// Offsets are owned by the application (stored in its database in the same transaction as the effects of
/// the records), never committed to Kafka. Whenever the group assigns partitions to this member, the consumer
/// asks the `offsets` source where to start; partitions missing from the answer start at the beginning.
///
/// Records are delivered through ``messages`` with back-pressure: nothing is polled until the application
/// asks for the next batch, so a rebalance can never happen while it is still processing the previous one.
///
/// The consumer is a swift-service-lifecycle `Service`: ``run()`` waits for graceful shutdown (then lets the
/// application finish its current batch, ends ``messages`` and leaves the group) or cancellation (leaves the
/// group at once).
///
/// ```swift
/// let consumer = try KafkaConsumer(configuration: config, logger: logger) { partitions in
///     try await database.storedOffsets(for: partitions)
/// }
/// // in another service / task:
/// for try await batch in consumer.messages {
///     try await database.apply(batch) // one transaction: effects + next offset per partition
/// }
/// ```
public final class KafkaConsumer: Service, Sendable {
    /// Answers, for newly assigned partitions, the next offset to read (the offset after the last record the
    /// application processed). A partition missing from the answer starts at its beginning. If it throws,
    /// the consumer stops (leaves the group, ``messages`` and ``run()`` throw) so another member can take
    /// over; retry transient failures inside the closure if that is not wanted.
    public typealias OffsetSource = @Sendable ([KafkaTopicPartition]) async throws -> [KafkaTopicPartition: Int64]

    let client: RDKafkaConsumerClient

    /// Creates the consumer and subscribes to the configured topics. The group is joined with the first
    /// request for a batch.
    ///
    /// - Throws: ``KafkaError`` for an invalid configuration or a failed subscription.
    public init(
        configuration: KafkaConsumerConfiguration,
        logger: Logger,
        offsets: @escaping OffsetSource
    ) throws(KafkaError) {
        client = try RDKafkaConsumerClient(configuration: configuration, logger: logger, offsetSource: offsets)
    }

    deinit {
        client.requestClose(graceful: false)
    }

    /// The records, as non-empty batches of at most ``KafkaConsumerConfiguration/maxBatchSize`` records.
    ///
    /// Iterate it from one task at a time. The sequence ends (returns `nil`) when the consumer shuts down or
    /// the iterating task is cancelled; it throws ``KafkaError`` if the consumer failed (fatal client error or
    /// a failing offset source).
    public var messages: KafkaConsumerMessages {
        KafkaConsumerMessages(client: client)
    }

    /// Runs until graceful shutdown or task cancellation, then closes the consumer (leaving the group).
    ///
    /// On graceful shutdown the close waits up to ``KafkaConsumerConfiguration/shutdownGracePeriod`` for the
    /// application to finish the batch it is processing.
    ///
    /// - Throws: the ``KafkaError`` that stopped the consumer early (fatal error, failing offset source).
    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await withTaskCancellationHandler {
                try await client.waitUntilClosed()
            } onCancel: { [client] in
                client.requestClose(graceful: false)
            }
        } onGracefulShutdown: { [client] in
            client.requestClose(graceful: true)
        }
    }

    /// Closes the consumer outside a service group: waits for the application to finish its batch if
    /// `graceful` (bounded by the grace period), leaves the group and destroys the instance.
    public func close(graceful: Bool = true) async throws {
        client.requestClose(graceful: graceful)
        try await client.waitUntilClosed()
    }
}
