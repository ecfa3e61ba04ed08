import Foundation
import SuiteHarness

/// The registration process a benchmark starts, and what it does through its admin and operations endpoints.
enum BenchRegistration {
    /// A registration process on `postgres` with the test keys and the initial administrator of
    /// ``RegistrationSettings``: bcrypt cost 4 (the minimum; production uses 12) so that preparing thousands of
    /// applicants is cheap — the benchmarks measure submissions and uploads, not password hashing. Outbox polled every
    /// 25 ms, the services' default (not the end-to-end tests' 10 ms).
    static func process(postgres: String, brokers: [String], prefix: String) throws -> ServiceProcess {
        try ServiceProcess(name: "registration", environment: RegistrationSettings.environment().merging([
            "ASN_POSTGRES_URL": postgres, "ASN_KAFKA_BROKERS": brokers.joined(separator: ","),
            "ASN_KAFKA_NAME_PREFIX": prefix,
            "ASN_OUTBOX_POLL_INTERVAL_MS": "25",
            // Drafts are prepared before the measured load; their tokens must outlive the preparation of large sizes.
            "ASN_REGISTRATION_ACCESS_TOKEN_TTL_SECONDS": "7200",
        ]) { _, new in new })
    }

    /// Runs `body` against a fresh registration process on its own scratch database, with a client of
    /// `connections` connections; stops both afterwards, also when `body` fails.
    static func withProcess<T: Sendable>(
        databases: ScratchDatabases, brokers: [String], connections: Int,
        _ body: (_ registration: ServiceProcess, _ client: TestHTTPClient) async throws -> T
    ) async throws -> T {
        try await databases.withDatabase("registration") { registrationURL in
            let registration = try process(postgres: registrationURL, brokers: brokers, prefix: uniquePrefix())
            let client = TestHTTPClient(connectionsPerHost: connections)
            let outcome: Swift.Result<T, any Error>
            do {
                try await registration.start()
                BenchReport.line("registration \(registration.baseURL) (log \(registration.logFile.path))")
                outcome = .success(try await body(registration, client))
            } catch {
                outcome = .failure(error)
            }
            await client.shutdown()
            await registration.stopNotingPeak()
            return try outcome.get()
        }
    }

    /// A private Kafka name prefix for one benchmark run.
    static func uniquePrefix() -> String { "asn-bench-\(UUID().uuidString.prefix(8).lowercased())." }

    /// Logs in as the initial administrator and opens a period (registration open now) with one general formation
    /// per position; returns the period id and the formation ids in order.
    static func openSelection(_ journey: RegistrationJourney, positions: [String]) async throws
        -> (periodId: String, formationIds: [String])
    {
        let admin = try await journey.login(TestApplicants.adminEmail, password: TestApplicants.adminPassword)
        return try await journey.openPeriod(
            TestApplicants.openPeriod(), formations: positions.map { TestApplicants.formation(position: $0, quota: 25) },
            adminToken: admin)
    }

    /// `POST /v1/applications/{id}/submission` with ``TestApplicants/submission(major:)``, as
    /// ``RegistrationJourney/submit(applicationId:token:)`` sends it, on the load generator's own client.
    static func submit(_ draft: PreparedDraft, to registration: String, client: TestHTTPClient) async throws
        -> TestHTTP.Response
    {
        try await client.send(
            "POST", "\(registration)/v1/applications/\(draft.applicationId)/submission",
            headers: [("Content-Type", "application/json"), ("Authorization", "Bearer \(draft.token)")],
            body: submissionBody)
    }

    /// The submission body, serialised once (the load generator should spend its CPU on sending).
    static let submissionBody: [UInt8] =
        Array((try? JSONSerialization.data(withJSONObject: TestApplicants.submission())) ?? Data())

    /// Waits until the outbox of the service at `baseURL` holds no unpublished event; returns how long that took.
    @discardableResult
    static func waitForOutbox(_ baseURL: String, timeout: Duration = .seconds(120)) async throws -> Duration {
        let start = ContinuousClock.now
        try await BenchWait.until(timeout: timeout, "the outbox of \(baseURL) did not drain") {
            let outbox = try await TestHTTP.get("\(baseURL)/info").json["outbox"] as? [String: Any]
            return outbox?["unpublished"] as? Int == 0
        }
        return ContinuousClock.now - start
    }

    /// Waits until the projections of the service at `baseURL` hold partitions and have no lag on any of them.
    static func waitForProjections(_ baseURL: String, timeout: Duration = .seconds(120)) async throws {
        try await BenchWait.until(timeout: timeout, "the projections of \(baseURL) did not catch up") {
            guard let consumes = try await TestHTTP.get("\(baseURL)/info").json["consumes"] as? [[String: Any]],
                  !consumes.isEmpty
            else { return false }
            return consumes.allSatisfy { ($0["lag"] as? Int) == 0 }
        }
    }
}

/// Polling with a deadline.
enum BenchWait {
    /// Polls `condition` every 50 ms (a failed check counts as false); throws ``BenchError/timedOut(_:)`` with
    /// `failure` if it does not hold within `timeout`.
    static func until(timeout: Duration, _ failure: String, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if (try? await condition()) == true { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchError.timedOut("\(failure) within \(timeout)")
    }
}
