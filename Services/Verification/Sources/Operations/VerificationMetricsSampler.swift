import Foundation
import Logging
import Metrics
import PostgresNIO
import ServiceLifecycle

/// Samples the verification backlog into gauges for `/metrics` (issue: queue depth, oldest case age, objection
/// backlog). Read from PostgreSQL, so every instance reports the same, current figures.
struct VerificationMetricsSampler: Service {
    let postgres: PostgresClient
    let interval: Duration
    let logger: Logger

    private let queueDepth = Gauge(label: "asn_verification_queue_depth")
    private let oldestAge = Gauge(label: "asn_verification_oldest_case_age_seconds")
    private let inReview = Gauge(label: "asn_verification_cases_in_review")
    private let awaitingCountersignature = Gauge(label: "asn_verification_awaiting_countersignature")
    private let objectionBacklog = Gauge(label: "asn_verification_objection_backlog")
    private let objectionsOverdue = Gauge(label: "asn_verification_objections_overdue")

    init(postgres: PostgresClient, interval: Duration = .seconds(15), logger: Logger) {
        self.postgres = postgres
        self.interval = interval
        self.logger = logger
    }

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await sample(now: Date())
            } catch {
                logger.debug("verification metrics not sampled", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
        }
    }

    func sample(now: Date) async throws {
        let rows = try await postgres.query(
            """
            SELECT count(*) FILTER (WHERE status = 'open' OR (status = 'claimed' AND lease_expires_at <= \(now)))::int,
                   min(submitted_at) FILTER (
                       WHERE status = 'open' OR (status = 'claimed' AND lease_expires_at <= \(now))),
                   count(*) FILTER (WHERE status = 'claimed' AND lease_expires_at > \(now))::int,
                   count(*) FILTER (WHERE status = 'awaiting-countersignature')::int,
                   (SELECT count(*) FROM cases WHERE objection_status = 'pending')::int,
                   (SELECT count(*) FROM cases c JOIN publications p
                        ON p.formation_id = c.formation_id AND p.round = 'initial'
                    WHERE c.objection_status = 'pending' AND p.answers_due_at < \(now))::int
            FROM cases WHERE status IN ('open', 'claimed', 'awaiting-countersignature')
            """, logger: logger)
        for try await (waiting, oldest, reviewing, awaiting, objections, overdue) in rows.decode(
            (Int, Date?, Int, Int, Int, Int).self)
        {
            queueDepth.record(waiting)
            oldestAge.record(oldest.map { max(0, now.timeIntervalSince($0)) } ?? 0)
            inReview.record(reviewing)
            awaitingCountersignature.record(awaiting)
            objectionBacklog.record(objections)
            objectionsOverdue.record(overdue)
        }
    }
}
