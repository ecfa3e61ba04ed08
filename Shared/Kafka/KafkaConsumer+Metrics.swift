internal import CRdKafka

extension KafkaConsumer {
    /// The partitions currently assigned to this member, sorted.
    public var assignment: [KafkaTopicPartition] {
        client.assignment.keys.sorted()
    }

    /// Lag per assigned partition: the cached high watermark (from the latest fetch response) minus the
    /// next offset the application will be handed. Cheap (no broker round trip), suitable for metrics.
    ///
    /// Fetch-response watermarks are used on purpose: some brokers (Tansu) answer ListOffsets "latest"
    /// wrongly, and a broker query per scrape would be slow.
    public func lag() -> [KafkaPartitionLag] {
        let assignment = client.assignment
        guard !assignment.isEmpty else { return [] }
        let result = try? client.handle.withLease { (rk: OpaquePointer) -> [KafkaPartitionLag] in
            assignment.keys.sorted().map { partition in
                var low: Int64 = -1
                var high: Int64 = -1
                let err = rd_kafka_get_watermark_offsets(rk, partition.topic, partition.partition, &low, &high)
                let known = err == RD_KAFKA_RESP_ERR_NO_ERROR
                let highWatermark = known && high >= 0 ? high : nil
                let position = (assignment[partition] ?? nil) ?? (known && low >= 0 ? low : nil)
                return KafkaPartitionLag(topicPartition: partition, position: position, highWatermark: highWatermark)
            }
        }
        return result ?? []
    }
}
