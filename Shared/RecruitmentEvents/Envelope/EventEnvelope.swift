public import Foundation

/// A CloudEvents 1.0 envelope around one serialized ``RecruitmentEvent``.
///
/// On Kafka it travels in binary content mode (ARCHITECTURE §4): the attributes are `ce_*` headers, the payload is the
/// message value and the partition key is the message key.
public struct EventEnvelope: Sendable, Equatable {
    /// CloudEvents `id`: unique per event; the basis of idempotent appends and consumer de-duplication.
    public var id: UUID
    /// CloudEvents `type`, e.g. `asn.registration.application-submitted.v1`.
    public var type: String
    /// CloudEvents `source`, e.g. `/asn/registration`.
    public var source: String
    /// CloudEvents `subject`.
    public var subject: String?
    /// CloudEvents `time`: when the event happened (UTC).
    public var time: Date
    /// The event-sourced stream the event belongs to, e.g. `application-6f1c…`.
    public var streamId: String
    /// The event's version within its stream (1-based).
    public var streamVersion: Int64
    /// The id of the request or process that caused the whole chain of events.
    public var correlationId: String?
    /// The id of the event or command that directly caused this event.
    public var causationId: String?
    /// W3C trace context of the request that produced the event.
    public var traceparent: String?
    /// The Kafka message key.
    public var partitionKey: String
    /// The JSON payload (the event itself), encoded with ``EventCoding``.
    public var data: [UInt8]

    /// The CloudEvents spec version this envelope implements.
    public static let specVersion = "1.0"
    /// The content type of ``data``.
    public static let contentType = "application/json"

    /// An envelope from its attributes. Producers usually wrap an event with
    /// ``init(event:streamId:streamVersion:id:time:correlationId:causationId:traceparent:)``; consumers rebuild
    /// envelopes with ``init(kafkaHeaders:key:value:)``.
    public init(
        id: UUID = UUID(),
        type: String,
        source: String,
        subject: String?,
        time: Date,
        streamId: String,
        streamVersion: Int64,
        correlationId: String? = nil,
        causationId: String? = nil,
        traceparent: String? = nil,
        partitionKey: String,
        data: [UInt8]
    ) {
        self.id = id
        self.type = type
        self.source = source
        self.subject = subject
        self.time = time
        self.streamId = streamId
        self.streamVersion = streamVersion
        self.correlationId = correlationId
        self.causationId = causationId
        self.traceparent = traceparent
        self.partitionKey = partitionKey
        self.data = data
    }
}
