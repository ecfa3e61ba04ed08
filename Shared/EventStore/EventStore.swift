public import Logging
public import PostgresNIO

/// The append-only event store of one service, in that service's own PostgreSQL database.
///
/// The `events` table (created by ``EventStoreMigrations``) holds every event the service produced, in global
/// ``StoredEvent/position`` order, and doubles as the transactional outbox: a row is unpublished until the relay marks
/// it published after the broker acknowledged it.
///
/// - Optimistic concurrency: `UNIQUE (stream_id, stream_version)`. See
///   ``append(_:toStream:expectedVersion:isolation:inTransaction:)``.
/// - Idempotency: `UNIQUE (event_id)`; re-appending the same event is a no-op, re-using its id for different content
///   is ``EventStoreError/eventIdConflict(eventId:existingStream:)``.
/// - Append-only: a trigger refuses `DELETE`, `TRUNCATE` and any `UPDATE` other than of `published_at`.
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
