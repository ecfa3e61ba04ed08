import EventStore
import Foundation
import Kafka
import Logging
import PostgresNIO
import RecruitmentEvents
import Synchronization
@testable import ServiceKit

/// A read model that counts how often each event was applied (`projected.applied`), so "exactly once" is a query.
final class CountingProjection: Sendable {
    let name: String
    /// The apply call (1-based, over the projection's lifetime) that writes and then throws, once.
    let failingCall: Int?
    private let state = Mutex<(calls: Int, failures: Int)>((0, 0))

    init(name: String = "counting", failingCall: Int? = nil) {
        self.name = name
        self.failingCall = failingCall
    }

    /// How often `apply` ran (including the failed attempt).
    var calls: Int { state.withLock { $0.calls } }
    var failures: Int { state.withLock { $0.failures } }

    static func createTable(on client: PostgresClient) async throws {
        try await client.query(
            "CREATE TABLE projected (event_id uuid PRIMARY KEY, applied integer NOT NULL)",
            logger: IntegrationEnvironment.logger)
    }

    var projection: Projection {
        Projection(
            name: name, topics: [.registration],
            apply: { event, envelope, connection, logger in
                guard event is ApplicationSubmittedV1 else { return .ignored }
                let call = self.state.withLock { $0.calls += 1; return $0.calls }
                try await connection.query(
                    """
                    INSERT INTO projected (event_id, applied) VALUES (\(envelope.id), 1)
                    ON CONFLICT (event_id) DO UPDATE SET applied = projected.applied + 1
                    """, logger: logger)
                if call == self.failingCall {
                    // Written, not yet committed: like a crash between applying and committing.
                    self.state.withLock { $0.failures += 1 }
                    throw InjectedFailure()
                }
                return .applied
            },
            reset: { connection, logger in
                try await connection.query("TRUNCATE projected", logger: logger)
            })
    }
}

/// One projection's world: the service configuration (unique Kafka prefix), its topic and its database.
struct ProjectionHarness {
    let configuration: ServiceConfiguration
    let client: PostgresClient
    let brokers: [String]

    var topic: String { configuration.topicName(.registration) }
    var store: ProjectionStore { ProjectionStore(client: client, logger: IntegrationEnvironment.logger) }

    static func make(client: PostgresClient, url: String, brokers: [String], label: String, partitions: Int)
        async throws -> ProjectionHarness
    {
        let configuration = try ServiceConfiguration(
            serviceName: "sktest", defaultPort: 8080,
            reader: ConfigurationReader(environment: [
                "ASN_POSTGRES_URL": url, "ASN_KAFKA_BROKERS": brokers.joined(separator: ","),
                "ASN_KAFKA_NAME_PREFIX": IntegrationEnvironment.uniquePrefix(label),
                "ASN_KAFKA_SESSION_TIMEOUT_MS": "6000", "ASN_PROJECTION_BATCH_SIZE": "50",
            ]))
        let harness = ProjectionHarness(configuration: configuration, client: client, brokers: brokers)
        try await KafkaFixtures.createTopic(harness.topic, partitions: partitions, brokers: brokers)
        try await CountingProjection.createTable(on: client)
        return harness
    }

    /// A runner as ``ServiceRuntime`` builds it, with start-up already done.
    func runner(for projection: Projection, deadLetters: DeadLetterPublisher? = nil) -> ProjectionRunner {
        let startup = StartupState()
        startup.markMigrated()
        startup.markTopicsReady()
        return ProjectionRunner(
            projection: projection, serviceName: configuration.serviceName, configuration: configuration,
            store: store, registry: .standard, startup: startup, logger: IntegrationEnvironment.logger,
            deadLetters: deadLetters)
    }

    func group(of projection: CountingProjection) -> String { configuration.consumerGroup(projection: projection.name) }

    /// `count` submitted applications as envelopes (one key each).
    static func envelopes(_ count: Int) throws -> [EventEnvelope] {
        try (0..<count).map { _ in try EventFixtures.envelope(EventFixtures.submitted()) }
    }

    func produce(_ envelopes: [EventEnvelope], with producer: KafkaProducer) async throws {
        try await KafkaFixtures.produce(envelopes.map { $0.kafkaMessage(topic: topic) }, with: producer)
    }

    // MARK: Read model and bookkeeping

    func projectedCount() async throws -> Int64 {
        try await scalar("SELECT count(*)::bigint FROM projected", on: client)
    }

    /// How often each event was applied, by event id.
    func appliedCounts() async throws -> [UUID: Int] {
        let rows = try await client.query("SELECT event_id, applied FROM projected", logger: IntegrationEnvironment.logger)
        var counts: [UUID: Int] = [:]
        for try await (id, applied) in rows.decode((UUID, Int32).self) { counts[id] = Int(applied) }
        return counts
    }

    /// The sum of the next offsets stored for the projection (= records consumed, offsets starting at 0).
    func storedOffsetTotal(_ projection: CountingProjection) async throws -> Int64 {
        try await store.storedOffsets(group: group(of: projection)).values.reduce(0, +)
    }
}
