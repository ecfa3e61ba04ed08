public import Logging
public import PostgresNIO

/// The append-only event store of one service, in that service's own PostgreSQL database.
///
/// The `events` table (created by ``EventStoreMigrations``) holds every event the service produced, in global
/// ``StoredEvent/position`` order. The transactional outbox is the `outbox` table of unpublished positions: every
/// append inserts into it in the same statement, and the relay deletes from it after the broker acknowledged.
///
/// - Optimistic concurrency: `UNIQUE (stream_id, stream_version)`. See
///   ``append(_:toStream:expectedVersion:isolation:inTransaction:)``.
/// - Idempotency: `UNIQUE (event_id)`; re-appending the same event is a no-op, re-using its id for different content
///   is ``EventStoreError/eventIdConflict(eventId:existingStream:)``.
/// - Append-only: triggers refuse every `UPDATE`, `DELETE` and `TRUNCATE`.
public struct EventStore: Sendable {
    /// The pool the store connects through.
    public let client: PostgresClient
    let logger: Logger

    /// Creates a store over `client` (whose database must have ``EventStoreMigrations/all`` applied).
    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }
}
