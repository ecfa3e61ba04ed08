import Foundation
import RecruitmentEvents
import SuiteHarness

/// Target 2: a projection applies ≥ 5,000 events/s into PostgreSQL.
///
/// Fills a private registration topic with submissions, then starts a fresh `announcements` (its own new database,
/// the private prefix) and watches the public counts until they add up to everything produced.
struct ProjectionBenchmark {
    /// How it measures, for the results file (BenchResultsFile).
    static let method = """
        Pre-loads a private registration topic with submissions spread over the formations, then starts a fresh \
        `announcements` (its own new database, the private prefix) on that backlog and polls its public counts; \
        throughput is the events from the first projected count to the last. No load generator: the backlog is there \
        before the service starts.
        """

    let kafka: BenchKafka
    let databases: ScratchDatabases
    let events: Int
    let formations: Int
    let pollInterval: Duration

    struct Result {
        /// From the first projected count to the last event.
        var eventsPerSecond: Double
        /// From the service answering ready to its projection holding partitions.
        var groupJoin: Duration
    }

    func run() async throws -> Result {
        let prefix = "asn-bench-\(UUID().uuidString.prefix(8).lowercased())."
        let topic = prefix + RecruitmentTopic.registration.name
        try await kafka.createTopic(topic)
        let applications = SubmittedApplications(topic: topic, formations: formations)
        let messages = try applications.messages(count: events)
        let produced = ContinuousClock.now
        try await kafka.withProducer { producer in
            _ = try await BenchKafka.sendInBatches(messages, batchSize: 1_000, through: producer)
        }
        BenchReport.line("produced \(grouped(Double(events))) ApplicationSubmittedV1 over \(formations) formations to "
                         + "\(topic) in \((ContinuousClock.now - produced).formattedSeconds)")
        return try await databases.withDatabase("announcements") { url in
            let service = try ServiceProcess(name: "announcements", environment: AnnouncementsSettings.environment().merging([
                "ASN_POSTGRES_URL": url,
                "ASN_KAFKA_BROKERS": kafka.brokers.joined(separator: ","),
                "ASN_KAFKA_NAME_PREFIX": prefix,
                // The whole backlog is the point here: readiness must not wait for it.
                "ASN_READY_MAX_PROJECTION_LAG": "1000000000",
            ]) { _, new in new })
            let outcome: Swift.Result<Result, any Error>
            do {
                outcome = .success(try await measure(service, applications: applications))
            } catch {
                outcome = .failure(error)
            }
            await service.stopNotingPeak()
            return try outcome.get()
        }
    }

    private func measure(_ service: ServiceProcess, applications: SubmittedApplications) async throws -> Result {
        let counts = PublicCounts(baseURL: service.baseURL)
        let spawned = ContinuousClock.now
        try await service.start(timeout: .seconds(120))
        let ready = ContinuousClock.now
        let assigned = try await counts.waitForAssignment(timeout: .seconds(60), interval: pollInterval)
        BenchReport.line("announcements (log \(service.logFile.path)): started → ready \((ready - spawned).formattedSeconds), "
                         + "group join (ready → partitions assigned) \((assigned - ready).formattedSeconds)")

        var first: (instant: ContinuousClock.Instant, count: Int)?
        var finished: ContinuousClock.Instant?
        var last: [UUID: Int] = [:]
        let deadline = ContinuousClock.now + .seconds(max(120, events / 500))
        while ContinuousClock.now < deadline {
            last = try await counts.applicants(formations: applications.formationIds)
            let now = ContinuousClock.now
            let total = last.values.reduce(0, +)
            if first == nil, total > 0 { first = (now, total) }
            if total >= events {
                finished = now
                break
            }
            try await Task.sleep(for: pollInterval)
        }
        let total = last.values.reduce(0, +)
        guard let first, let finished else {
            throw BenchError.timedOut("the public counts reached \(total) of \(events)")
        }
        let fromJoin = Double(events) / (finished - assigned).seconds
        BenchReport.line("first projected count \(first.count) at +\((first.instant - assigned).formattedSeconds) after the join; "
                         + "all \(grouped(Double(events))) visible \((finished - first.instant).formattedSeconds) later")
        // Too few events to see more than one count: only the rate from the join is left.
        let rate = first.count < events ? Double(events - first.count) / (finished - first.instant).seconds : fromJoin
        BenchReport.line("projection throughput: \(grouped(rate)) events/s (from the first projected count to the last); "
                         + "\(grouped(fromJoin)) events/s from the join")
        let expected = applications.expectedCounts(of: events)
        BenchReport.line(last == expected ? "per-formation counts match what was produced"
                         : "warning: per-formation counts \(last.values.sorted()) differ from \(expected.values.sorted())")
        return Result(eventsPerSecond: rate, groupJoin: assigned - ready)
    }
}
