public import Foundation

extension EventEnvelope {
    /// Wraps `event` in an envelope: `type`, `source`, `subject`, `partitionKey` and `data` come from the event.
    ///
    /// - Parameters:
    ///   - event: The event; encoded with ``EventCoding``.
    ///   - streamId: The event-sourced stream it was appended to, e.g. `application-6f1c…`.
    ///   - streamVersion: Its version within the stream (1-based).
    ///   - id: The CloudEvents id; keep it stable when re-publishing the same event.
    ///   - time: When the event happened; rounded to milliseconds, the precision of `ce_time`.
    ///   - correlationId: The request or process that started the chain.
    ///   - causationId: The event or command that directly caused this one.
    ///   - traceparent: W3C trace context of the producing request.
    public init<Event: RecruitmentEvent>(
        event: Event,
        streamId: String,
        streamVersion: Int64,
        id: UUID = UUID(),
        time: Date = Date(),
        correlationId: String? = nil,
        causationId: String? = nil,
        traceparent: String? = nil
    ) throws(EventCodingError) {
        self.init(
            id: id,
            type: Event.eventType,
            source: Event.topic.source,
            subject: event.subject,
            time: EventTimestamp.truncatedToMilliseconds(time),
            streamId: streamId,
            streamVersion: streamVersion,
            correlationId: correlationId,
            causationId: causationId,
            traceparent: traceparent,
            partitionKey: event.partitionKey,
            data: try EventCoding.encode(event)
        )
    }

    /// Decodes the payload as `Event`.
    ///
    /// Throws ``EventDecodingError/typeMismatch(expected:actual:)`` if ``type`` is not `Event.eventType` (no
    /// upcasting here: use ``EventRegistry/decode(_:)`` for that) and
    /// ``EventDecodingError/undecodablePayload(type:reason:)`` if the JSON does not fit.
    public func decode<Event: RecruitmentEvent>(as eventType: Event.Type = Event.self) throws(EventDecodingError)
        -> Event
    {
        guard type == Event.eventType else { throw .typeMismatch(expected: Event.eventType, actual: type) }
        do {
            return try EventCoding.decode(Event.self, from: data)
        } catch {
            throw .undecodablePayload(type: type, reason: error.description)
        }
    }

    /// The topic an envelope of this type belongs on: the topic of the producing context named by ``source``.
    public var topic: RecruitmentTopic? {
        RecruitmentTopic.allCases.first { $0.source == source }
    }
}
