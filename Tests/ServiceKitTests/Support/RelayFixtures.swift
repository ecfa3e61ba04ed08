import EventStore
import Foundation
import Kafka
import PostgresNIO
@testable import ServiceKit

extension OutboxRelay {
    /// A relay as ``ServiceRuntime`` builds it, with start-up already done (migrations applied, topic created).
    static func forTest(client: PostgresClient, producer: KafkaProducer, topic: String) -> OutboxRelay {
        let startup = StartupState()
        startup.markMigrated()
        startup.markTopicsReady()
        return OutboxRelay(
            eventStore: EventStore(client: client, logger: IntegrationEnvironment.logger), producer: producer,
            topic: topic, batchSize: 100, idleInterval: .milliseconds(10), startup: startup,
            logger: IntegrationEnvironment.logger)
    }
}

extension EventStore {
    /// Whether the event with `id` is stored (committed) and no longer waits in the outbox.
    func isPublished(_ id: UUID) async throws -> Bool {
        try await client.withConnection { connection in
            let rows = try await connection.query(
                """
                SELECT EXISTS (SELECT 1 FROM events e WHERE e.event_id = \(id)
                               AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.position = e.position))
                """,
                logger: IntegrationEnvironment.logger)
            for try await published in rows.decode(Bool.self) { return published }
            return false
        }
    }
}
