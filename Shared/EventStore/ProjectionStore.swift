public import Logging
public import PostgresNIO

/// Projection bookkeeping in the service's database: Kafka offsets, the de-duplication inbox and dead letters.
///
/// A projection runner consumes a batch, then calls ``applyBatch(group:messages:isolation:apply:)``, which in **one**
/// transaction applies the new events to the read model, records their ids in `projection_inbox`, dead-letters what
/// cannot be projected and stores the next offset per partition. The read model and its position therefore never
/// disagree: after a crash the runner seeks to ``storedOffsets(group:partitions:)`` and re-consumes exactly what was
/// not committed, and anything delivered twice (relay republish, rebalance overlap) is skipped by the inbox.
public struct ProjectionStore: Sendable {
    /// The pool the store connects through.
    public let client: PostgresClient
    let logger: Logger

    /// Creates a store over `client` (whose database must have ``EventStoreMigrations/all`` applied).
    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }
}
