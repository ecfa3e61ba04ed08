internal import CRdKafka
internal import Logging
internal import Synchronization

/// The object behind librdkafka's `opaque` pointer: what the C callbacks (log, error, delivery, rebalance)
/// need. It is retained from `rd_kafka_new` until `rd_kafka_destroy` has returned, so callbacks on
/// librdkafka's internal threads can never see a dangling pointer.
final class RDKafkaCallbackContext: Sendable {
    /// Handles a rebalance event on the consumer's poll thread.
    typealias RebalanceHandler = @Sendable (
        _ handle: OpaquePointer,
        _ event: rd_kafka_resp_err_t,
        _ partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>
    ) -> Void

    let logger: Logger
    /// Holds back repeats of librdkafka's warnings and errors (reconnect storms).
    let repeats = RepeatedLogFilter()
    private let fatalHandler = Mutex<(@Sendable (KafkaError) -> Void)?>(nil)
    private let rebalanceHandler = Mutex<RebalanceHandler?>(nil)

    init(logger: Logger) {
        self.logger = logger
    }

    /// Installs the function told about a fatal client error (called at most once per error event).
    func onFatalError(_ handler: (@Sendable (KafkaError) -> Void)?) {
        fatalHandler.withLock { $0 = handler }
    }

    /// Installs (or, with `nil`, removes) the consumer's rebalance handler.
    func onRebalance(_ handler: RebalanceHandler?) {
        rebalanceHandler.withLock { $0 = handler }
    }

    func reportFatal(_ error: KafkaError) {
        let handler = fatalHandler.withLock { $0 }
        handler?(error)
    }

    func rebalance(
        _ handle: OpaquePointer,
        _ event: rd_kafka_resp_err_t,
        _ partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>
    ) -> Bool {
        guard let handler = rebalanceHandler.withLock({ $0 }) else { return false }
        handler(handle, event, partitions)
        return true
    }

    /// The context behind a client handle's opaque pointer.
    static func of(_ handle: OpaquePointer) -> RDKafkaCallbackContext? {
        guard let opaque = rd_kafka_opaque(handle) else { return nil }
        return Unmanaged<RDKafkaCallbackContext>.fromOpaque(opaque).takeUnretainedValue()
    }
}
