import Foundation

extension EventEnvelope {
    /// The Kafka header names of the CloudEvents Kafka protocol binding (binary content mode) and our extensions.
    public enum HeaderName {
        /// CloudEvents `specversion`, always `1.0`.
        public static let specVersion = "ce_specversion"
        /// CloudEvents `id`, a UUID (written lowercase).
        public static let id = "ce_id"
        /// CloudEvents `source`, e.g. `/asn/registration`.
        public static let source = "ce_source"
        /// CloudEvents `type`, e.g. `asn.registration.application-submitted.v1`.
        public static let type = "ce_type"
        /// CloudEvents `time`, UTC with milliseconds.
        public static let time = "ce_time"
        /// CloudEvents `subject`, e.g. `application/4d01af47-…`.
        public static let subject = "ce_subject"
        /// The payload's content type (binary mode maps `datacontenttype` to this header), `application/json`.
        public static let contentType = "content-type"
        /// Extension: the event-sourced stream id.
        public static let streamId = "ce_streamid"
        /// Extension: the version within the stream, a decimal integer ≥ 1.
        public static let streamVersion = "ce_streamversion"
        /// Extension: the correlation id.
        public static let correlationId = "ce_correlationid"
        /// Extension: the causation id.
        public static let causationId = "ce_causationid"
        /// Extension: W3C trace context (the CloudEvents distributed-tracing extension).
        public static let traceparent = "ce_traceparent"
    }

    /// The Kafka headers of this envelope in binary content mode: UTF-8 values, optional attributes omitted.
    ///
    /// `ce_id` is the lowercase UUID, `ce_time` uses ``EventTimestamp`` (UTC, milliseconds).
    public var kafkaHeaders: [(name: String, value: [UInt8])] {
        var headers: [(name: String, value: [UInt8])] = [
            (HeaderName.specVersion, Array(EventEnvelope.specVersion.utf8)),
            (HeaderName.id, Array(id.uuidString.lowercased().utf8)),
            (HeaderName.source, Array(source.utf8)),
            (HeaderName.type, Array(type.utf8)),
            (HeaderName.time, Array(EventTimestamp.string(from: time).utf8)),
        ]
        if let subject { headers.append((HeaderName.subject, Array(subject.utf8))) }
        headers.append((HeaderName.contentType, Array(EventEnvelope.contentType.utf8)))
        headers.append((HeaderName.streamId, Array(streamId.utf8)))
        headers.append((HeaderName.streamVersion, Array(String(streamVersion).utf8)))
        if let correlationId { headers.append((HeaderName.correlationId, Array(correlationId.utf8))) }
        if let causationId { headers.append((HeaderName.causationId, Array(causationId.utf8))) }
        if let traceparent { headers.append((HeaderName.traceparent, Array(traceparent.utf8))) }
        return headers
    }

    /// The Kafka message key: the UTF-8 bytes of ``partitionKey``.
    public var kafkaKey: [UInt8] { Array(partitionKey.utf8) }

    /// Rebuilds an envelope from a consumed Kafka message (binary content mode).
    ///
    /// Required: `ce_specversion` (= `1.0`), `ce_id` (UUID), `ce_source`, `ce_type`, `ce_time`, `ce_streamid`,
    /// `ce_streamversion` (integer ≥ 1) and a message key. `content-type`, if present, must be JSON. Unknown headers
    /// are ignored; a known header given twice is an error.
    public init(
        kafkaHeaders: [(name: String, value: [UInt8])],
        key: [UInt8]?,
        value: [UInt8]
    ) throws(EventEnvelopeError) {
        let headers = try KafkaHeaderReader(kafkaHeaders)
        let specVersion = try headers.required(HeaderName.specVersion)
        guard specVersion == EventEnvelope.specVersion else {
            throw .invalidHeader(
                name: HeaderName.specVersion, reason: "unsupported CloudEvents version \"\(specVersion)\"")
        }
        if let contentType = try headers.optional(HeaderName.contentType), !EventEnvelope.isJSON(contentType) {
            throw .invalidHeader(
                name: HeaderName.contentType, reason: "expected application/json, got \"\(contentType)\"")
        }
        let idText = try headers.required(HeaderName.id)
        guard let id = UUID(uuidString: idText) else {
            throw .invalidHeader(name: HeaderName.id, reason: "not a UUID: \"\(idText)\"")
        }
        let timeText = try headers.required(HeaderName.time)
        guard let time = EventTimestamp.date(from: timeText) else {
            throw .invalidHeader(name: HeaderName.time, reason: "not an RFC 3339 timestamp: \"\(timeText)\"")
        }
        let versionText = try headers.required(HeaderName.streamVersion)
        guard let streamVersion = Int64(versionText), streamVersion >= 1 else {
            throw .invalidHeader(name: HeaderName.streamVersion, reason: "not an integer ≥ 1: \"\(versionText)\"")
        }
        guard let key else { throw .missingKey }
        guard let partitionKey = String(validating: key, as: UTF8.self) else { throw .invalidKey }
        self.init(
            id: id,
            type: try headers.required(HeaderName.type),
            source: try headers.required(HeaderName.source),
            subject: try headers.optional(HeaderName.subject),
            time: time,
            streamId: try headers.required(HeaderName.streamId),
            streamVersion: streamVersion,
            correlationId: try headers.optional(HeaderName.correlationId),
            causationId: try headers.optional(HeaderName.causationId),
            traceparent: try headers.optional(HeaderName.traceparent),
            partitionKey: partitionKey,
            data: value
        )
    }

    /// `application/json`, parameters (e.g. `charset`) ignored. (`application/cloudevents+json` would be structured
    /// content mode, which the suite does not use.)
    private static func isJSON(_ contentType: String) -> Bool {
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        return mediaType.trimmingCharacters(in: .whitespaces).lowercased() == EventEnvelope.contentType
    }
}

/// The known headers of one message, looked up by exact name.
private struct KafkaHeaderReader {
    private static let known: Set<String> = [
        EventEnvelope.HeaderName.specVersion, EventEnvelope.HeaderName.id, EventEnvelope.HeaderName.source,
        EventEnvelope.HeaderName.type, EventEnvelope.HeaderName.time, EventEnvelope.HeaderName.subject,
        EventEnvelope.HeaderName.contentType, EventEnvelope.HeaderName.streamId,
        EventEnvelope.HeaderName.streamVersion, EventEnvelope.HeaderName.correlationId,
        EventEnvelope.HeaderName.causationId, EventEnvelope.HeaderName.traceparent,
    ]
    private var values: [String: [UInt8]] = [:]

    init(_ headers: [(name: String, value: [UInt8])]) throws(EventEnvelopeError) {
        for header in headers where KafkaHeaderReader.known.contains(header.name) {
            guard values.updateValue(header.value, forKey: header.name) == nil else {
                throw .duplicateHeader(name: header.name)
            }
        }
    }

    func optional(_ name: String) throws(EventEnvelopeError) -> String? {
        guard let bytes = values[name] else { return nil }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .invalidHeader(name: name, reason: "not UTF-8")
        }
        return text
    }

    func required(_ name: String) throws(EventEnvelopeError) -> String {
        guard let text = try optional(name) else { throw .missingHeader(name: name) }
        guard !text.isEmpty else { throw .invalidHeader(name: name, reason: "empty") }
        return text
    }
}
