public import Foundation

/// Why the event store refused an operation.
public enum EventStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Another writer appended to the stream since the caller read it: reload, decide again, retry.
    case concurrencyConflict(stream: String, expected: Int64, actual: Int64)
    /// An event with this id is already stored with different content (stream, type or payload). Event ids must be
    /// unique; re-sending the same event is fine, re-using its id for another is not.
    case eventIdConflict(eventId: UUID, existingStream: String)
    /// The append itself is malformed (no events, repeated ids, an envelope for another stream, negative version).
    case invalidAppend(reason: String)
    /// PostgreSQL rejected an event's payload (it must be a JSON document `jsonb` accepts).
    case invalidPayload(eventId: UUID, reason: String)
    /// A stored row could not be turned back into an ``EventEnvelope``.
    case corruptRecord(position: Int64, reason: String)

    public var description: String {
        switch self {
        case .concurrencyConflict(let stream, let expected, let actual):
            "concurrency conflict on stream '\(stream)': expected version \(expected), found \(actual)"
        case .eventIdConflict(let eventId, let stream):
            "event id \(eventId) is already stored (in stream '\(stream)') with different content"
        case .invalidAppend(let reason):
            "invalid append: \(reason)"
        case .invalidPayload(let eventId, let reason):
            "the payload of event \(eventId) was rejected: \(reason)"
        case .corruptRecord(let position, let reason):
            "the event at position \(position) cannot be read: \(reason)"
        }
    }
}
