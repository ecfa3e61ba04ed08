import EventStore
import Foundation
import Kafka
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceLifecycle
import TestSupport
import Testing
@testable import ServiceKit

/// Two instances of a service on one database: one relay publishes at a time (session advisory lock), the other
/// takes over when the first goes away; every event is published once and per-key order is kept.
@Suite struct OutboxRelayLeadershipTests {
    static let streams: Int64 = 6
    static let versionsPerPhase: Int64 = 4

    @Test func twoRelaysPublishEverythingOnceInPerKeyOrderAcrossAFailover() async throws {
        guard let brokers = try IntegrationEnvironment.brokers() else { return }
        try await IntegrationEnvironment.withMigratedDatabase { client, url in
            let topic = IntegrationEnvironment.uniquePrefix("leader") + "recruitment.registration"
            try await KafkaFixtures.createTopic(topic, partitions: 3, brokers: brokers)
            let store = EventStore(client: client, logger: IntegrationEnvironment.logger)
            let applications = (0..<Int(Self.streams)).map { _ in EventFixtures.submitted() }

            let received = try await TopicReader.reading(topic, brokers: brokers) { reader in
                try await withServiceGroups(logger: IntegrationEnvironment.logger) { start in
                    // Instance A starts first and becomes the publisher; instance B stands by.
                    let first = start(try Self.instance(url: url, brokers: brokers, topic: topic))
                    #expect(await eventually { try await Self.heldRelayLocks(client) == 1 }, "A never took the relay lock")
                    _ = start(try Self.instance(url: url, brokers: brokers, topic: topic))

                    try await Self.append(applications, versions: 1...Self.versionsPerPhase, to: store)
                    #expect(await eventually { try await store.outboxBacklog().count == 0 }, "phase 1 not published")
                    #expect(try await Self.heldRelayLocks(client) == 1, "more than one relay holds the lock")

                    // A goes away (its sessions end, releasing the lock): B takes over and publishes what follows.
                    try await first.stop()
                    try await Self.append(
                        applications, versions: (Self.versionsPerPhase + 1)...(2 * Self.versionsPerPhase), to: store)
                    #expect(await eventually { try await store.outboxBacklog().count == 0 }, "B did not take over")
                    #expect(await eventually { try await Self.heldRelayLocks(client) == 1 }, "B does not hold the lock")
                    let total = Self.streams * 2 * Self.versionsPerPhase
                    #expect(await reader.waitUntil { Int64($0.count) >= total }, "not every event reached the topic")
                }
            }
            #expect(Int64(received.count) == Self.streams * 2 * Self.versionsPerPhase, "duplicates or losses")
            for application in applications {
                let versions = received.filter { $0.key == Array(application.applicationId.eventKey.utf8) }
                    .compactMap { $0.header("ce_streamversion").flatMap { Int64($0) } }
                #expect(versions == Array(1...(2 * Self.versionsPerPhase)), "order of \(application.applicationId)")
            }
        }
    }

    /// The session holding the relay lock is killed (as a database restart does): the relay notices at its next check,
    /// takes the lock again on a new session and keeps publishing. (PostgresNIO never answers a query written to a
    /// closed connection: a relay that simply queried its dead session waited forever.)
    @Test func aRelayWhoseLockSessionDiesTakesTheLockAgainAndKeepsPublishing() async throws {
        guard let brokers = try IntegrationEnvironment.brokers() else { return }
        try await IntegrationEnvironment.withMigratedDatabase { client, url in
            let topic = IntegrationEnvironment.uniquePrefix("session") + "recruitment.registration"
            try await KafkaFixtures.createTopic(topic, partitions: 3, brokers: brokers)
            let store = EventStore(client: client, logger: IntegrationEnvironment.logger)
            let applications = (0..<Int(Self.streams)).map { _ in EventFixtures.submitted() }
            try await withServiceGroups(logger: IntegrationEnvironment.logger) { start in
                _ = start(try Self.instance(url: url, brokers: brokers, topic: topic))
                #expect(await eventually { try await Self.heldRelayLocks(client) == 1 }, "the relay never took the lock")
                let before = try await Self.relayLockSession(client)

                #expect(try await Self.terminateRelayLockSession(client), "no session held the lock")
                // Past the relay's 5-second session check, so it has met its dead session.
                try await Task.sleep(for: .seconds(7))
                try await Self.append(applications, versions: 1...Self.versionsPerPhase, to: store)
                #expect(await eventually(timeout: .seconds(30)) { try await store.outboxBacklog().count == 0 },
                        "the relay stopped publishing after its lock session died")
                #expect(await eventually(timeout: .seconds(30)) {
                    let now = try await Self.relayLockSession(client)
                    return now != nil && now != before
                }, "the relay did not take the lock again on a new session")
            }
        }
    }

    /// The backend process holding the relay lock, if any.
    static func relayLockSession(_ client: PostgresClient) async throws -> Int64? {
        let sessions = try await scalar(
            """
            SELECT coalesce(min(pid), 0)::bigint FROM pg_locks
            WHERE locktype = 'advisory' AND granted
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND ((classid::bigint << 32) | objid::bigint) = \(OutboxRelay.leadershipLockKey)
            """, on: client)
        return sessions == 0 ? nil : sessions
    }

    /// Terminates the backend holding the relay lock; whether there was one.
    static func terminateRelayLockSession(_ client: PostgresClient) async throws -> Bool {
        guard let pid = try await relayLockSession(client) else { return false }
        return try await scalar("SELECT pg_terminate_backend(\(pid)::integer)::integer::bigint", on: client) == 1
    }

    /// One service instance's relay with its own PostgreSQL pool and producer (as a separate process would have).
    static func instance(url: String, brokers: [String], topic: String) throws -> [any Service] {
        var quiet = IntegrationEnvironment.logger
        quiet.logLevel = .error
        let client = PostgresClient(configuration: try TestPostgres.clientConfiguration(url: url), backgroundLogger: quiet)
        let producer = try KafkaFixtures.makeProducer(brokers: brokers)
        return [client, producer, OutboxRelay.forTest(client: client, producer: producer, topic: topic)]
    }

    /// Appends `versions` of every application, the applications concurrently, each stream in order.
    static func append(_ applications: [ApplicationSubmittedV1], versions: ClosedRange<Int64>, to store: EventStore)
        async throws
    {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for application in applications {
                group.addTask {
                    for version in versions {
                        try await store.append(
                            [try EventFixtures.envelope(application, version: version)],
                            toStream: EventFixtures.stream(of: application.applicationId), expectedVersion: version - 1)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// How many sessions hold the relay's leadership lock in this database.
    static func heldRelayLocks(_ client: PostgresClient) async throws -> Int64 {
        let key = OutboxRelay.leadershipLockKey
        return try await scalar(
            """
            SELECT count(*)::bigint FROM pg_locks
            WHERE locktype = 'advisory' AND granted
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND ((classid::bigint << 32) | objid::bigint) = \(key)
            """, on: client)
    }
}
