public import Foundation

/// A row of `dead_letters`: a message a projection could not decode or refused, kept whole.
public struct DeadLetter: Sendable {
    /// The row id.
    public var id: Int64
    /// The consumer group (projection) that refused the message.
    public var group: String
    /// Where the message was.
    public var topic: String
    /// Where the message was.
    public var partition: Int32
    /// Where the message was.
    public var offset: Int64
    /// The message key.
    public var key: [UInt8]?
    /// The message headers, in order.
    public var headers: [(String, [UInt8])]
    /// The message value.
    public var payload: [UInt8]?
    /// The event id, when it was known (decoded envelope or a `ce_id` header).
    public var eventId: UUID?
    /// The event type, when it was known (decoded envelope or a `ce_type` header).
    public var eventType: String?
    /// Why the message was dead-lettered.
    public var reason: String
    /// When it was dead-lettered.
    public var recordedAt: Date
}
