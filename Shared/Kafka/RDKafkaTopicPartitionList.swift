internal import CRdKafka

/// Helpers for `rd_kafka_topic_partition_list_t`.
enum RDKafkaTopicPartitionList {
    /// The partitions of a list, in list order.
    static func partitions(
        of list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>
    ) -> [KafkaTopicPartition] {
        let count = Int(list.pointee.cnt)
        guard count > 0, let elements = list.pointee.elems else { return [] }
        return (0..<count).map { index in
            KafkaTopicPartition(topic: String(cString: elements[index].topic), partition: elements[index].partition)
        }
    }

    /// Sets the start offset of every element; partitions without an entry start at the beginning.
    static func setOffsets(
        _ offsets: [KafkaTopicPartition: Int64],
        in list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>
    ) {
        let count = Int(list.pointee.cnt)
        guard count > 0, let elements = list.pointee.elems else { return }
        for index in 0..<count {
            let key = KafkaTopicPartition(topic: String(cString: elements[index].topic), partition: elements[index].partition)
            elements[index].offset = offsets[key] ?? Int64(RD_KAFKA_OFFSET_BEGINNING)
        }
    }

    /// Whether the group uses the incremental (cooperative) rebalance protocol.
    ///
    /// A request answered by the consumer group's own handler: ask it only while the group waits for the application
    /// (at the start of a rebalance callback), never after an unassignment that lets a closing group terminate, since
    /// a terminated group never answers and the call blocks forever.
    static func isCooperative(_ handle: OpaquePointer) -> Bool {
        guard let name = rd_kafka_rebalance_protocol(handle) else { return false }
        return String(cString: name) == "COOPERATIVE"
    }

    /// librdkafka's default reaction to a rebalance event (assign as given, or unassign), for both protocols.
    /// Returns an error if librdkafka refused the (un)assignment.
    @discardableResult
    static func applyDefaultRebalance(
        _ handle: OpaquePointer,
        _ event: rd_kafka_resp_err_t,
        _ partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>,
        cooperative: Bool? = nil
    ) -> KafkaError? {
        let cooperative = cooperative ?? isCooperative(handle)
        if event == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS {
            if cooperative {
                return rd_kafka_incremental_assign(handle, partitions).map { KafkaError(consuming: $0, context: "incremental assign") }
            }
            let err = rd_kafka_assign(handle, partitions)
            return err == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : KafkaError(err, context: "assign")
        }
        if cooperative {
            return rd_kafka_incremental_unassign(handle, partitions).map { KafkaError(consuming: $0, context: "incremental unassign") }
        }
        let err = rd_kafka_assign(handle, nil)
        return err == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : KafkaError(err, context: "unassign")
    }
}
