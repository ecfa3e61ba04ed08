public import Foundation
public import RecruitmentEvents

/// An event as stored in the `events` table.
public struct StoredEvent: Sendable, Equatable {
    /// The global position: the order of insertion into this service's store (assigned at insert, visible at commit,
    /// so positions of concurrently committing transactions may become visible out of order).
    public var position: Int64
    /// The event, as read back from the database. Its `data` is PostgreSQL's `jsonb` rendering of the payload
    /// (semantically the JSON that was appended, not byte-identical) and its `time` has microsecond precision.
    public var envelope: EventEnvelope
    /// When the event was recorded (the appending transaction's start).
    public var recordedAt: Date

    /// Creates a stored event.
    public init(position: Int64, envelope: EventEnvelope, recordedAt: Date) {
        self.position = position
        self.envelope = envelope
        self.recordedAt = recordedAt
    }
}
