import EventStore
import Foundation
import Kafka
import PostgresNIO
import RecruitmentEvents
import Testing
@testable import ServiceKit

/// An event the projection can never apply (a bug, a violated invariant) must not stall its partition: the runner
/// isolates it and dead-letters it, and applies the events around it exactly once.
@Suite struct ProjectionRunnerPoisonTests {
    struct PoisonedEvent: Error, CustomStringConvertible {
        var description: String { "poisoned event" }
    }

    @Test func aPoisonEventIsDeadLetteredAndTheRestAppliedOnce() async throws {
        guard let brokers = try IntegrationEnvironment.brokers() else { return }
        try await IntegrationEnvironment.withMigratedDatabase { client, url in
            let harness = try await ProjectionHarness.make(
                client: client, url: url, brokers: brokers, label: "poison", partitions: 1)
            let envelopes = try ProjectionHarness.envelopes(5)
            let poison = envelopes[2].id
            let projection = Projection(
                name: "poison", topics: [.registration],
                apply: { _, envelope, connection, logger in
                    try await connection.query(
                        """
                        INSERT INTO projected (event_id, applied) VALUES (\(envelope.id), 1)
                        ON CONFLICT (event_id) DO UPDATE SET applied = projected.applied + 1
                        """, logger: logger)
                    if envelope.id == poison { throw PoisonedEvent() }
                    return .applied
                },
                reset: { _, _ in })
            let producer = try KafkaFixtures.makeProducer(brokers: brokers)
            try await harness.produce(envelopes, with: producer)

            try await withServiceGroups(logger: IntegrationEnvironment.logger) { start in
                _ = start([harness.runner(for: projection)])
                let drained = await eventually {
                    let letters = try await scalar("SELECT count(*)::bigint FROM dead_letters", on: client)
                    let projected = try await harness.projectedCount()
                    return letters == 1 && projected == 4
                }
                #expect(drained, "the partition stalled on the poison event")
            }

            let counts = try await harness.appliedCounts()
            #expect(counts.count == 4 && counts.values.allSatisfy { $0 == 1 }, "\(counts)")
            #expect(counts[poison] == nil, "the poison event's writes were rolled back")
            let letters = try await harness.store.deadLetters(group: harness.configuration.consumerGroup(projection: "poison"))
            #expect(letters.map(\.eventId) == [poison])
            #expect(letters.first?.reason.contains("poisoned event") == true, "\(letters.first?.reason ?? "-")")
        }
    }
}
