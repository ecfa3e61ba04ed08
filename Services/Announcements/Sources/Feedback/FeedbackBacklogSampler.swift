import Foundation
import Logging
import Metrics
import ServiceLifecycle

/// Samples the moderation backlog into gauges for `/metrics`: feedback waiting for moderation and the age of the
/// oldest. Read from PostgreSQL, so every instance reports the same figures.
struct FeedbackBacklogSampler: Service {
    let store: FeedbackStore
    let interval: Duration
    let logger: Logger

    private let backlog = Gauge(label: "asn_announcements_feedback_moderation_backlog")
    private let oldestAge = Gauge(label: "asn_announcements_feedback_oldest_unmoderated_age_seconds")

    init(store: FeedbackStore, interval: Duration = .seconds(15), logger: Logger) {
        self.store = store
        self.interval = interval
        self.logger = logger
    }

    func run() async throws {
        // The whole loop ends at graceful shutdown, a sample waiting for an absent database included.
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await self.sample(now: Date())
                } catch {
                    self.logger.debug("feedback backlog not sampled", metadata: ["error": "\(error)"])
                }
                try await Task.sleep(for: self.interval)
            }
        }
    }

    func sample(now: Date) async throws {
        let (count, oldest) = try await store.backlog()
        backlog.record(count)
        oldestAge.record(oldest.map { max(0, now.timeIntervalSince($0)) } ?? 0)
    }
}
