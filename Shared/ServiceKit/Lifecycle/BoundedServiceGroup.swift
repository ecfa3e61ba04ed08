import Logging
import ServiceLifecycle
import Synchronization
import UnixSignals

/// A `ServiceGroup` whose graceful shutdown has a time limit, and which names the services that hold it up.
///
/// ServiceLifecycle shuts the members down one at a time, last first, each waiting for the one after it. One member
/// that never returns (a connection that never drains, a task that ignores its shutdown) would keep the process alive
/// until the orchestrator kills it, with nothing in the log to say which. Here each member's start, shutdown and end
/// are tracked; when the limit expires after shutdown began, the group logs the members still running at error
/// level, cancels them, and ``run()`` throws ``BoundedServiceGroupError/shutdownTimedOut(limit:stopping:waiting:)``, so
/// the process exits non-zero: a shutdown that had to be forced is not a clean one. Members that ignore cancellation
/// too (a thread blocked in a C library) are abandoned after ``cancellationLimit``: they are logged by name and
/// ``run()`` throws all the same, so the process can still exit before the orchestrator's grace period ends.
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

    /// How long members get, after cancellation, before the group stops waiting for them.
    static let cancellationLimit = Duration.seconds(3)

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
        // Not ServiceLifecycle's limit (a fatalError, i.e. a crash): ``run()`` applies ``cancellationLimit`` itself.
        configuration.maximumCancellationDuration = nil
        self.group = ServiceGroup(configuration: configuration)
        self.progress = progress
        self.shutdownLimit = shutdownLimit
        self.logger = logger
    }

    /// Starts graceful shutdown, as a signal would.
    func triggerGracefulShutdown() async {
        await group.triggerGracefulShutdown()
    }

    /// Runs the members until they have all returned; rethrows the first member failure, or throws
    /// ``BoundedServiceGroupError/shutdownTimedOut(limit:stopping:waiting:)`` when shutdown had to be forced.
    ///
    /// The members run in an unstructured task: a structured one could not return while a member ignores
    /// cancellation, which is exactly the case the limit exists for.
    func run() async throws {
        let group = self.group
        let runner = Task { try await group.run() }
        try await withTaskCancellationHandler {
            try await supervise(runner)
        } onCancel: {
            runner.cancel()
        }
    }

    private func supervise(_ runner: Task<Void, any Error>) async throws {
        let progress = self.progress
        let limit = shutdownLimit
        let expiry = Task {
            try await progress.waitForShutdown()
            try await Task.sleep(for: limit)
        }
        defer { expiry.cancel() }
        if await Self.firstToEnd(runner, expiry) == 0 {
            try await runner.value
            return
        }
        let stillRunning = progress.stillRunning
        logger.error("graceful shutdown exceeded its limit; cancelling the services still running", metadata: [
            "limit": "\(limit)", "stopping": "\(stillRunning.stopping)", "waiting": "\(stillRunning.waiting)",
        ])
        runner.cancel()
        let cancellationExpiry = Task { try await Task.sleep(for: Self.cancellationLimit) }
        defer { cancellationExpiry.cancel() }
        if await Self.firstToEnd(runner, cancellationExpiry) == 0 {
            if case .failure(let error) = await runner.result {
                logger.debug("a service failed while cancelled", metadata: ["error": "\(error)"])
            }
        } else {
            let abandoned = progress.stillRunning
            logger.error("services ignored cancellation too; abandoning them", metadata: [
                "limit": "\(Self.cancellationLimit)", "services": "\(abandoned.stopping + abandoned.waiting)",
            ])
        }
        throw BoundedServiceGroupError.shutdownTimedOut(
            limit: limit, stopping: stillRunning.stopping, waiting: stillRunning.waiting)
    }

    /// The index of the task that ends first (0 or 1), without waiting for the other one.
    private static func firstToEnd(_ first: Task<Void, any Error>, _ second: Task<Void, any Error>) async -> Int {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int, Never>) in
            let answer = AnswerOnce(continuation)
            Task { _ = await first.result; answer.resume(returning: 0) }
            Task { _ = await second.result; answer.resume(returning: 1) }
        }
    }
}

/// A continuation resumed by the first of several callers; the later ones are ignored.
private final class AnswerOnce: Sendable {
    private let continuation: Mutex<CheckedContinuation<Int, Never>?>

    init(_ continuation: CheckedContinuation<Int, Never>) {
        self.continuation = Mutex(continuation)
    }

    func resume(returning value: Int) {
        continuation.withLock { $0.take() }?.resume(returning: value)
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
