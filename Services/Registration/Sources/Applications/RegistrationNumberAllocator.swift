import Logging
import PostgresNIO
import ServiceKit

/// Hands out registration sequence numbers from blocks reserved in PostgreSQL: one `nextval` (the sequence steps by
/// ``blockSize``) reserves `blockSize` numbers for this instance, so most submissions need no round trip for their
/// number. Numbers stay unique across instances; a restart leaves the rest of a block unused (a gap, never a repeat).
actor RegistrationNumberAllocator {
    static let blockSize: Int64 = 100

    let postgres: PostgresClient
    let logger: Logger
    private var next: Int64 = 0
    private var end: Int64 = 0
    /// The block reservation in flight: callers arriving meanwhile wait for it instead of reserving blocks of their own.
    private var refill: Task<Int64, any Error>?

    init(postgres: PostgresClient, logger: Logger) {
        self.postgres = postgres
        self.logger = logger
    }

    func next() async throws -> Int64 {
        while next >= end {
            let task: Task<Int64, any Error>
            if let refill {
                task = refill
            } else {
                task = Task { try await self.reserveBlock() }
                refill = task
            }
            let start: Int64
            do {
                start = try await task.value
            } catch {
                if refill == task { refill = nil }
                throw error
            }
            if refill == task {
                refill = nil
                next = start
                end = start + Self.blockSize
            }
        }
        defer { next += 1 }
        return next
    }

    private func reserveBlock() async throws -> Int64 {
        let rows = try await postgres.query("SELECT nextval('registration_number_seq')", logger: logger)
        for try await value in rows.decode(Int64.self) { return value }
        throw Problem.internalError()
    }
}
