import Foundation
import RecruitmentEvents
import Testing

@Suite("Kafka binary-mode headers")
struct KafkaHeaderTests {
    static let eventId = UUID(uuidString: "0F8FAD5B-D9CB-469F-A165-70867728950E")!

    static func sample(optionals: Bool = true) throws -> EventEnvelope {
        try EventEnvelope(
            event: ApplicationSubmittedV1.example,
            streamId: "application-4d01af47-657f-4d17-8a20-f441f6c457b7",
            streamVersion: 12,
            id: eventId,
            time: EventTimestamp.date(from: "2024-09-10T16:58:59.500Z")!,
            correlationId: optionals ? "req-77" : nil,
            causationId: optionals ? "cmd-submit-9" : nil,
            traceparent: optionals ? "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" : nil
        )
    }

    static func text(_ headers: [(name: String, value: [UInt8])]) -> [String] {
        headers.map { $0.name + "=" + String(decoding: $0.value, as: UTF8.self) }
    }

    @Test("Every attribute maps to its header, in a stable order")
    func headerNamesAndValues() throws {
        let envelope = try Self.sample()
        #expect(Self.text(envelope.kafkaHeaders) == [
            "ce_specversion=1.0",
            "ce_id=0f8fad5b-d9cb-469f-a165-70867728950e",
            "ce_source=/asn/registration",
            "ce_type=asn.registration.application-submitted.v1",
            "ce_time=2024-09-10T16:58:59.500Z",
            "ce_subject=application/4d01af47-657f-4d17-8a20-f441f6c457b7",
            "content-type=application/json",
            "ce_streamid=application-4d01af47-657f-4d17-8a20-f441f6c457b7",
            "ce_streamversion=12",
            "ce_correlationid=req-77",
            "ce_causationid=cmd-submit-9",
            "ce_traceparent=00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        ])
        #expect(String(decoding: envelope.kafkaKey, as: UTF8.self) == "4d01af47-657f-4d17-8a20-f441f6c457b7")
    }

    @Test("Absent optional attributes produce no headers and come back absent")
    func optionalHeaders() throws {
        let envelope = try Self.sample(optionals: false)
        let names = envelope.kafkaHeaders.map(\.name)
        #expect(Set(names).isDisjoint(with: ["ce_correlationid", "ce_causationid", "ce_traceparent"]))
        let received = try EventEnvelope(
            kafkaHeaders: envelope.kafkaHeaders, key: envelope.kafkaKey, value: envelope.data)
        #expect(received == envelope)
    }

    @Test("Unknown headers are ignored; content-type parameters are accepted; ce_id may be uppercase")
    func lenientReading() throws {
        let envelope = try Self.sample()
        var headers = envelope.kafkaHeaders.map { header -> (name: String, value: [UInt8]) in
            switch header.name {
            case "content-type": (header.name, Array("application/json; charset=utf-8".utf8))
            case "ce_id": (header.name, Array(Self.eventId.uuidString.utf8))
            default: header
            }
        }
        headers.append(("x-broker-trace", [0xFF, 0x00]))
        #expect(try EventEnvelope(kafkaHeaders: headers, key: envelope.kafkaKey, value: envelope.data) == envelope)
    }

    static let requiredHeaders = [
        "ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_streamid", "ce_streamversion",
    ]

    @Test("A missing required header is named", arguments: requiredHeaders)
    func missingHeader(name: String) throws {
        let envelope = try Self.sample()
        let headers = envelope.kafkaHeaders.filter { $0.name != name }
        #expect(throws: EventEnvelopeError.missingHeader(name: name)) {
            try EventEnvelope(kafkaHeaders: headers, key: envelope.kafkaKey, value: envelope.data)
        }
    }

    static let invalidValues: [(name: String, value: String)] = [
        ("ce_specversion", "0.3"),
        ("ce_id", "not-a-uuid"),
        ("ce_time", "2024-09-10 16:59"),
        ("ce_time", "2024-02-30T00:00:00Z"),
        ("ce_streamversion", "0"),
        ("ce_streamversion", "twelve"),
        ("content-type", "application/cloudevents+json"),
        ("content-type", "text/plain"),
        ("ce_type", ""),
    ]

    @Test("An invalid header value is named", arguments: invalidValues)
    func invalidHeader(name: String, value: String) throws {
        let envelope = try Self.sample()
        let headers = envelope.kafkaHeaders.map { $0.name == name ? (name, Array(value.utf8)) : $0 }
        let error = #expect(throws: EventEnvelopeError.self) {
            try EventEnvelope(kafkaHeaders: headers, key: envelope.kafkaKey, value: envelope.data)
        }
        guard case .invalidHeader(let reported, _)? = error else {
            Issue.record("expected invalidHeader(\(name)), got \(String(describing: error))")
            return
        }
        #expect(reported == name)
        #expect(error?.description.contains(name) == true)
    }

    @Test("A header value that is not UTF-8 is invalid")
    func notUTF8() throws {
        let envelope = try Self.sample()
        let headers = envelope.kafkaHeaders.map { $0.name == "ce_source" ? ("ce_source", [0xC3, 0x28]) : $0 }
        #expect(throws: EventEnvelopeError.invalidHeader(name: "ce_source", reason: "not UTF-8")) {
            try EventEnvelope(kafkaHeaders: headers, key: envelope.kafkaKey, value: envelope.data)
        }
    }

    @Test("A repeated known header is an error")
    func duplicateHeader() throws {
        let envelope = try Self.sample()
        let headers = envelope.kafkaHeaders + [("ce_type", Array("asn.exam.skd-result-recorded.v1".utf8))]
        #expect(throws: EventEnvelopeError.duplicateHeader(name: "ce_type")) {
            try EventEnvelope(kafkaHeaders: headers, key: envelope.kafkaKey, value: envelope.data)
        }
    }

    @Test("A message without a key, or with a non-UTF-8 key, is rejected")
    func key() throws {
        let envelope = try Self.sample()
        #expect(throws: EventEnvelopeError.missingKey) {
            try EventEnvelope(kafkaHeaders: envelope.kafkaHeaders, key: nil, value: envelope.data)
        }
        #expect(throws: EventEnvelopeError.invalidKey) {
            try EventEnvelope(kafkaHeaders: envelope.kafkaHeaders, key: [0xFF], value: envelope.data)
        }
    }

    @Test("Error codes are stable")
    func codes() {
        #expect(EventEnvelopeError.missingHeader(name: "ce_id").code == "missing-header")
        #expect(EventEnvelopeError.invalidHeader(name: "ce_id", reason: "x").code == "invalid-header")
        #expect(EventEnvelopeError.duplicateHeader(name: "ce_id").code == "duplicate-header")
        #expect(EventEnvelopeError.missingKey.code == "missing-key")
    }
}
