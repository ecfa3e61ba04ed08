import EventStore
import Foundation
import Kafka
import RecruitmentEvents
import Testing
@testable import ServiceKit

/// The projection runner against the real PostgreSQL and broker: exactly-once effect (ARCHITECTURE §5).
@Suite struct ProjectionRunnerTests {
    @Test func eventsAreAppliedExactlyOnceAndRedeliveredDuplicatesAreSkipped() async throws {
        guard let brokers = try IntegrationEnvironment.brokers() else { return }
        try await IntegrationEnvironment.withMigratedDatabase { client, url in
            let harness = try await ProjectionHarness.make(
                client: client, url: url, brokers: brokers, label: "once", partitions: 3)
            let producer = try KafkaFixtures.makeProducer(brokers: brokers)
            let counting = CountingProjection()
            let envelopes = try ProjectionHarness.envelopes(30)
            try await harness.produce(envelopes, with: producer)

            try await withServiceGroups(logger: IntegrationEnvironment.logger) { start in
                _ = start([harness.runner(for: counting.projection)])
                #expect(await eventually { try await harness.storedOffsetTotal(counting) == 30 }, "not consumed")
                #expect(try await harness.projectedCount() == 30)

                // The same events again (a relay republishing after a crash between ack and mark): the inbox
                // turns them into no-ops while the offsets move on.
                try await harness.produce(envelopes, with: producer)
                #expect(await eventually { try await harness.storedOffsetTotal(counting) == 60 }, "duplicates unread")
            }
            let counts = try await harness.appliedCounts()
            #expect(Set(counts.keys) == Set(envelopes.map(\.id)))
            #expect(counts.values.allSatisfy { $0 == 1 }, "applied more than once: \(counts.filter { $0.value != 1 })")
            #expect(counting.calls == 30, "apply ran for a duplicate")
            #expect(try await harness.store.deadLetterCount(group: harness.group(of: counting)) == 0)
        }
    }

    @Test func aBatchWhoseApplyFailsIsRolledBackAndRetriedSoEachEventCountsOnce() async throws {
        guard let brokers = try IntegrationEnvironment.brokers() else { return }
        try await IntegrationEnvironment.withMigratedDatabase { client, url in
            let harness = try await ProjectionHarness.make(
                client: client, url: url, brokers: brokers, label: "retry", partitions: 1)
            let producer = try KafkaFixtures.makeProducer(brokers: brokers)
            // The fifth apply writes its row and then fails: the batch's transaction must roll back everything.
            let counting = CountingProjection(failingCall: 5)
            let envelopes = try ProjectionHarness.envelopes(12)
            try await harness.produce(envelopes, with: producer)

            try await withServiceGroups(logger: IntegrationEnvironment.logger) { start in
                _ = start([harness.runner(for: counting.projection)])
                #expect(await eventually { try await harness.storedOffsetTotal(counting) == 12 }, "batch not retried")
            }
            #expect(counting.failures == 1, "the failure was never injected")
            #expect(counting.calls > 12, "nothing was retried")
            let counts = try await harness.appliedCounts()
            #expect(Set(counts.keys) == Set(envelopes.map(\.id)))
            #expect(counts.values.allSatisfy { $0 == 1 }, "counted twice: \(counts.filter { $0.value != 1 })")
        }
    }
}
