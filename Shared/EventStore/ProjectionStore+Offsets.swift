import PostgresNIO

extension ProjectionStore {
    /// The next offset to consume for each of `partitions` that has one stored.
    ///
    /// The runner seeks each assigned partition to its stored offset; a partition with none stored (absent from the
    /// result) has never been projected and must be consumed from its **beginning**, not from the latest offset.
    public func storedOffsets(group: String, partitions: [TopicPartition]) async throws -> [TopicPartition: Int64] {
        guard !partitions.isEmpty else { return [:] }
        return try await client.withConnection { connection in
            try await offsets(
                connection.query(
                    """
                    SELECT o.topic, o.partition, o.next_offset
                    FROM projection_offsets o
                    JOIN unnest(\(partitions.map(\.topic))::text[], \(partitions.map(\.partition))::integer[])
                        AS p(topic, partition) ON o.topic = p.topic AND o.partition = p.partition
                    WHERE o.consumer_group = \(group)
                    """,
                    logger: logger
                )
            )
        }
    }

    /// Every offset stored for `group` (for `/info` and lag metrics).
    public func storedOffsets(group: String) async throws -> [TopicPartition: Int64] {
        try await client.withConnection { connection in
            try await offsets(
                connection.query(
                    "SELECT topic, partition, next_offset FROM projection_offsets WHERE consumer_group = \(group)",
                    logger: logger
                )
            )
        }
    }

    private func offsets(_ rows: PostgresRowSequence) async throws -> [TopicPartition: Int64] {
        var result: [TopicPartition: Int64] = [:]
        for try await (topic, partition, next) in rows.decode((String, Int32, Int64).self) {
            result[TopicPartition(topic: topic, partition: partition)] = next
        }
        return result
    }
}
