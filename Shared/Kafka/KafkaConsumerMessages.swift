/// The batches of a ``KafkaConsumer`` (see ``KafkaConsumer/messages``).
///
/// Each call to `next()` polls Kafka on the consumer's own thread until at least one record is available,
/// then returns everything immediately available up to the batch size. Between two calls nothing is polled.
public struct KafkaConsumerMessages: AsyncSequence, Sendable {
    public typealias Element = [KafkaConsumerMessage]
    public typealias Failure = KafkaError

    let client: RDKafkaConsumerClient

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(lifetime: IteratorLifetime(client: client))
    }

    /// Iterates the batches; see ``KafkaConsumerMessages``.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let lifetime: IteratorLifetime

        /// The next batch, or `nil` once the consumer is shut down or the task is cancelled.
        public mutating func next() async throws(KafkaError) -> [KafkaConsumerMessage]? {
            try await next(isolation: nil)
        }

        /// The next batch, or `nil` once the consumer is shut down or the task is cancelled.
        public mutating func next(isolation actor: isolated (any Actor)?) async throws(KafkaError) -> [KafkaConsumerMessage]? {
            let client = lifetime.client
            let cancellation = RDKafkaConsumerClient.Cancellation()
            let batch = await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<RDKafkaConsumerClient.Batch, Never>) in
                    client.submit(RDKafkaConsumerClient.Request(continuation, cancellation: cancellation))
                }
            } onCancel: {
                cancellation.cancel()
                client.nudge()
            }
            return try batch.get()
        }
    }

    /// Tells the consumer when the iterator is gone, i.e. the application no longer processes a batch.
    final class IteratorLifetime: Sendable {
        let client: RDKafkaConsumerClient

        init(client: RDKafkaConsumerClient) {
            self.client = client
        }

        deinit {
            client.iteratorReleased()
        }
    }
}
