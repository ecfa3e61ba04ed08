import Logging
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// Watches whether PostgreSQL answers, so API requests can be refused at once with a 503 while it is down instead of
/// queueing for a pool connection until PostgresNIO gives up (about a minute).
///
/// It pings every ``interval`` with a ``timeout`` and concludes with ``DatabaseAvailability``: unavailable after two
/// consecutive failed pings (one slow answer on a busy machine is not an outage), available again after one answered
/// ping. Operations endpoints do not depend on it.
final class DatabaseMonitor: Service, Sendable {
    let postgres: PostgresClient
    let logger: Logger
    let interval: Duration
    let timeout: Duration
    private let state = Mutex(DatabaseAvailability())

    init(postgres: PostgresClient, logger: Logger, interval: Duration = .seconds(1), timeout: Duration = .seconds(1)) {
        self.postgres = postgres
        self.logger = logger
        self.interval = interval
        self.timeout = timeout
    }

    /// Whether the database counts as up (`false` before the first ping answered): what readiness reports.
    var isAvailable: Bool { state.withLock { $0.available == true } }

    /// Whether the database counts as down (`false` before the first ping): when API requests are refused.
    var isKnownUnavailable: Bool { state.withLock { $0.available == false } }

    /// Why the database does not count as available.
    var unavailableReason: String? {
        state.withLock { $0.available == true ? nil : ($0.reason ?? "not checked yet") }
    }

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let failure = await ping()
            switch state.withLock({ $0.record(failure: failure) }) {
            case .wentDown(let reason)?:
                logger.warning("database unavailable; API requests get 503 until it answers", metadata: [
                    "reason": "\(reason)",
                ])
            case .cameBack?:
                logger.notice("database available again")
            case nil:
                if let failure {
                    logger.debug("database ping failed", metadata: ["reason": "\(failure)"])
                }
            }
            try? await cancelWhenGracefulShutdown { [interval] in try await Task.sleep(for: interval) }
        }
    }

    /// `nil` when `SELECT 1` answered within the timeout, otherwise the reason. (Bounded with `answer(within:_:)`:
    /// a ping written to a connection that has just closed never answers, and ignores cancellation.)
    func ping() async -> String? {
        let (postgres, logger) = (postgres, logger)
        do {
            try await answer(within: timeout) { _ = try await postgres.query("SELECT 1", logger: logger).collect() }
            return nil
        } catch {
            return "\(error)"
        }
    }
}
