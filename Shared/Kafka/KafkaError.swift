internal import CRdKafka

/// An error reported by librdkafka or by this wrapper.
///
/// Every failure of the Kafka module is a `KafkaError`: configuration problems, enqueue failures, negative
/// delivery reports, consumer and admin errors. ``code`` is librdkafka's error code (broker error codes are
/// positive, client-side codes are negative), so callers can switch on well-known ``Code`` values.
public struct KafkaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The librdkafka error code.
    public var code: Code
    /// A human readable explanation (librdkafka's error string, possibly with context added by this module).
    public var message: String
    /// Whether repeating the same operation later may succeed (for example after a timeout, a broker
    /// disconnect, a full local queue or a purge at shutdown). Non-retriable errors (message too large,
    /// invalid topic, bad configuration) will fail again.
    public var isRetriable: Bool
    /// Whether the client instance hit a fatal error (for example a broken idempotent-producer sequence) and
    /// can no longer be used; the owning service stops and must be recreated.
    public var isFatal: Bool

    /// Creates an error value.
    public init(code: Code, message: String, isRetriable: Bool? = nil, isFatal: Bool = false) {
        self.code = code
        self.message = message
        self.isRetriable = isRetriable ?? code.isUsuallyRetriable
        self.isFatal = isFatal
    }

    public var description: String {
        var text = "KafkaError.\(code.name) (\(code.rawValue)): \(message)"
        if isFatal { text += " [fatal]" }
        if isRetriable { text += " [retriable]" }
        return text
    }
}

extension KafkaError {
    /// An error from a bare response code, with librdkafka's description as the message.
    init(_ err: rd_kafka_resp_err_t, context: String? = nil, isFatal: Bool = false) {
        let code = Code(rawValue: err.rawValue)
        let base = code.librdkafkaDescription
        self.init(code: code, message: context.map { "\($0): \(base)" } ?? base, isFatal: isFatal)
    }

    /// An error from a bare response code with an explicit message.
    init(_ err: rd_kafka_resp_err_t, message: String) {
        self.init(code: Code(rawValue: err.rawValue), message: message)
    }

    /// Takes ownership of (and destroys) an `rd_kafka_error_t`, keeping its retriable and fatal flags.
    init(consuming error: OpaquePointer, context: String? = nil) {
        defer { rd_kafka_error_destroy(error) }
        let code = Code(rawValue: rd_kafka_error_code(error).rawValue)
        let text = rd_kafka_error_string(error).map { String(cString: $0) } ?? code.librdkafkaDescription
        self.init(
            code: code,
            message: context.map { "\($0): \(text)" } ?? text,
            isRetriable: rd_kafka_error_is_retriable(error) != 0,
            isFatal: rd_kafka_error_is_fatal(error) != 0
        )
    }

    /// The fatal error a client instance raised, if any (`rd_kafka_fatal_error`).
    static func fatalError(of handle: OpaquePointer) -> KafkaError? {
        var buffer = [CChar](repeating: 0, count: 512)
        let err = rd_kafka_fatal_error(handle, &buffer, buffer.count)
        guard err != RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
        let text = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return KafkaError(code: Code(rawValue: err.rawValue), message: text, isRetriable: false, isFatal: true)
    }

    /// The client was shut down (or is shutting down) and no longer accepts work.
    static func shutDown(_ what: String) -> KafkaError {
        KafkaError(code: .destroyed, message: "\(what) is shut down", isRetriable: true)
    }

    /// Work was abandoned because the calling task was cancelled.
    static func cancelled(_ what: String) -> KafkaError {
        KafkaError(code: .cancelled, message: "\(what): the calling task was cancelled", isRetriable: true)
    }
}
