import Logging
import ServiceLifecycle

/// Services run in a `ServiceGroup` the way a service executable runs them (without signal handlers), so they see the
/// same graceful shutdown; ``stop()`` triggers it and waits for every service to return.
final class RunningServices: Sendable {
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    init(_ services: [any Service], logger: Logger) {
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: services.map {
                .init(service: $0, successTerminationBehavior: .ignore,
                      failureTerminationBehavior: .gracefullyShutdownGroup)
            },
            logger: logger))
        self.group = group
        self.task = Task { try await group.run() }
    }

    /// Graceful shutdown in reverse order of the services; rethrows a service's failure.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }
}

/// Runs `body` with a starter for service groups; every group it started is stopped afterwards, also when `body`
/// throws (groups `body` stopped itself are left alone).
func withServiceGroups<Result>(
    logger: Logger,
    _ body: (_ start: ([any Service]) -> RunningServices) async throws -> Result
) async throws -> Result {
    var started: [RunningServices] = []
    let result: Swift.Result<Result, any Error>
    do {
        result = .success(try await body { services in
            let running = RunningServices(services, logger: logger)
            started.append(running)
            return running
        })
    } catch {
        result = .failure(error)
    }
    for running in started.reversed() {
        try? await running.stop()
    }
    return try result.get()
}
