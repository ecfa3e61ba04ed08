import Foundation
import RecruitmentEvents
import SuiteHarness

/// Issue 4's targets: a queue of 100,000 cases projected in ≤ 30 s; listing the queue p99 ≤ 50 ms at that size.
///
/// Fills a private registration topic with submissions, starts a fresh `verification` (its own new database, the
/// private prefix; a registration process beside it only issues the verifier's token), waits until the queue lists
/// every case, then times `GET /v1/queue` pages: first pages per formation and overall, and pages deep into the
/// queue by cursor.
struct QueueBenchmark {
    /// How it measures, for the results file (BenchResultsFile).
    static let method = """
        Pre-loads a private registration topic with submissions, starts a fresh `verification` (a registration beside \
        it only issues the verifier's token) and times it from ready until its intake projection has applied every \
        submission (polling its event counter), checks that the queue lists every case, then times `GET /v1/queue` \
        listings of 50 one after another (closed loop, one at a time): first pages per formation and overall, and \
        pages up to ten deep by cursor.
        """

    let kafka: BenchKafka
    let databases: ScratchDatabases
    let brokers: [String]
    let cases: Int
    let formations: Int
    let listings: Int

    struct Result {
        /// From the service answering ready (its consumers joining) to every case waiting in the queue.
        var projection: Duration
        var casesPerSecond: Double
        var listing: LatencySample
    }

    func run() async throws -> Result {
        let prefix = BenchRegistration.uniquePrefix()
        let topic = prefix + RecruitmentTopic.registration.name
        try await kafka.createTopic(topic)
        let applications = SubmittedApplications(topic: topic, formations: formations)
        let messages = try applications.messages(count: cases)
        let produced = ContinuousClock.now
        try await kafka.withProducer { producer in
            _ = try await BenchKafka.sendInBatches(messages, batchSize: 1_000, through: producer)
        }
        BenchReport.line("produced \(grouped(Double(cases))) ApplicationSubmittedV1 over \(formations) formations to "
                         + "\(topic) in \((ContinuousClock.now - produced).formattedSeconds)")
        return try await BenchRegistration.withProcess(databases: databases, brokers: brokers, connections: 4) {
            registration, client in
            let registrationURL = registration.baseURL
            let journey = RegistrationJourney(baseURL: registrationURL)
            let admin = try await journey.login(TestApplicants.adminEmail, password: TestApplicants.adminPassword)
            let verifier = try await VerificationJourney(baseURL: "", registration: journey)
                .officer("Bench Verifikator", roles: ["verifier"], adminToken: admin)
            return try await databases.withDatabase("verification") { url in
                let service = try ServiceProcess(
                    name: "verification",
                    environment: VerificationSettings.environment(registrationURL: registrationURL).merging([
                        "ASN_POSTGRES_URL": url, "ASN_KAFKA_BROKERS": brokers.joined(separator: ","),
                        "ASN_KAFKA_NAME_PREFIX": prefix,
                        // The whole backlog is the point here: readiness must not wait for it.
                        "ASN_READY_MAX_PROJECTION_LAG": "1000000000",
                        // The production default (the tests sample every second).
                        "ASN_VERIFICATION_METRICS_INTERVAL_SECONDS": "15",
                    ]) { _, new in new })
                let outcome: Swift.Result<Result, any Error>
                do {
                    outcome = .success(try await measure(
                        service, token: verifier.token, client: client, formationIds: applications.formationIds))
                } catch {
                    outcome = .failure(error)
                }
                await service.stopNotingPeak()
                return try outcome.get()
            }
        }
    }

    private func measure(_ service: ServiceProcess, token: String, client: TestHTTPClient, formationIds: [UUID])
        async throws -> Result
    {
        let auth = [("Authorization", "Bearer \(token)")]
        try await service.start(timeout: .seconds(120))
        let ready = ContinuousClock.now
        BenchReport.line("verification \(service.baseURL) (log \(service.logFile.path)) ready; projecting")
        // The runner counts events after each batch commits; polling that counter costs the service next to nothing,
        // where counting the queue itself would scan the table being filled. The queue is counted once at the end.
        var counted = 0
        let deadline = ready + .seconds(max(180, cases / 500))
        while ContinuousClock.now < deadline {
            let metrics = try await client.send("GET", "\(service.baseURL)/metrics", headers: [], body: nil)
            counted = Self.projectedEvents(metrics.text)
            if counted >= cases { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let projected = ContinuousClock.now - ready
        guard counted >= cases else {
            throw BenchError.timedOut("the intake projection applied \(counted) of \(cases) submissions")
        }
        let workload = try await client.send("GET", "\(service.baseURL)/v1/queue/formations", headers: auth, body: nil)
        guard workload.status == 200 else {
            throw BenchError.unexpectedResponse("the workload", status: workload.status, body: workload.text)
        }
        let waiting = ((workload.json["items"] as? [[String: Any]]) ?? []).reduce(0) { $0 + ($1["waiting"] as? Int ?? 0) }
        guard waiting == cases else {
            throw BenchError.unexpectedResponse("the workload", status: 200, body: "\(waiting) of \(cases) cases waiting")
        }
        let rate = Double(cases) / projected.seconds
        BenchReport.line("all \(grouped(Double(cases))) cases waiting \(projected.formattedSeconds) after ready "
                         + "(\(grouped(rate)) cases/s, including the consumer group join)")

        // Listing: a first page (overall or of one formation), then follow the cursor a few pages deep, repeatedly.
        var durations: [Duration] = []
        durations.reserveCapacity(listings)
        var cursor: String?
        var round = 0
        while durations.count < listings {
            var path = "/v1/queue?limit=50"
            if round % (formationIds.count + 1) != 0 {
                path += "&formationId=\(formationIds[round % (formationIds.count + 1) - 1].eventKey)"
            }
            if let cursor { path += "&cursor=\(cursor)" }
            let started = ContinuousClock.now
            let page = try await client.send("GET", service.baseURL + path, headers: auth, body: nil)
            durations.append(ContinuousClock.now - started)
            guard page.status == 200 else {
                throw BenchError.unexpectedResponse(path, status: page.status, body: page.text)
            }
            guard (page.json["items"] as? [[String: Any]])?.count == 50 else {
                throw BenchError.unexpectedResponse(path, status: page.status, body: "fewer than 50 items")
            }
            // Ten pages deep, then start again with the next scope.
            if durations.count % 10 == 0 {
                cursor = nil
                round += 1
            } else {
                cursor = page.json["nextCursor"] as? String
            }
        }
        let sample = LatencySample(durations)
        BenchReport.line("\(grouped(Double(durations.count))) listings of 50: \(sample.summary([50, 95, 99], includeMaximum: true))")
        return Result(projection: projected, casesPerSecond: rate, listing: sample)
    }

    /// The events the case-intake projection has applied, from the Prometheus text of `/metrics`.
    static func projectedEvents(_ metrics: String) -> Int {
        for line in metrics.split(separator: "\n")
        where line.hasPrefix("asn_projection_events_total{") && line.contains("projection=\"case-intake\"") {
            if let value = line.split(separator: " ").last.flatMap({ Double($0) }) { return Int(value) }
        }
        return 0
    }
}
