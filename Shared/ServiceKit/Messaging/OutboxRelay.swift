import EventStore
import Foundation
import Kafka
import Logging
import Metrics
import PostgresNIO
import RecruitmentEvents
import ServiceLifecycle

/// Publishes the service's appended events to Kafka: the transactional outbox (ARCHITECTURE §5).
///
/// Each round selects events that are not yet published (by flag, never by "position above the last one seen", which
/// would skip rows that commit late), sends them with the idempotent `acks=all` producer, and marks exactly those the
/// broker acknowledged. A crash between acknowledgement and marking republishes them, so delivery is at least once
/// and consumers de-duplicate by event id.
///
/// When several instances of a service run, one relay publishes at a time: each holds a PostgreSQL session advisory
/// lock while it relays, so per-key order is kept; the others wait and take over when its session ends.
struct OutboxRelay: Service {
    let eventStore: EventStore
    let producer: KafkaProducer
    /// The broker-side topic name (with the configured prefix).
    let topic: String
    let batchSize: Int
    let idleInterval: Duration
    let startup: StartupState
    let logger: Logger

    private let published = Counter(label: "asn_outbox_published_total")
    private let failures = Counter(label: "asn_outbox_publish_failures_total")
    private let backlog = Gauge(label: "asn_outbox_backlog_events")
    private let oldestAge = Gauge(label: "asn_outbox_oldest_age_seconds")

    /// How long one outbox query may take (a query on a connection that closed under it never answers).
    static let databaseDeadline: Duration = .seconds(30)

    /// The advisory lock key of the relay leadership ("asn-outb").
    static let leadershipLockKey: Int64 = 0x6173_6E2D_6F75_7462

    func run() async throws {
        guard try await startup.waitUntilMigrated(), try await startup.waitUntilTopicsReady() else { return }
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await eventStore.client.withConnection { connection in
                    guard try await acquireLeadership(on: connection) else { return }
                    logger.info("outbox relay is the active publisher")
                    try await relay(whileHolding: connection)
                }
            } catch {
                logger.warning("outbox relay lost its database session; retrying", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
        // Last round on the way out so that events accepted just before shutdown are not left waiting.
        _ = try? await publishOnce()
    }

    /// Waits until this instance holds the relay lock (or shutdown begins).
    private func acquireLeadership(on connection: PostgresConnection) async throws -> Bool {
        var announced = false
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let acquired = try await onSession(connection) { connection, logger in
                let rows = try await connection.query(
                    "SELECT pg_try_advisory_lock(\(Self.leadershipLockKey))", logger: logger)
                for try await acquired in rows.decode(Bool.self) where acquired { return true }
                return false
            }
            if acquired { return true }
            if !announced {
                logger.info("another instance is publishing the outbox; standing by")
                announced = true
            }
            try? await Task.sleep(for: .seconds(1))
        }
        return false
    }

    /// Publishes rounds until shutdown; returns (by throwing) when the lock's session fails.
    private func relay(whileHolding connection: PostgresConnection) async throws {
        var lastBacklogReport = ContinuousClock.now - .seconds(60)
        var failureDelay = Duration.milliseconds(100)
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let count = try await publishOnce()
                failureDelay = .milliseconds(100)
                if ContinuousClock.now - lastBacklogReport > .seconds(5) {
                    try await reportBacklog()
                    // Still holding the lock? A dead session has released it to another instance.
                    try await onSession(connection) { connection, logger in
                        _ = try await connection.query("SELECT 1", logger: logger).collect()
                    }
                    lastBacklogReport = .now
                }
                if count < batchSize {
                    try? await Task.sleep(for: idleInterval)
                }
            } catch {
                failures.increment()
                logger.warning("outbox round failed; retrying", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: failureDelay)
                failureDelay = min(failureDelay * 2, .seconds(5))
                if connection.isClosed { throw error }
            }
        }
    }

    /// Runs `query` on the session holding (or waiting for) the lock; throws ``RelaySessionLost`` when that session
    /// is gone, which has released the lock to another instance.
    ///
    /// PostgresNIO never answers a query written to a connection that has closed (its promise is dropped), so a
    /// closed connection is recognised without a query, and the query itself is bounded.
    private func onSession<T: Sendable>(
        _ connection: PostgresConnection,
        _ query: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
    ) async throws -> T {
        guard !connection.isClosed else { throw RelaySessionLost() }
        let logger = logger
        return try await answer(within: Self.databaseDeadline) { try await query(connection, logger) }
    }

    /// Publishes one batch; returns how many events it found.
    @discardableResult
    func publishOnce() async throws -> Int {
        let (eventStore, batchSize) = (eventStore, batchSize)
        let events = try await answer(within: Self.databaseDeadline) {
            try await eventStore.unpublishedEvents(limit: batchSize)
        }
        guard !events.isEmpty else { return 0 }
        let messages = events.map { $0.envelope.kafkaMessage(topic: topic) }
        let results = await producer.send(batch: messages)
        var acknowledged: [Int64] = []
        acknowledged.reserveCapacity(events.count)
        var firstError: KafkaError?
        for (event, result) in zip(events, results) {
            switch result {
            case .success: acknowledged.append(event.position)
            case .failure(let error): firstError = firstError ?? error
            }
        }
        if !acknowledged.isEmpty {
            _ = try await answer(within: Self.databaseDeadline) { [acknowledged] in
                try await eventStore.markPublished(positions: acknowledged)
            }
            published.increment(by: acknowledged.count)
        }
        if let firstError {
            throw firstError
        }
        return events.count
    }

    func reportBacklog() async throws {
        let eventStore = eventStore
        let status = try await answer(within: Self.databaseDeadline) { try await eventStore.outboxBacklog() }
        backlog.record(Double(status.count))
        oldestAge.record(status.oldestAge.map { Double($0.components.seconds) } ?? 0)
    }
}

/// The outbox relay's lock session closed (a database restart, a network cut).
struct RelaySessionLost: Error, CustomStringConvertible {
    var description: String { "the session holding the outbox relay lock is closed" }
}
