internal import CRdKafka

/// Facts about the librdkafka library loaded at run time.
public enum KafkaLibrary {
    /// The librdkafka version in use, e.g. `2.16.0` (which may be newer than the headers compiled against).
    public static var version: String {
        String(cString: rd_kafka_version_str())
    }
}
