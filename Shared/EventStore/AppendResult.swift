import RecruitmentEvents

/// The outcome of ``EventStore/append(_:toStream:expectedVersion:isolation:inTransaction:)``.
public struct AppendResult: Sendable, Equatable {
    /// The events as stored, in stream-version order.
    public var events: [StoredEvent]
    /// `true` when every event id was already stored with the same content: the append was an idempotent retry, nothing
    /// was written and the `inTransaction` closure did not run.
    public var wasAlreadyStored: Bool

    /// Creates a result.
    public init(events: [StoredEvent], wasAlreadyStored: Bool) {
        self.events = events
        self.wasAlreadyStored = wasAlreadyStored
    }

    /// The stream's version after the append.
    public var streamVersion: Int64 { events.last?.envelope.streamVersion ?? 0 }
}
