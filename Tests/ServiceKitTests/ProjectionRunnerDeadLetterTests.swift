import EventStore
import Foundation
import Kafka
import RecruitmentEvents
import Testing
@testable import ServiceKit

/// Records that cannot be projected go to `dead_letters` with the reason; the partition keeps flowing.
@Suite struct ProjectionRunnerDeadLetterTests {
    @Test func undecodableRecordsAreDeadLetteredAndLaterRecordsStillApplied() async throws {
        guard let brokers = try IntegrationEnvironment.brokers() else { return }
        try await IntegrationEnvironment.withMigratedDatabase { client, url in
            let harness = try await ProjectionHarness.make(
                client: client, url: url, brokers: brokers, label: "dlq", partitions: 1)
            let producer = try KafkaFixtures.makeProducer(brokers: brokers)
            let counting = CountingProjection()
            let good = try ProjectionHarness.envelopes(2)
            var unknown = try EventFixtures.envelope(EventFixtures.submitted())
            unknown.type = "asn.registration.no-such-event.v1"
            var badJSON = try EventFixtures.envelope(EventFixtures.submitted())
            badJSON.data = Array(#"{"applicationId": "#.utf8)
            let topic = harness.topic
            let records = [
                good[0].kafkaMessage(topic: topic),
                KafkaProducerMessage(topic: topic, key: "k", value: Array("garbage".utf8), headers: [
                    KafkaHeader(name: "ce_specversion", string: "1.0"), KafkaHeader(name: "ce_id", string: "not-a-uuid"),
                ]),
                KafkaProducerMessage(topic: topic, key: "k", value: Array("no headers at all".utf8)),
                unknown.kafkaMessage(topic: topic),
                badJSON.kafkaMessage(topic: topic),
                good[1].kafkaMessage(topic: topic),
            ]
            try await KafkaFixtures.produce(records, with: producer)

            let deadLetterTopic = harness.configuration.deadLetterTopicName
            try await KafkaFixtures.createTopic(deadLetterTopic, partitions: 1, brokers: brokers)
            let publisher = DeadLetterPublisher(
                producer: producer, topic: deadLetterTopic, logger: IntegrationEnvironment.logger)
            let copies = try await TopicReader.reading(deadLetterTopic, brokers: brokers) { reader in
                try await withServiceGroups(logger: IntegrationEnvironment.logger) { start in
                    _ = start([harness.runner(for: counting.projection, deadLetters: publisher)])
                    #expect(await eventually { try await harness.storedOffsetTotal(counting) == 6 }, "the partition stalled")
                }
                #expect(await reader.waitUntil { $0.count >= 4 }, "the dead letters were not copied to their topic")
            }
            // The dead-letter topic carries each record unchanged plus where it came from and why.
            #expect(copies.count == 4)
            #expect(copies.map(\.value) == [Array("garbage".utf8), Array("no headers at all".utf8), unknown.data, badJSON.data])
            for copy in copies {
                let header = { (name: String) in copy.headers.first { $0.name == name }?.stringValue }
                #expect(header("x-original-topic") == topic)
                #expect(header("x-dead-letter-group") == harness.group(of: counting))
                #expect(header("x-dead-letter-reason")?.isEmpty == false)
            }
            #expect(copies.compactMap { $0.headers.first { $0.name == "x-original-offset" }?.stringValue } == ["1", "2", "3", "4"])

            let counts = try await harness.appliedCounts()
            #expect(counts == [good[0].id: 1, good[1].id: 1], "the good records around the bad ones")
            let letters = try await harness.store.deadLetters(group: harness.group(of: counting))
            let byOffset = Dictionary(letters.map { ($0.offset, $0) }, uniquingKeysWith: { first, _ in first })
            #expect(letters.count == 4)
            #expect(Set(byOffset.keys) == [1, 2, 3, 4])
            #expect(byOffset[1]?.reason.contains("invalid Kafka header ce_id") == true, "\(byOffset[1]?.reason ?? "-")")
            #expect(byOffset[1]?.payload == Array("garbage".utf8))
            #expect(byOffset[2]?.reason.contains("missing Kafka header") == true, "\(byOffset[2]?.reason ?? "-")")
            #expect(byOffset[3]?.reason.contains("unknown event type asn.registration.no-such-event.v1") == true,
                    "\(byOffset[3]?.reason ?? "-")")
            #expect(byOffset[3]?.eventId == unknown.id)
            let undecodable = "undecodable payload for asn.registration.application-submitted.v1"
            #expect(byOffset[4]?.reason.contains(undecodable) == true, "\(byOffset[4]?.reason ?? "-")")
            #expect(byOffset[4]?.eventType == "asn.registration.application-submitted.v1")
            #expect(letters.allSatisfy { $0.topic == topic && $0.partition == 0 })
        }
    }
}
