import Foundation
import PostgresNIO
import SuiteHarness
import Synchronization
import TestSupport

/// The four services of a fault drill on its own PostgreSQL server and broker, with two verification instances in one
/// consumer group; crashed processes are replaced by new ones with the same configuration and port.
final class Drill: Sendable {
    let postgres: DrillPostgres
    /// Each service's database URL, by executable name.
    let databases: [String: String]
    let registration: ServiceProcess
    let exam: ServiceProcess
    private let processes: Mutex<(verification: [ServiceProcess], announcements: ServiceProcess)>

    /// The verification instances now running (the first serves the simulator).
    var verification: [ServiceProcess] { processes.withLock { $0.verification } }
    var announcements: ServiceProcess { processes.withLock { $0.announcements } }

    private init(postgres: DrillPostgres, databases: [String: String], registration: ServiceProcess,
                 verification: [ServiceProcess], exam: ServiceProcess, announcements: ServiceProcess)
    {
        self.postgres = postgres
        self.databases = databases
        self.registration = registration
        self.exam = exam
        self.processes = Mutex((verification, announcements))
    }

    /// Creates the four databases and starts the services (from `binaries`, else the test's build directory).
    static func start(postgres: DrillPostgres, brokers: String, binaries: URL?) async throws -> Drill {
        var databases: [String: String] = [:]
        for name in ["registration", "verification", "exam-scoring", "announcements"] {
            let database = try LateDatabase(adminURL: postgres.adminURL)
            try await database.create()
            databases[name] = database.url
        }
        let prefix = ServiceEnvironments.uniquePrefix()
        let registration = try ServiceEnvironments.registration(
            postgres: databases["registration"]!, brokers: brokers, prefix: prefix, binaryDirectory: binaries)
        try await registration.start()
        let verification = try (0..<2).map { _ in
            try ServiceEnvironments.verification(
                postgres: databases["verification"]!, brokers: brokers, prefix: prefix,
                registration: registration.baseURL, binaryDirectory: binaries)
        }
        let exam = try ServiceEnvironments.examScoring(
            postgres: databases["exam-scoring"]!, brokers: brokers, prefix: prefix, registration: registration.baseURL,
            binaryDirectory: binaries)
        let announcements = try ServiceEnvironments.announcements(
            postgres: databases["announcements"]!, brokers: brokers, prefix: prefix,
            registration: registration.baseURL, binaryDirectory: binaries)
        let drill = Drill(postgres: postgres, databases: databases, registration: registration,
                          verification: verification, exam: exam, announcements: announcements)
        do {
            for process in verification + [exam, announcements] { try await process.start(timeout: .seconds(120)) }
        } catch {
            await drill.stopAll()
            throw error
        }
        return drill
    }

    /// Stops every process (SIGTERM).
    func stopAll() async {
        for process in [announcements, exam] + verification + [registration] { await process.stop() }
    }

    /// Kills verification instance `index` with SIGKILL once it holds unapplied records (or after 10 s), then starts a
    /// new instance in its place; answers the lag the killed instance had.
    func crashAndRestartVerification(instance index: Int) async -> Int64 {
        let victim = verification[index]
        let lag = await Self.killWhileBusy(victim)
        await Self.startReplacement(of: victim) { replacement in
            processes.withLock { $0.verification[index] = replacement }
        }
        return lag
    }

    /// Kills announcements with SIGKILL while it projects (or after 10 s) and starts it again on its port.
    func crashAndRestartAnnouncements() async -> Int64 {
        let victim = announcements
        let lag = await Self.killWhileBusy(victim)
        await Self.startReplacement(of: victim) { replacement in
            processes.withLock { $0.announcements = replacement }
        }
        return lag
    }

    /// SIGKILL as soon as `process`'s `/info` reports lag on a partition it consumes: it has records in hand.
    private static func killWhileBusy(_ process: ServiceProcess) async -> Int64 {
        let deadline = ContinuousClock.now + .seconds(10)
        var lag: Int64 = 0
        while ContinuousClock.now < deadline {
            lag = await consumerLag(of: process)
            if lag > 0 { break }
            try? await Task.sleep(for: .milliseconds(20))
        }
        await process.kill9()
        return lag
    }

    /// Starts a replacement of a crashed process (retrying: its port may linger briefly), then hands it over.
    private static func startReplacement(of crashed: ServiceProcess, _ install: (ServiceProcess) -> Void) async {
        for _ in 0..<5 {
            guard let replacement = try? crashed.replacement() else { continue }
            install(replacement)
            if (try? await replacement.start(timeout: .seconds(120))) != nil { return }
            await replacement.stop()
            try? await Task.sleep(for: .seconds(1))
        }
    }

    /// The summed lag of the partitions `process` consumes, from its `/info`.
    static func consumerLag(of process: ServiceProcess) async -> Int64 {
        guard let info = try? await TestHTTP.get("\(process.baseURL)/info"), info.status == 200,
              let consumes = info.json["consumes"] as? [[String: Any]]
        else { return 0 }
        return consumes.reduce(0) { $0 + ((($1["lag"] as? NSNumber)?.int64Value) ?? 0) }
    }

    /// What each read model holds at the end.
    struct ReadModelCounts {
        var registration = 0
        var verificationCases = 0
        var examApplications = 0
        var examFinalResults = 0
        var publicApplications = 0
        var publicCounted = 0
        var publicCountsPerFormation: [Int] = []
    }

    func readModelCounts() async throws -> ReadModelCounts {
        var counts = ReadModelCounts()
        // Registration also holds the drafts of the submissions the simulator has refused on purpose.
        counts.registration = try await Self.count(
            databases["registration"]!, "SELECT count(*)::integer FROM applications WHERE submitted_at IS NOT NULL")
        counts.verificationCases = try await Self.count(databases["verification"]!, "SELECT count(*)::integer FROM cases")
        counts.examApplications = try await Self.count(
            databases["exam-scoring"]!, "SELECT count(*)::integer FROM applications")
        counts.examFinalResults = try await Self.count(
            databases["exam-scoring"]!, "SELECT count(*)::integer FROM administrative_results WHERE final")
        let announcements = databases["announcements"]!
        counts.publicApplications = try await Self.count(announcements, "SELECT count(*)::integer FROM public_applications")
        counts.publicCounted = try await Self.count(
            announcements, "SELECT coalesce(sum(submitted), 0)::integer FROM formation_applicant_counts")
        counts.publicCountsPerFormation = try await Self.integers(
            announcements, "SELECT submitted FROM formation_applicant_counts WHERE submitted > 0")
        return counts
    }

    private static func count(_ url: String, _ sql: String) async throws -> Int {
        try await integers(url, sql).first ?? 0
    }

    private static func integers(_ url: String, _ sql: String) async throws -> [Int] {
        try await TestPostgres.withClient(url: url, maximumConnections: 1) { client in
            var values: [Int] = []
            for try await value in try await client.query(PostgresQuery(unsafeSQL: sql), logger: TestPostgres.logger)
                .decode(Int.self)
            {
                values.append(value)
            }
            return values
        }
    }
}
