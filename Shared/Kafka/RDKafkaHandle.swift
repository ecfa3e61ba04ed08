internal import CRdKafka
internal import Synchronization

/// An `rd_kafka_t` instance plus the bookkeeping that makes it safe to share.
///
/// Callers that touch the handle from arbitrary tasks (enqueueing, metadata, watermarks) take a *lease*;
/// the owning thread closes the handle by refusing new leases, waiting for the current ones to end and only
/// then calling `rd_kafka_destroy`. So no call can ever race with the destruction of the instance.
final class RDKafkaHandle: @unchecked Sendable {
    // @unchecked: `pointer` is an immutable C pointer whose validity is guarded by `state` (see above);
    // librdkafka's API is thread-safe for the calls made under a lease.

    /// The instance. Valid until ``destroy()``; outside the owning thread use it only inside a lease.
    let pointer: OpaquePointer
    /// The callbacks' state; released after `rd_kafka_destroy`.
    let context: RDKafkaCallbackContext
    /// `client.id`, for messages.
    let name: String

    private struct State {
        var isClosed = false
        var leases = 0
        var isDestroyed = false
    }

    private let state = Mutex(State())

    /// Creates an instance of `type`. `configure` may install further callbacks on the configuration.
    init(
        type: rd_kafka_type_t,
        properties: [String: String],
        context: RDKafkaCallbackContext,
        configure: (OpaquePointer) -> Void = { _ in }
    ) throws(KafkaError) {
        let conf = try RDKafkaConfiguration.make(properties)
        rd_kafka_conf_set_log_cb(conf, RDKafkaCallbacks.log)
        rd_kafka_conf_set_error_cb(conf, RDKafkaCallbacks.error)
        configure(conf)
        let opaque = Unmanaged.passRetained(context)
        rd_kafka_conf_set_opaque(conf, opaque.toOpaque())

        var errorText = [CChar](repeating: 0, count: 512)
        guard let handle = rd_kafka_new(type, conf, &errorText, errorText.count) else {
            // On failure the configuration is still ours.
            rd_kafka_conf_destroy(conf)
            opaque.release()
            let reason = errorText.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            throw KafkaError(code: .invalidArgument, message: "rd_kafka_new failed: \(reason)", isRetriable: false)
        }
        self.pointer = handle
        self.context = context
        self.name = properties["client.id"] ?? "rdkafka"
    }

    /// Runs `body` with the handle unless the instance is closing; the instance cannot be destroyed while
    /// `body` runs. Keep `body` short unless you run on a dedicated thread.
    func withLease<T>(_ body: (OpaquePointer) throws(KafkaError) -> T) throws(KafkaError) -> T {
        let acquired = state.withLock { state -> Bool in
            guard !state.isClosed else { return false }
            state.leases += 1
            return true
        }
        guard acquired else { throw KafkaError.shutDown("Kafka client \(name)") }
        defer { state.withLock { $0.leases -= 1 } }
        return try body(pointer)
    }

    /// Whether ``close()`` has been called.
    var isClosed: Bool {
        state.withLock { $0.isClosed }
    }

    /// Refuses new leases and blocks until the current ones ended. Call on a dedicated thread.
    func close() {
        state.withLock { $0.isClosed = true }
        while state.withLock({ $0.leases }) > 0 {
            DedicatedThread.sleep(milliseconds: 1)
        }
    }

    /// Closes (if not yet done), destroys the instance and releases the callback context. Call exactly once,
    /// on a dedicated thread.
    /// `flags` are `rd_kafka_destroy_flags` flags, e.g. `RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE` for a consumer
    /// that already left its group or gave up waiting for that.
    func destroy(flags: Int32 = 0) {
        close()
        let alreadyDestroyed = state.withLock { state -> Bool in
            defer { state.isDestroyed = true }
            return state.isDestroyed
        }
        guard !alreadyDestroyed else { return }
        rd_kafka_destroy_flags(pointer, flags)
        context.onRebalance(nil)
        context.onFatalError(nil)
        Unmanaged.passUnretained(context).release()
    }
}
