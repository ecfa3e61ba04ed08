import Logging
import ServiceLifecycle

/// A start-up step (migrations, topic creation) that keeps retrying while its dependency is down, so a service
/// started before its database or broker comes up simply becomes ready later. A permanent failure (for example an
/// unknown migration already applied) ends the service with that error. After success it idles until shutdown, so
/// the service group does not take its return for the end of the service.
///
/// Graceful shutdown ends it at once, also in the middle of an attempt: a step blocked on a dependency that is down
/// (a database connection that never comes, a broker request waiting for its timeout) must not hold the process.
struct RetryingStartupTask: Service {
    let name: String
    let logger: Logger
    let step: @Sendable () async throws -> Void
    let isPermanent: @Sendable (any Error) -> Bool
    let onFailure: @Sendable (String) -> Void

    func run() async throws {
        var delay = Duration.milliseconds(250)
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            guard let outcome = await attempt() else { return }
            switch outcome {
            case .success:
                logger.info("start-up step done", metadata: ["step": "\(name)"])
                try? await gracefulShutdown()
                return
            case .failure(let error):
                if isPermanent(error) {
                    logger.critical("start-up step failed permanently", metadata: ["step": "\(name)", "error": "\(error)"])
                    throw error
                }
                if Task.isShuttingDownGracefully { return }
                onFailure("\(name): \(error)")
                logger.warning("start-up step failed; retrying", metadata: [
                    "step": "\(name)", "error": "\(error)", "retry_in": "\(delay)",
                ])
                try? await cancelWhenGracefulShutdown { [delay] in try await Task.sleep(for: delay) }
                delay = min(delay * 2, .seconds(5))
            }
        }
    }

    /// One attempt of `step`, or `nil` when graceful shutdown begins first (the attempt is then cancelled and left
    /// to end on its own; the process is about to exit).
    private func attempt() async -> Result<Void, any Error>? {
        let (outcomes, continuation) = AsyncStream.makeStream(of: Result<Void, any Error>?.self)
        let work = Task { [step] in
            do {
                try await step()
                continuation.yield(.success(()))
            } catch {
                continuation.yield(.failure(error))
            }
            continuation.finish()
        }
        return await withGracefulShutdownHandler {
            var iterator = outcomes.makeAsyncIterator()
            return await iterator.next() ?? nil
        } onGracefulShutdown: {
            work.cancel()
            continuation.yield(nil)
            continuation.finish()
        }
    }
}
