internal import CRdKafka

/// Blocking metadata requests, run on a dedicated thread under a handle lease.
enum RDKafkaMetadata {
    struct Snapshot: Sendable {
        var brokerCount: Int
        var topics: [KafkaTopicMetadata]
    }

    /// Sends a metadata request (for all topics, or none when `allTopics` is false) and waits up to `timeout`.
    static func fetch(handle: RDKafkaHandle, allTopics: Bool, timeout: Duration) async -> Result<Snapshot, KafkaError> {
        await DedicatedThread.run(name: "kafka-metadata") {
            Result { () throws(KafkaError) -> Snapshot in
                try handle.withLease { (rk: OpaquePointer) throws(KafkaError) -> Snapshot in
                    var metadata: UnsafePointer<rd_kafka_metadata>?
                    let err = rd_kafka_metadata(rk, allTopics ? 1 : 0, nil, &metadata, timeout.timeoutMilliseconds)
                    guard err == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
                        throw KafkaError(err, context: "metadata request")
                    }
                    defer { rd_kafka_metadata_destroy(metadata) }
                    var topics: [KafkaTopicMetadata] = []
                    for index in 0..<Int(metadata.pointee.topic_cnt) {
                        let topic = metadata.pointee.topics[index]
                        guard topic.err == RD_KAFKA_RESP_ERR_NO_ERROR else { continue }
                        topics.append(KafkaTopicMetadata(name: String(cString: topic.topic), partitionCount: Int(topic.partition_cnt)))
                    }
                    return Snapshot(brokerCount: Int(metadata.pointee.broker_cnt), topics: topics.sorted { $0.name < $1.name })
                }
            }
        }
    }
}
