internal import CRdKafka

/// Facts about the librdkafka library loaded at run time.
public enum KafkaLibrary {
    /// The librdkafka version in use, e.g. `2.16.0` (which may be newer than the headers compiled against).
    public static var version: String {
        String(cString: rd_kafka_version_str())
    }

    /// Blocks until every librdkafka client of the process is destroyed and librdkafka's threads have ended, or
    /// `timeout` passed; answers whether they all ended.
    ///
    /// Call it before the process exits: `exit` runs the library's exit-time destructors (its bundled TLS and
    /// compression libraries), and a librdkafka thread still running at that moment can crash the process on its
    /// way out. Blocks the calling thread; from async code use ``allClientsDestroyed(within:)``.
    public static func waitUntilAllClientsDestroyed(timeout: Duration) -> Bool {
        rd_kafka_wait_destroyed(timeout.timeoutMilliseconds) == 0
    }

    /// ``waitUntilAllClientsDestroyed(timeout:)`` on a dedicated thread.
    public static func allClientsDestroyed(within timeout: Duration) async -> Bool {
        await DedicatedThread.run(name: "kafka-wait-destroyed") { waitUntilAllClientsDestroyed(timeout: timeout) }
    }
}
