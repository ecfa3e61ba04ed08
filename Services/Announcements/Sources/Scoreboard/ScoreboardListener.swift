import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle

/// The one PostgreSQL listener of this process: on every scoreboard notification it reads the rows after the last
/// one it pushed, once, and hands them to the ``ScoreboardHub``.
///
/// Every replica listens, so a viewer sees every result whichever replica's projection consumed it. After each
/// (re)connection it catches up from the last sequence it pushed, so nothing committed while the connection was down
/// is lost; a lost connection is retried with back-off. On graceful shutdown it closes the hub, ending the streams.
struct ScoreboardListener: Service {
    let postgres: PostgresClient
    let hub: ScoreboardHub
    /// How often viewers get a heartbeat comment.
    let heartbeatInterval: Duration
    let logger: Logger

    /// Rows read per query while catching up.
    static let pageSize = 1_000

    func run() async throws {
        // Cancelled on graceful shutdown; then the hub ends every open stream.
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask { await self.beat() }
                group.addTask { await self.listen() }
            }
        }
        hub.close()
    }

    private func beat() async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: heartbeatInterval) } catch { return }
            hub.heartbeat()
        }
    }

    /// Listens, catching up after every (re)connection, until cancelled.
    private func listen() async {
        var lastPushed: Int64?
        var delay = Duration.milliseconds(200)
        while !Task.isCancelled {
            do {
                try await postgres.withConnection { connection in
                    try await connection.listen(on: ScoreboardProjection.channel) { notifications in
                        // The first connection starts at the newest row: viewers replay older ones themselves.
                        if lastPushed == nil {
                            lastPushed = try await ScoreboardStore.latestSequence(on: connection, logger: logger)
                        }
                        lastPushed = try await catchUp(after: lastPushed ?? 0, on: connection)
                        delay = .milliseconds(200)
                        for try await _ in notifications {
                            lastPushed = try await catchUp(after: lastPushed ?? 0, on: connection)
                        }
                    }
                }
            } catch {
                if Task.isCancelled { return }
                // Before the migrations have run the tables do not exist yet: expected briefly at start.
                logger.warning("scoreboard listener lost its connection; retrying", metadata: [
                    "error": "\(String(reflecting: error))", "retryIn": "\(delay)",
                ])
            }
            do { try await Task.sleep(for: delay) } catch { return }
            delay = min(delay * 2, .seconds(5))
        }
    }

    /// Pushes every row after `sequence`; returns the last sequence pushed.
    private func catchUp(after sequence: Int64, on connection: PostgresConnection) async throws -> Int64 {
        var last = sequence
        while true {
            let rows = try await ScoreboardStore.results(
                after: last, filter: ScoreboardFilter(), limit: Self.pageSize, on: connection, logger: logger)
            guard let newest = rows.last else { return last }
            hub.publish(rows)
            last = newest.sequence
            if rows.count < Self.pageSize { return last }
        }
    }
}
