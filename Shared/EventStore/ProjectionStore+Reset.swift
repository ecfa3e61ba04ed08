public import PostgresNIO

extension ProjectionStore {
    /// Resets a projection for a rebuild, in one transaction with the service's own read-model reset.
    ///
    /// Deletes the group's stored offsets and inbox (and, by default, its dead letters, which a replay recreates
    /// where they still apply), and runs `readModel` so the service clears its read-model tables atomically with
    /// them. Afterwards the runner finds no stored offsets and consumes every partition from the beginning. Stop the
    /// group's runner first: a batch it commits after the reset would store offsets again.
    public func reset(
        group: String,
        clearDeadLetters: Bool = true,
        isolation: isolated (any Actor)? = #isolation,
        readModel: (PostgresConnection) async throws -> Void
    ) async throws {
        guard !group.isEmpty else { throw ProjectionStoreError.emptyGroup }
        try await PostgresTransaction.run(on: client, logger: logger) { connection in
            try await connection.query("DELETE FROM projection_offsets WHERE consumer_group = \(group)", logger: logger)
            try await connection.query("DELETE FROM projection_inbox WHERE consumer_group = \(group)", logger: logger)
            if clearDeadLetters {
                try await connection.query("DELETE FROM dead_letters WHERE consumer_group = \(group)", logger: logger)
            }
            try await readModel(connection)
        }
        logger.notice("Projection reset", metadata: ["group": "\(group)"])
    }
}
