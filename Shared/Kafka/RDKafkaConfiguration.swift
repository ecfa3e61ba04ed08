internal import CRdKafka

/// Builds `rd_kafka_conf_t` objects from property dictionaries.
enum RDKafkaConfiguration {
    /// A new configuration object holding `properties` (the caller owns it until `rd_kafka_new` succeeds).
    static func make(_ properties: [String: String]) throws(KafkaError) -> OpaquePointer {
        guard let conf = rd_kafka_conf_new() else {
            throw KafkaError(code: .failure, message: "rd_kafka_conf_new failed", isRetriable: false)
        }
        var errorText = [CChar](repeating: 0, count: 512)
        for (name, value) in properties.sorted(by: { $0.key < $1.key }) {
            let result = rd_kafka_conf_set(conf, name, value, &errorText, errorText.count)
            guard result == RD_KAFKA_CONF_OK else {
                rd_kafka_conf_destroy(conf)
                let reason = errorText.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
                throw KafkaError(
                    code: .invalidArgument,
                    message: "invalid librdkafka property \(name)=\(value): \(reason)",
                    isRetriable: false
                )
            }
        }
        return conf
    }
}
