import Logging
import ServiceLifecycle

/// A start-up step (migrations, topic creation) that keeps retrying while its dependency is down, so a service
/// started before its database or broker comes up simply becomes ready later. A permanent failure (for example an
/// unknown migration already applied) ends the service with that error. After success it idles until shutdown, so
/// the service group does not take its return for the end of the service.
struct RetryingStartupTask: Service {
    let name: String
    let logger: Logger
    let step: @Sendable () async throws -> Void
    let isPermanent: @Sendable (any Error) -> Bool
    let onFailure: @Sendable (String) -> Void

    func run() async throws {
        var delay = Duration.milliseconds(250)
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await step()
                logger.info("start-up step done", metadata: ["step": "\(name)"])
                try? await gracefulShutdown()
                return
            } catch {
                if isPermanent(error) {
                    logger.critical("start-up step failed permanently", metadata: ["step": "\(name)", "error": "\(error)"])
                    throw error
                }
                onFailure("\(name): \(error)")
                logger.warning("start-up step failed; retrying", metadata: [
                    "step": "\(name)", "error": "\(error)", "retry_in": "\(delay)",
                ])
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(5))
            }
        }
    }
}
