import EventStore
import Foundation
import Logging
import PostgresNIO

/// Throwaway databases on the server of the admin URL, one per started service, dropped afterwards.
struct ScratchDatabases: Sendable {
    let adminURL: String
    let logger: Logger

    /// Creates a uniquely named database and runs `body` with its URL; drops it afterwards (also on error).
    func withDatabase<Result>(_ purpose: String, _ body: (String) async throws -> Result) async throws -> Result {
        let name = "asn_bench_\(purpose)_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        try await execute("CREATE DATABASE \"\(name)\"")
        let outcome: Swift.Result<Result, any Error>
        do {
            outcome = .success(try await body(try url(of: name)))
        } catch {
            outcome = .failure(error)
        }
        do {
            try await execute("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
        } catch {
            BenchReport.line("warning: could not drop database \(name): \(error)")
        }
        return try outcome.get()
    }

    /// The process identifier of the PostgreSQL server (the parent of the backend answering), for CPU accounting
    /// (``CPUAccount``); `nil` when the server is not on this machine.
    func serverProcess() async throws -> Int32? {
        let sql = "SELECT pg_backend_pid()"
        return try await withAdminClient { client in
            for try await backend in try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger)
                .decode(Int32.self) {
                // Read while the backend lives: it exits when the client closes, and then has no parent to read.
                return CPUAccount.parent(of: backend)
            }
            throw BenchError.noRow(sql)
        }
    }

    /// The admin URL pointing at database `name`.
    func url(of name: String) throws -> String {
        guard var components = URLComponents(string: adminURL) else { throw PostgresConfigurationError.malformedURL }
        components.path = "/" + name
        guard let url = components.string else { throw PostgresConfigurationError.malformedURL }
        return url
    }

    /// Forces a checkpoint of the whole server. A benchmark calls it before a measured phase, as database benchmarks
    /// customarily do: the bulk preparation left dirty pages, and after a checkpoint starts, every page's first change
    /// writes the whole page to the WAL. It also restarts the timer of the next scheduled checkpoint
    /// (`checkpoint_timeout`, 5 min), so a phase of seconds never overlaps one.
    func checkpoint() async throws {
        try await execute("CHECKPOINT")
    }

    private func execute(_ sql: String) async throws {
        try await withAdminClient { try await $0.query(PostgresQuery(unsafeSQL: sql), logger: logger) }
    }

    private func withAdminClient<T: Sendable>(_ body: (PostgresClient) async throws -> T) async throws -> T {
        let configuration = try PostgresConfiguration(url: adminURL)
        var backgroundLogger = logger
        backgroundLogger.logLevel = .error
        let client = configuration.makeClient(maximumConnections: 1, backgroundLogger: backgroundLogger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }
}
