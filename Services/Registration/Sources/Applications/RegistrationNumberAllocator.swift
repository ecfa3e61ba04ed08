import Logging
import PostgresNIO
import ServiceKit

/// Hands out registration sequence numbers from blocks reserved in PostgreSQL: one `nextval` (the sequence steps by
/// ``blockSize``) reserves `blockSize` numbers for this instance, so most submissions need no round trip for their
/// number. Numbers stay unique across instances; a restart leaves the rest of a block unused (a gap, never a repeat).
///
/// A block is reserved on the connection of the caller that finds the block used up: callers hold a connection while
/// they ask (a submission reads and appends on one), and a reservation that waited for a connection of its own could
/// wait for ever once every connection is held by a caller waiting for it.
actor RegistrationNumberAllocator {
    static let blockSize: Int64 = 100

    let logger: Logger
    private var next: Int64 = 0
    private var end: Int64 = 0
    /// The block reservation in flight: callers arriving meanwhile wait for it instead of reserving blocks of their own.
    private var refill: Task<Int64, any Error>?

    init(logger: Logger) {
        self.logger = logger
    }

    /// The next number, reserving a block on `connection` if needed.
    func next(on connection: PostgresConnection) async throws -> Int64 {
        while next >= end {
            let task: Task<Int64, any Error>
            if let refill {
                task = refill
            } else {
                task = Task { try await self.reserveBlock(on: connection) }
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

    private func reserveBlock(on connection: PostgresConnection) async throws -> Int64 {
        let rows = try await connection.query("SELECT nextval('registration_number_seq')", logger: logger)
        for try await value in rows.decode(Int64.self) { return value }
        throw Problem.internalError()
    }
}
