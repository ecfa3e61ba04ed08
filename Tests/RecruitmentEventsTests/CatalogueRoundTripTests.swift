import Foundation
import RecruitmentEvents
import Testing

@Suite("Every catalogue type round-trips")
struct CatalogueRoundTripTests {
    @Test("JSON encode → decode gives the example back, and re-encoding gives the same bytes",
          arguments: CatalogueEntry.all)
    func jsonRoundTrip(entry: CatalogueEntry) throws {
        func check<Event: RecruitmentEvent>(_: Event.Type) throws {
            let bytes = try EventCoding.encode(Event.example)
            let decoded = try EventCoding.decode(Event.self, from: bytes)
            #expect(decoded == Event.example)
            #expect(try EventCoding.encode(decoded) == bytes)
        }
        try check(entry.type)
    }

    @Test("Envelope → Kafka headers, key and value → envelope → registry gives the example back",
          arguments: CatalogueEntry.all)
    func kafkaRoundTrip(entry: CatalogueEntry) throws {
        func check<Event: RecruitmentEvent>(_: Event.Type) throws {
            let envelope = try EventEnvelope(
                event: Event.example,
                streamId: "stream-\(Event.example.partitionKey)",
                streamVersion: 7,
                time: Date(timeIntervalSince1970: 1_725_987_540.123_456),
                correlationId: "corr-5371",
                causationId: "cmd-42",
                traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
            )
            #expect(envelope.type == Event.eventType)
            #expect(envelope.source == Event.topic.source)
            #expect(envelope.topic == Event.topic)
            #expect(envelope.subject == Event.example.subject)
            #expect(envelope.partitionKey == Event.example.partitionKey)
            #expect(EventTimestamp.string(from: envelope.time) == "2024-09-10T16:59:00.123Z")

            let received = try EventEnvelope(
                kafkaHeaders: envelope.kafkaHeaders, key: envelope.kafkaKey, value: envelope.data)
            #expect(received == envelope)
            #expect(try received.decode(as: Event.self) == Event.example)

            let event = try EventRegistry.standard.decode(received)
            #expect(sameEvent(event, Event.example))
        }
        try check(entry.type)
    }

    @Test("Partition keys and subjects are non-empty and stable", arguments: CatalogueEntry.all)
    func keysAndSubjects(entry: CatalogueEntry) {
        let example = entry.type.example
        #expect(!example.partitionKey.isEmpty)
        #expect(example.subject.contains("/"))
        #expect(example.partitionKey == entry.type.example.partitionKey)
    }
}
