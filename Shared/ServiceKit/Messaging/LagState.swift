import Kafka
import Metrics
import Synchronization

/// The current consumer lag of one projection, per partition: exported as a gauge and read by readiness and `/info`.
final class LagState: Sendable {
    let projection: String
    private let state = Mutex<(consumer: KafkaConsumer?, lags: [KafkaPartitionLag])>((nil, []))

    init(projection: String) {
        self.projection = projection
    }

    func attach(_ consumer: KafkaConsumer) { state.withLock { $0.consumer = consumer } }
    func detach() { state.withLock { $0 = (nil, []) } }

    /// Re-reads the lag from the consumer's cached watermarks and updates the gauges.
    func refresh() {
        let lags = state.withLock { $0.consumer }?.lag() ?? []
        state.withLock { $0.lags = lags }
        for lag in lags {
            Gauge(label: "asn_projection_consumer_lag", dimensions: [
                ("projection", projection), ("topic", lag.topicPartition.topic),
                ("partition", String(lag.topicPartition.partition)),
            ]).record(Double(lag.lag ?? 0))
        }
    }

    /// The last measured lag per partition.
    var partitions: [KafkaPartitionLag] {
        refresh()
        return state.withLock { $0.lags }
    }

    /// The largest lag over all partitions (0 when nothing is assigned).
    var maximumLag: Int64 { partitions.compactMap(\.lag).max() ?? 0 }
}
