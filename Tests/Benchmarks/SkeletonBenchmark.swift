import Foundation
import RecruitmentEvents
import SuiteHarness

/// Target 3: a registration accepted over HTTP is visible in the announcements' public count within 500 ms (p99)
/// at 100 registrations/s.
///
/// Starts its own registration + announcements pair (fresh databases, private prefix, the services' default outbox
/// poll interval), opens a period with a formation, warms the pipeline up, then runs an open-loop load while a poller
/// reads the formation's count every few milliseconds. The k-th accepted registration became visible when the count
/// first reached k.
struct SkeletonBenchmark {
    let brokers: [String]
    let databases: ScratchDatabases
    let rate: Int
    let seconds: Int
    let pollInterval: Duration

    static let adminToken = "bench-admin-token"
    static let warmUpRegistrations = 20

    struct Result {
        var accepted: Int
        var errors: Int
        /// Accepted registrations per second from the first scheduled send to the last response.
        var sustainedPerSecond: Double
        var httpLatency: LatencySample
        var visibility: LatencySample
        var invisible: Int
    }

    func run() async throws -> Result {
        let prefix = "asn-bench-\(UUID().uuidString.prefix(8).lowercased())."
        return try await databases.withDatabase("registration") { registrationURL in
            try await databases.withDatabase("announcements") { announcementsURL in
                let common = [
                    "ASN_KAFKA_BROKERS": brokers.joined(separator: ","), "ASN_KAFKA_NAME_PREFIX": prefix,
                    "ASN_OUTBOX_POLL_INTERVAL_MS": "25",  // the services' default, not the e2e tests' 10 ms
                ]
                let registration = try ServiceProcess(name: "registration", environment: common.merging([
                    "ASN_POSTGRES_URL": registrationURL,
                    "ASN_REGISTRATION_PERSONAL_DATA_KEY": Data(repeating: 7, count: 32).base64EncodedString(),
                    "ASN_REGISTRATION_NIK_INDEX_KEY": Data(repeating: 9, count: 32).base64EncodedString(),
                    "ASN_REGISTRATION_ADMIN_TOKEN": Self.adminToken,
                ]) { _, new in new })
                let announcements = try ServiceProcess(name: "announcements", environment: common.merging([
                    "ASN_POSTGRES_URL": announcementsURL,
                ]) { _, new in new })
                let outcome: Swift.Result<Result, any Error>
                do {
                    try await registration.start()
                    try await announcements.start()
                    BenchReport.line("registration \(registration.baseURL) (log \(registration.logFile.path))")
                    BenchReport.line("announcements \(announcements.baseURL) (log \(announcements.logFile.path))")
                    outcome = .success(try await measure(registration: registration.baseURL,
                                                         announcements: announcements.baseURL))
                } catch {
                    outcome = .failure(error)
                }
                await registration.stop()
                await announcements.stop()
                return try outcome.get()
            }
        }
    }

    private func measure(registration: String, announcements: String) async throws -> Result {
        let catalogue = try await SkeletonCatalogue.create(on: registration, adminToken: Self.adminToken)
        let counts = PublicCounts(baseURL: announcements)
        let warmUpStart = ContinuousClock.now
        for serial in 1...Self.warmUpRegistrations {
            let response = try await TestHTTP.post(
                "\(registration)/v1/registrations",
                json: RegistrationLoad.registration(formationId: catalogue.warmUpFormation.eventKey, serial: serial))
            guard response.status == 201 else {
                throw BenchError.unexpectedResponse("a warm-up registration", status: response.status, body: response.text)
            }
        }
        try await waitUntil(timeout: .seconds(60)) {
            try await counts.applicants(formation: catalogue.warmUpFormation) >= Self.warmUpRegistrations
        }
        BenchReport.line("warm-up: \(Self.warmUpRegistrations) registrations on another formation visible after "
                         + "\((ContinuousClock.now - warmUpStart).formattedSeconds) (includes the group join)")

        let formation = catalogue.measuredFormation
        let poller = CountPoller(interval: pollInterval) { try await counts.applicants(formation: formation) }
        BenchReport.line("load: \(rate) registrations/s for \(seconds) s, open loop; count polled every "
                         + "\(pollInterval.formattedMilliseconds) + its round trip")
        async let polled = poller.run()
        let load = RegistrationLoad(
            registrationURL: registration, formationId: formation.eventKey, rate: rate, seconds: seconds,
            firstSerial: Self.warmUpRegistrations + 1)
        let outcomes = await load.run()
        let accepted = outcomes.filter(\.isAccepted)
        poller.stop(whenReaching: accepted.count, timeout: .seconds(30))
        let (observations, reads) = await polled
        return report(outcomes: outcomes, accepted: accepted, observations: observations, reads: reads)
    }

    private func report(
        outcomes: [RegistrationLoad.Outcome], accepted: [RegistrationLoad.Outcome],
        observations: [CountPoller.Observation], reads: Int
    ) -> Result {
        let errors = outcomes.count - accepted.count
        let http = LatencySample(accepted.map { $0.completed - $0.scheduled })
        let visibility = VisibilityLatency(accepted: accepted.map(\.completed), observations: observations)
        let firstSend = outcomes.map(\.scheduled).min() ?? .now
        let lastResponse = outcomes.map(\.completed).max() ?? .now
        let sustained = Double(accepted.count) / (lastResponse - firstSend).seconds
        BenchReport.line("sent \(outcomes.count) (\(rate)/s offered), accepted \(accepted.count), errors \(errors); "
                         + "last response \((lastResponse - firstSend).formattedSeconds) after the first send: "
                         + String(format: "%.1f accepted/s sustained", sustained))
        if let failure = outcomes.first(where: { !$0.isAccepted }) {
            BenchReport.line("first error: \(failure.status.map(String.init) ?? "no response") "
                             + String((failure.failure ?? "").prefix(300)))
        }
        BenchReport.line("HTTP latency (scheduled send → 201): \(http.summary([50, 99], includeMaximum: true))")
        BenchReport.line("count reads: \(reads), increases seen: \(observations.count)")
        BenchReport.line("visibility (201 → public count ≥ k): "
                         + visibility.sample.summary([50, 95, 99], includeMaximum: true)
                         + (visibility.invisible > 0 ? "; \(visibility.invisible) never became visible" : ""))
        return Result(accepted: accepted.count, errors: errors, sustainedPerSecond: sustained, httpLatency: http,
                      visibility: visibility.sample, invisible: visibility.invisible)
    }

    private func waitUntil(timeout: Duration, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if (try? await condition()) == true { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchError.timedOut("the warm-up registrations did not become visible within \(timeout)")
    }
}
