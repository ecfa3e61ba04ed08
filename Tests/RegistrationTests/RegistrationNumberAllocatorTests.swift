import EventStore
import Foundation
import PostgresNIO
import TestSupport
import Testing
@testable import Registration

/// Registration numbers from blocks: unique across instances sharing one database, against the real PostgreSQL.
@Suite struct RegistrationNumberAllocatorTests {
    @Test func twoInstancesNeverHandOutTheSameNumber() async throws {
        try await TestPostgres.withFreshDatabase { client, _ in
            try await DatabaseMigrator(
                client: client, migrations: EventStoreMigrations.all + RegistrationService.migrations,
                logger: TestPostgres.logger
            ).migrate()
            let first = RegistrationNumberAllocator(logger: TestPostgres.logger)
            let second = RegistrationNumberAllocator(logger: TestPostgres.logger)
            // Every caller holds a connection while it asks, as a submission does, and far more callers than
            // connections ask at once: a block reserved on a connection of its own would never get one.
            let numbers = try await withThrowingTaskGroup(of: Int64.self) { group in
                for index in 0..<500 {
                    let allocator = index % 2 == 0 ? first : second
                    group.addTask { try await client.withConnection { try await allocator.next(on: $0) } }
                }
                return try await group.reduce(into: [Int64]()) { $0.append($1) }
            }
            #expect(Set(numbers).count == 500)
            #expect(numbers.allSatisfy { $0 > 0 })
            // Blocks of 100: two instances need at most a few blocks for 500 numbers.
            #expect(numbers.max()! < 1_000)
        }
    }
}
