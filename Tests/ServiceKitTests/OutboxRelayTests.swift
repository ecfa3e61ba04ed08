import EventStore
import Foundation
import Kafka
import PostgresNIO
import RecruitmentEvents
import TestSupport
import Testing
@testable import ServiceKit

/// The transactional outbox relay against the real PostgreSQL and broker (ARCHITECTURE §5).
@Suite struct OutboxRelayTests {
    @Test func publishesEveryAppendedEventWithItsHeadersAndKeyAndMarksItPublished() async throws {
        guard let brokers = try IntegrationEnvironment.brokers() else { return }
        try await IntegrationEnvironment.withMigratedDatabase { client, _ in
            let topic = IntegrationEnvironment.uniquePrefix("relay") + "recruitment.registration"
            try await KafkaFixtures.createTopic(topic, partitions: 3, brokers: brokers)
            let store = EventStore(client: client, logger: IntegrationEnvironment.logger)

            // Four applications with two events each, appended before the relay runs.
            var appended: [(event: ApplicationSubmittedV1, envelope: EventEnvelope)] = []
            for _ in 0..<4 {
                let event = EventFixtures.submitted()
                let envelopes = [
                    try EventFixtures.envelope(event, version: 1), try EventFixtures.envelope(event, version: 2),
                ]
                try await store.append(
                    envelopes, toStream: EventFixtures.stream(of: event.applicationId), expectedVersion: 0)
                appended += envelopes.map { (event, $0) }
            }
            #expect(try await store.outboxBacklog().count == 8)

            let producer = try KafkaFixtures.makeProducer(brokers: brokers)
            let received = try await TopicReader.reading(topic, brokers: brokers) { reader in
                try await withServiceGroups(logger: IntegrationEnvironment.logger) { start in
                    _ = start([producer, OutboxRelay.forTest(client: client, producer: producer, topic: topic)])
                    #expect(await eventually { try await store.outboxBacklog().count == 0 }, "events not marked published")
                    #expect(await reader.waitUntil { $0.count >= appended.count }, "events not on the topic")
                }
            }

            #expect(received.count == appended.count, "each event exactly once")
            for (event, envelope) in appended {
                let copies = received.filter { $0.ceId == envelope.id.eventKey }
                try #require(copies.count == 1, "event \(envelope.id) received \(copies.count) times")
                Self.expectPublished(copies[0], as: envelope, of: event)
            }
            // Per key (application), the stream versions arrive in order.
            for key in Set(received.compactMap(\.key)) {
                let versions = received.filter { $0.key == key }.compactMap { $0.header("ce_streamversion") }
                #expect(versions == ["1", "2"])
            }
            #expect(try await scalar("SELECT count(*)::bigint FROM outbox", on: client) == 0)
        }
    }

    /// Binary content mode exactly: the key, every `ce_*` header once with its value, and the payload.
    static func expectPublished(
        _ message: KafkaConsumerMessage, as envelope: EventEnvelope, of event: ApplicationSubmittedV1
    ) {
        var headers: [String: String] = [:]
        for header in message.headers {
            #expect(headers[header.name] == nil, "header \(header.name) appears twice")
            headers[header.name] = header.stringValue
        }
        #expect(headers == [
            "ce_specversion": "1.0",
            "ce_id": envelope.id.eventKey,
            "ce_source": "/asn/registration",
            "ce_type": "asn.registration.application-submitted.v1",
            "ce_time": EventTimestamp.string(from: envelope.time),
            "ce_subject": "application/\(event.applicationId.eventKey)",
            "content-type": "application/json",
            "ce_streamid": "application-\(event.applicationId.eventKey)",
            "ce_streamversion": String(envelope.streamVersion),
            "ce_correlationid": "corr-test",
            "ce_causationid": "cause-test",
            "ce_traceparent": EventFixtures.traceparent,
        ])
        #expect(message.key == Array(event.applicationId.eventKey.utf8))
        #expect((try? EventCoding.decode(ApplicationSubmittedV1.self, from: message.value)) == event)
    }

    /// A bigserial position is taken at insert but visible at commit: an event committed late has a lower position
    /// than events the relay already published, and must still be published.
    @Test func anEventCommittedLateWithALowerPositionIsStillPublished() async throws {
        guard let brokers = try IntegrationEnvironment.brokers() else { return }
        try await IntegrationEnvironment.withMigratedDatabase { client, _ in
            let topic = IntegrationEnvironment.uniquePrefix("gap") + "recruitment.registration"
            try await KafkaFixtures.createTopic(topic, partitions: 1, brokers: brokers)
            let store = EventStore(client: client, logger: IntegrationEnvironment.logger)
            let producer = try KafkaFixtures.makeProducer(brokers: brokers)
            let late = try EventFixtures.envelope(EventFixtures.submitted())
            let early = try EventFixtures.envelope(EventFixtures.submitted())

            let received = try await TopicReader.reading(topic, brokers: brokers) { reader in
                try await withServiceGroups(logger: IntegrationEnvironment.logger) { start in
                    _ = start([producer, OutboxRelay.forTest(client: client, producer: producer, topic: topic)])
                    // The late append inserts (taking the lower position) and then holds its transaction open.
                    let inserted = Gate()
                    let release = Gate()
                    defer { release.open() }
                    let lateAppend = Task {
                        try await store.append([late], toStream: late.streamId, expectedVersion: 0) { _, _ in
                            inserted.open()
                            await release.wait()
                        }
                    }
                    await inserted.wait()
                    let earlyResult = try await store.append([early], toStream: early.streamId, expectedVersion: 0)

                    // The relay publishes the later position while the lower one is still uncommitted…
                    #expect(await eventually { try await store.isPublished(early.id) }, "committed event unpublished")
                    #expect(await reader.waitUntil { $0.contains { $0.ceId == early.id.eventKey } })
                    #expect(try await store.isPublished(late.id) == false)

                    // …and once the first transaction commits, its event is published too: nothing is skipped.
                    release.open()
                    let lateResult = try await lateAppend.value
                    #expect(lateResult.events[0].position < earlyResult.events[0].position, "the scenario needs a gap")
                    #expect(await eventually { try await store.isPublished(late.id) }, "the late event was skipped")
                    #expect(await reader.waitUntil { $0.contains { $0.ceId == late.id.eventKey } }, "late event missing")
                }
            }
            #expect(received.compactMap(\.ceId) == [early.id.eventKey, late.id.eventKey])
        }
    }
}
