internal import CRdKafka
internal import Logging

/// The C callbacks installed on every client. They find their Swift state through the handle's opaque
/// pointer (an ``RDKafkaCallbackContext``).
enum RDKafkaCallbacks {
    /// librdkafka's log lines (syslog levels) to swift-log. Runs on librdkafka's internal threads.
    static let log: @convention(c) (OpaquePointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Void = {
        handle, level, facility, line in
        guard let handle, let context = RDKafkaCallbackContext.of(handle) else { return }
        let text = line.map { String(cString: $0) } ?? ""
        let facilityText = facility.map { String(cString: $0) } ?? ""
        let swiftLevel: Logger.Level
        switch level {
        case ...2: swiftLevel = .critical
        case 3: swiftLevel = .error
        case 4: swiftLevel = .warning
        case 5: swiftLevel = .notice
        case 6: swiftLevel = .info
        default: swiftLevel = .debug
        }
        var metadata: Logger.Metadata = ["kafka.facility": "\(facilityText)"]
        if swiftLevel >= .warning {
            guard let held = context.repeats.admit(facilityText + " " + text) else { return }
            if held > 0 { metadata["kafka.repeats_held_back"] = "\(held)" }
        }
        context.logger.log(level: swiftLevel, "\(text)", metadata: metadata, source: "librdkafka")
    }

    /// librdkafka's error events. Runs on the thread that polls the handle. Most are transient and
    /// informational (librdkafka recovers by itself); `_FATAL` means the instance is unusable.
    static let error: @convention(c) (OpaquePointer?, Int32, UnsafePointer<CChar>?, UnsafeMutableRawPointer?) -> Void = {
        handle, code, reason, _ in
        guard let handle, let context = RDKafkaCallbackContext.of(handle) else { return }
        let err = rd_kafka_resp_err_t(rawValue: code)
        let text = reason.map { String(cString: $0) } ?? ""
        if err == RD_KAFKA_RESP_ERR__FATAL {
            let fatal = KafkaError.fatalError(of: handle)
                ?? KafkaError(code: .fatal, message: text, isRetriable: false, isFatal: true)
            context.logger.critical("librdkafka fatal error: \(fatal)", source: "librdkafka")
            context.reportFatal(fatal)
        } else {
            let level: Logger.Level =
                (err == RD_KAFKA_RESP_ERR__TRANSPORT || err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN
                    || err == RD_KAFKA_RESP_ERR__RESOLVE) ? .warning : .error
            let line = "librdkafka error \(KafkaError.Code(rawValue: code).name): \(text)"
            guard let held = context.repeats.admit(line) else { return }
            context.logger.log(
                level: level, "\(line)",
                metadata: held > 0 ? ["kafka.repeats_held_back": "\(held)"] : nil,
                source: "librdkafka"
            )
        }
    }

    /// Consumer group rebalances, forwarded to the consumer's handler (on the consumer's poll thread).
    static let rebalance:
        @convention(c) (
            OpaquePointer?, rd_kafka_resp_err_t, UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
            UnsafeMutableRawPointer?
        ) -> Void = { handle, event, partitions, _ in
            guard let handle, let partitions else { return }
            if let context = RDKafkaCallbackContext.of(handle), context.rebalance(handle, event, partitions) {
                return
            }
            // No handler (consumer already torn down): keep librdkafka's state machine consistent.
            RDKafkaTopicPartitionList.applyDefaultRebalance(handle, event, partitions)
        }
}
