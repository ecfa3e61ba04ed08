import Foundation
import RecruitmentEvents
import SuiteHarness

/// Target 3: a submission accepted over HTTP is visible in the announcements' public count within 500 ms (p99) at
/// 100 submissions/s.
///
/// Starts its own registration + announcements pair (fresh databases, private prefix, the services' default outbox
/// poll interval), opens a period with two formations and prepares one complete draft per measured submission (sign-up,
/// login, start, the six national documents: not timed). Once the pipeline is idle it warms up with a few submissions
/// on the other formation, then runs an open-loop load of submissions while a poller reads the measured formation's
/// count every few milliseconds. The k-th accepted submission became visible when the count first reached k.
struct SkeletonBenchmark {
    /// How it measures, for the results file (BenchResultsFile).
    static let method = """
        Starts its own registration and announcements (fresh databases, a private prefix, bcrypt cost 4), prepares one \
        complete draft per submission through the public API (not timed), then submits at a fixed rate (open loop: a \
        fixed send schedule) while a poller reads the public count of the formation every few milliseconds; the k-th \
        accepted submission is visible when the count first reaches k, its latency runs from the 201 to that read.
        """

    let brokers: [String]
    let databases: ScratchDatabases
    let rate: Int
    let seconds: Int
    let pollInterval: Duration
    let prepareConcurrency: Int

    static let warmUpSubmissions = 20

    struct Result {
        var accepted: Int
        var errors: Int
        /// Accepted submissions per second between the first and the last response.
        var sustainedPerSecond: Double?
        var httpLatency: LatencySample
        var visibility: LatencySample
        var invisible: Int
    }

    func run() async throws -> Result {
        let prefix = BenchRegistration.uniquePrefix()
        return try await databases.withDatabase("registration") { registrationURL in
            try await databases.withDatabase("announcements") { announcementsURL in
                let registration = try BenchRegistration.process(
                    postgres: registrationURL, brokers: brokers, prefix: prefix)
                let announcements = try ServiceProcess(
                    name: "announcements",
                    environment: AnnouncementsSettings.environment().merging([
                        "ASN_POSTGRES_URL": announcementsURL, "ASN_KAFKA_BROKERS": brokers.joined(separator: ","),
                        "ASN_KAFKA_NAME_PREFIX": prefix,
                        "ASN_OUTBOX_POLL_INTERVAL_MS": "25",  // the services' default, not the e2e tests' 10 ms
                    ]) { _, new in new })
                let client = TestHTTPClient(connectionsPerHost: 64)
                let outcome: Swift.Result<Result, any Error>
                do {
                    try await registration.start()
                    try await announcements.start()
                    BenchReport.line("registration \(registration.baseURL) (log \(registration.logFile.path))")
                    BenchReport.line("announcements \(announcements.baseURL) (log \(announcements.logFile.path))")
                    outcome = .success(try await measure(registration: registration.baseURL,
                                                         announcements: announcements.baseURL, client: client))
                } catch {
                    outcome = .failure(error)
                }
                await client.shutdown()
                await registration.stopNotingPeak()
                await announcements.stopNotingPeak()
                return try outcome.get()
            }
        }
    }

    private func measure(registration: String, announcements: String, client: TestHTTPClient) async throws -> Result {
        let journey = RegistrationJourney(baseURL: registration)
        let catalogue = try await SkeletonCatalogue.create(with: journey)
        let counts = PublicCounts(baseURL: announcements)
        let total = rate * seconds

        let warmUpDrafts = try await DraftPreparation(
            journey: journey, formationId: catalogue.warmUpFormation.eventKey, concurrency: prepareConcurrency,
            withDocuments: true
        ).prepare(serials: 1..<(1 + Self.warmUpSubmissions), what: "warm-up drafts")
        let drafts = try await DraftPreparation(
            journey: journey, formationId: catalogue.measuredFormation.eventKey, concurrency: prepareConcurrency,
            withDocuments: true
        ).prepare(serials: (1 + Self.warmUpSubmissions)..<(1 + Self.warmUpSubmissions + total),
                  what: "complete drafts (sign-up, login, start, 6 documents)")
        // The preparation's events must be through the pipeline before the measurement, or submissions queue behind them.
        let drained = try await BenchRegistration.waitForOutbox(registration)
        try await BenchRegistration.waitForProjections(announcements)
        BenchReport.line("pipeline idle \(drained.formattedSeconds) after the preparation (outbox drained, no lag)")

        let warmUpStart = ContinuousClock.now
        for draft in warmUpDrafts {
            let response = try await BenchRegistration.submit(draft, to: registration, client: client)
            guard response.status == 201 else {
                throw BenchError.unexpectedResponse("a warm-up submission", status: response.status, body: response.text)
            }
        }
        try await BenchWait.until(timeout: .seconds(60), "the warm-up submissions did not become visible") {
            try await counts.applicants(formation: catalogue.warmUpFormation) >= Self.warmUpSubmissions
        }
        BenchReport.line("warm-up: \(Self.warmUpSubmissions) submissions on another formation visible after "
                         + "\((ContinuousClock.now - warmUpStart).formattedSeconds)")

        let formation = catalogue.measuredFormation
        let poller = CountPoller(interval: pollInterval) { try await counts.applicants(formation: formation) }
        BenchReport.line("load: \(rate) submissions/s for \(seconds) s, open loop; count polled every "
                         + "\(pollInterval.formattedMilliseconds) + its round trip")
        async let polled = poller.run()
        let outcomes = await OpenLoopLoad(rate: rate, count: total).run { index in
            await RequestResult.expecting(201) {
                try await BenchRegistration.submit(drafts[index], to: registration, client: client)
            }
        }
        let accepted = outcomes.filter(\.isAccepted)
        poller.stop(whenReaching: accepted.count, timeout: .seconds(30))
        let (observations, reads) = await polled
        return report(outcomes: outcomes, accepted: accepted, observations: observations, reads: reads)
    }

    private func report(
        outcomes: [RequestOutcome], accepted: [RequestOutcome], observations: [CountPoller.Observation], reads: Int
    ) -> Result {
        let statistics = LoadStatistics(openLoop: outcomes)
        let visibility = VisibilityLatency(accepted: accepted.map(\.completed), observations: observations)
        BenchReport.line("submissions (\(rate)/s offered; latency = scheduled send → 201):")
        statistics.report("accepted")
        BenchReport.line("count reads: \(reads), increases seen: \(observations.count)")
        BenchReport.line("visibility (201 → public count ≥ k): "
                         + visibility.sample.summary([50, 95, 99], includeMaximum: true)
                         + (visibility.invisible > 0 ? "; \(visibility.invisible) never became visible" : ""))
        return Result(accepted: statistics.accepted, errors: statistics.errors,
                      sustainedPerSecond: statistics.throughput, httpLatency: statistics.latency,
                      visibility: visibility.sample, invisible: visibility.invisible)
    }
}
