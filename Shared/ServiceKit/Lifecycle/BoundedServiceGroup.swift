import Logging
import ServiceLifecycle
import UnixSignals

/// A `ServiceGroup` whose graceful shutdown has a time limit, and which names the services that hold it up.
///
/// ServiceLifecycle shuts the members down one at a time, last first, each waiting for the one after it. One member
/// that never returns (a connection that never drains, a task that ignores its shutdown) would keep the process alive
/// until the orchestrator kills it, with nothing in the log to say which. Here each member's start, shutdown and end
/// are tracked; when the limit expires after shutdown began, the group logs the members still running at error
/// level, cancels them, and ``run()`` throws ``BoundedServiceGroupError/shutdownTimedOut(limit:stopping:waiting:)``, so
/// the process exits non-zero: a shutdown that had to be forced is not a clean one. Members that ignore cancellation
/// too end the process through ServiceLifecycle's cancellation limit.
struct BoundedServiceGroup: Sendable {
    /// One service of the group.
    struct Member: Sendable {
        /// How the member appears in log lines (`service` metadata).
        var name: String
        var service: any Service
        /// Whether the member returning normally shuts the whole group down (the HTTP server), or is ignored (a
        /// start-up step that finished its work).
        var endsGroupWhenFinished: Bool

        init(_ name: String, _ service: any Service, endsGroupWhenFinished: Bool = false) {
            self.name = name
            self.service = service
            self.endsGroupWhenFinished = endsGroupWhenFinished
        }
    }

    /// How long members get, after cancellation, before ServiceLifecycle ends the process.
    static let cancellationLimit = Duration.seconds(5)

    private let group: ServiceGroup
    private let progress: ShutdownProgress
    let shutdownLimit: Duration
    let logger: Logger

    /// A group of `members` started in order and shut down in reverse, on one of `signals` or
    /// ``triggerGracefulShutdown()``; a member that throws shuts the group down.
    init(members: [Member], signals: [UnixSignal], shutdownLimit: Duration, logger: Logger) {
        let progress = ShutdownProgress()
        var configuration = ServiceGroupConfiguration(
            services: members.map { member in
                .init(service: ObservedService(member: member, progress: progress, logger: logger),
                      successTerminationBehavior: member.endsGroupWhenFinished ? .gracefullyShutdownGroup : .ignore,
                      failureTerminationBehavior: .gracefullyShutdownGroup,
                      serviceName: member.name)
            },
            gracefulShutdownSignals: signals,
            logger: logger)
        configuration.maximumCancellationDuration = Self.cancellationLimit
        self.group = ServiceGroup(configuration: configuration)
        self.progress = progress
        self.shutdownLimit = shutdownLimit
        self.logger = logger
    }

    /// Starts graceful shutdown, as a signal would.
    func triggerGracefulShutdown() async {
        await group.triggerGracefulShutdown()
    }

    private enum Outcome: Sendable {
        case finished
        case shutdownTimedOut
    }

    /// Runs the members until they have all returned; rethrows the first member failure, or throws
    /// ``BoundedServiceGroupError/shutdownTimedOut(limit:stopping:waiting:)`` when shutdown had to be forced.
    func run() async throws {
        let group = self.group
        let progress = self.progress
        let limit = shutdownLimit
        try await withThrowingTaskGroup(of: Outcome.self) { tasks in
            tasks.addTask {
                try await group.run()
                return .finished
            }
            tasks.addTask {
                try await progress.waitForShutdown()
                try await Task.sleep(for: limit)
                return .shutdownTimedOut
            }
            guard let first = try await tasks.next() else { return }
            switch first {
            case .finished:
                tasks.cancelAll()
            case .shutdownTimedOut:
                let stillRunning = progress.stillRunning
                logger.error("graceful shutdown exceeded its limit; cancelling the services still running", metadata: [
                    "limit": "\(limit)", "stopping": "\(stillRunning.stopping)", "waiting": "\(stillRunning.waiting)",
                ])
                tasks.cancelAll()
                do {
                    while try await tasks.next() != nil {}
                } catch {
                    logger.debug("a service failed while cancelled", metadata: ["error": "\(error)"])
                }
                throw BoundedServiceGroupError.shutdownTimedOut(
                    limit: limit, stopping: stillRunning.stopping, waiting: stillRunning.waiting)
            }
        }
    }
}

/// Why a ``BoundedServiceGroup`` did not end cleanly.
enum BoundedServiceGroupError: Error, CustomStringConvertible, Equatable {
    /// Graceful shutdown took longer than `limit`. The services `stopping` had been asked to shut down and had not
    /// returned (the culprits); those `waiting` had not been asked yet. All of them were cancelled.
    case shutdownTimedOut(limit: Duration, stopping: [String], waiting: [String])

    var description: String {
        switch self {
        case .shutdownTimedOut(let limit, let stopping, let waiting):
            "graceful shutdown exceeded \(limit): still stopping: \(stopping.joined(separator: ", ")); "
                + "not yet asked: \(waiting.isEmpty ? "none" : waiting.joined(separator: ", ")); all cancelled"
        }
    }
}

/// A member of a ``BoundedServiceGroup``: runs the member's service and reports its start, shutdown and end.
private struct ObservedService: Service {
    let member: BoundedServiceGroup.Member
    let progress: ShutdownProgress
    let logger: Logger

    func run() async throws {
        let name = member.name
        progress.started(name)
        defer { progress.finished(name) }
        let progress = self.progress
        let logger = self.logger
        try await withGracefulShutdownHandler {
            try await member.service.run()
        } onGracefulShutdown: {
            progress.shutdownRequested(name)
            logger.debug("stopping", metadata: ["service": "\(name)"])
        }
        logger.debug("service returned", metadata: ["service": "\(name)"])
    }
}
