import EventStore
import Foundation
import Kafka
import PostgresNIO
import RecruitmentEvents
import Testing
@testable import ServiceKit

/// A runner restarted on the same group and database resumes at the offsets stored in PostgreSQL.
@Suite struct ProjectionRunnerRestartTests {
    @Test func aRestartedRunnerResumesAtTheStoredOffsetsAndAppliesNothingTwice() async throws {
        guard let brokers = try IntegrationEnvironment.brokers() else { return }
        try await IntegrationEnvironment.withMigratedDatabase { client, url in
            let harness = try await ProjectionHarness.make(
                client: client, url: url, brokers: brokers, label: "restart", partitions: 2)
            let producer = try KafkaFixtures.makeProducer(brokers: brokers)
            let before = try ProjectionHarness.envelopes(10)
            let after = try ProjectionHarness.envelopes(10)

            let first = CountingProjection()
            try await harness.produce(before, with: producer)
            try await withServiceGroups(logger: IntegrationEnvironment.logger) { start in
                _ = start([harness.runner(for: first.projection)])
                #expect(await eventually { try await harness.storedOffsetTotal(first) == 10 }, "first run incomplete")
            }
            #expect(first.calls == 10)

            // Empty the inbox: now only the stored offsets stand between a restart and re-applying the first ten
            // (the consumer never commits offsets to Kafka, so a runner ignoring them would start from the beginning).
            try await client.query(
                "DELETE FROM projection_inbox WHERE consumer_group = \(harness.group(of: first))",
                logger: IntegrationEnvironment.logger)
            try await harness.produce(after, with: producer)

            let second = CountingProjection()  // same name, so same consumer group
            try await withServiceGroups(logger: IntegrationEnvironment.logger) { start in
                _ = start([harness.runner(for: second.projection)])
                #expect(await eventually { try await harness.storedOffsetTotal(second) == 20 }, "did not resume")
            }
            #expect(second.calls == 10, "the restarted runner applied \(second.calls) events instead of the 10 new ones")
            let counts = try await harness.appliedCounts()
            #expect(Set(counts.keys) == Set((before + after).map(\.id)))
            #expect(counts.values.allSatisfy { $0 == 1 }, "re-applied: \(counts.filter { $0.value != 1 })")
        }
    }
}
