public import Foundation

/// How far the outbox relay is behind: the unpublished part of the `events` table.
public struct OutboxBacklog: Sendable, Equatable {
    /// The number of unpublished events.
    public var count: Int64
    /// When the oldest unpublished event was recorded, if there is one.
    public var oldestRecordedAt: Date?
    /// How long the oldest unpublished event has been waiting, by the database's clock (`nil` when nothing waits).
    public var oldestAge: Duration?

    /// Creates a backlog report.
    public init(count: Int64, oldestRecordedAt: Date?, oldestAge: Duration?) {
        self.count = count
        self.oldestRecordedAt = oldestRecordedAt
        self.oldestAge = oldestAge
    }
}
