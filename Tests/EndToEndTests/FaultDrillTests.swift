import Foundation
import PostgresNIO
import SelectionSimulator
import SuiteHarness
import TestSupport
import Testing

/// The fault drill: a whole selection of 5,000 applicants (`ASN_FAULT_DRILL_APPLICANTS`) through the four real
/// executables while the infrastructure fails under them, then every read model is counted.
///
/// The drill has a PostgreSQL server and a broker of its own, so it can break them without touching other tests:
/// - **broker restart**: every connection to the broker is cut and new ones are refused for 15 s, twice (during
///   registration and during the SKD). The broker sits behind a ``TCPRelay`` and advertises the relay, so this is what
///   clients see when a broker that keeps its log restarts. (The local Tansu broker keeps its log in memory: restarting
///   its process would be the "broker lost" recovery of deploy/README.md, not a restart.)
/// - **PostgreSQL restart**: a fast shutdown (every session cut, open transactions rolled back) and start, while
///   applicants submit.
/// - **two instances in one consumer group**: verification runs twice on one database; one instance is killed with
///   SIGKILL while it has records of its partitions in hand (lag > 0) and started again; announcements is killed
///   the same way while it projects and started again on its port.
///
/// Applicants and officers act through the public APIs with ``SelectionSimulator``, retrying what a service refused
/// with 503 or a closed port (as a portal would). At the end every read model must hold every submitted application
/// exactly once, every announcement must list each exactly once, and every announced row must verify against the
/// signed transparency log (the simulator's public audit).
///
/// `make test` runs it last, with the release executables (`ASN_FAULT_DRILL_BIN_DIR`), alone on the machine.
@Suite(.serialized) struct FaultDrillTests {
    static let applicantsVariable = "ASN_FAULT_DRILL_APPLICANTS"
    static let binaryDirectoryVariable = "ASN_FAULT_DRILL_BIN_DIR"
    /// How long each broker outage lasts.
    static let brokerOutage = Duration.seconds(15)

    @Test(.timeLimit(.minutes(40)))
    func aSelectionSurvivesBrokerAndDatabaseRestartsCrashesAndTwoInstancesPerGroup() async throws {
        guard let tansu = TansuBroker.binary() else { return }
        let environment = ProcessInfo.processInfo.environment
        let applicants = environment[Self.applicantsVariable].flatMap(Int.init) ?? 5_000
        let binaries = environment[Self.binaryDirectoryVariable].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }

        let postgres = try await DrillPostgres.start()
        var broker: TansuBroker?
        var relay: TCPRelay?
        var drill: Drill?
        do {
            let (brokerPort, relayPort) = (try FreePort.find(), try FreePort.find())
            relay = try await TCPRelay.start(port: relayPort, targetPort: brokerPort)
            broker = try await TansuBroker.start(binary: tansu, port: brokerPort, advertisedPort: relayPort)
            drill = try await Drill.start(postgres: postgres, brokers: "127.0.0.1:\(relayPort)", binaries: binaries)
            try await run(drill!, relay: relay!, applicants: applicants)
        } catch {
            Issue.record("the drill failed: \(error)")
        }
        await drill?.stopAll()
        await broker?.stop()
        await relay?.shutdown()
        await postgres.destroy()
    }

    func run(_ drill: Drill, relay: TCPRelay, applicants: Int) async throws {
        let options = SimulationOptions(
            endpoints: ServiceEndpoints(
                registration: drill.registration.baseURL, verification: drill.verification[0].baseURL,
                examScoring: drill.exam.baseURL, announcements: drill.announcements.baseURL),
            adminEmail: TestApplicants.adminEmail, adminPassword: TestApplicants.adminPassword,
            applicants: applicants, seed: 5_000, runTag: 5_000 % 10_000, concurrency: 16, skdPace: .zero,
            propagationTimeout: .seconds(600), leanDocuments: true, unavailableRetryWindow: .seconds(120))
        let log = LineLog()
        let (progress, progressLines) = AsyncStream.makeStream(of: String.self)
        let simulation = Simulation(options: options, today: CalendarDay(year: 2026, month: 11, day: 29)) { line in
            log.append(line)
            progressLines.yield(line)
        }
        let faults = LineLog()
        let injector = Task {
            try await inject(into: drill, relay: relay, progress: progress, applicants: applicants, faults: faults)
        }
        let report: SimulationReport
        do {
            report = try await simulation.run()
        } catch {
            progressLines.finish()
            injector.cancel()
            Issue.record("""
                the simulation failed: \(error)
                faults: \(faults.lines.joined(separator: "; "))
                \(log.lines.suffix(30).joined(separator: "\n"))
                \(await drill.diagnostics(brokerPort: relay.targetPort, relayPort: relay.port))
                """)
            return
        }
        progressLines.finish()
        try await injector.value
        let text = (report.lines + ["Faults:"] + faults.lines.map { "  \($0)" }).joined(separator: "\n")
        print(text)

        #expect(report.passed, "\(text)")
        #expect(report.stageTimes.map(\.0) == Simulation.stageNames, "every stage ran: \(text)")
        #expect(faults.lines.count == 6, "every planned fault happened: \(faults.lines)")

        // Every read model holds every submitted application exactly once.
        let submitted = report.plan.submitting.count
        let perFormation = Dictionary(grouping: report.plan.submitting, by: \.formation).mapValues(\.count)
        let counts = try await drill.readModelCounts()
        if [counts.registration, counts.verificationCases, counts.examApplications, counts.examFinalResults,
            counts.publicApplications, counts.publicCounted].contains(where: { $0 != submitted })
        {
            print(await drill.diagnostics(brokerPort: relay.targetPort, relayPort: relay.port))
        }
        #expect(counts.registration == submitted, "registration: \(counts.registration) of \(submitted) applications")
        #expect(counts.verificationCases == submitted, "verification: \(counts.verificationCases) cases of \(submitted)")
        #expect(counts.examApplications == submitted, "exam-scoring: \(counts.examApplications) of \(submitted)")
        #expect(counts.examFinalResults == submitted,
                "exam-scoring: \(counts.examFinalResults) final administrative results of \(submitted)")
        #expect(counts.publicApplications == submitted, "announcements: \(counts.publicApplications) of \(submitted)")
        // The public counters are increments: a submission applied twice would count twice.
        #expect(counts.publicCounted == submitted, "public applicant counts add up to \(counts.publicCounted)")
        #expect(counts.publicCountsPerFormation.sorted() == perFormation.values.sorted(),
                "per formation: \(counts.publicCountsPerFormation) vs the plan's \(perFormation)")
        for kind in ["administrative-results", "skd-results", "final-results"] {
            let rows = report.announcements.filter { $0.kind == kind }.reduce(0) { $0 + $1.rowCount }
            if kind == "administrative-results" { #expect(rows == submitted, "\(kind): \(rows) rows") }
            #expect(rows > 0, "\(kind) announced")
        }
    }

    /// Breaks things as the run progresses; each fault is logged with the moment it happened.
    func inject(into drill: Drill, relay: TCPRelay, progress: AsyncStream<String>, applicants: Int,
                faults: LineLog) async throws
    {
        let started = ContinuousClock.now
        var done: Set<String> = []
        func once(_ name: String, _ body: () async throws -> String) async throws {
            guard done.insert(name).inserted else { return }
            let at = (ContinuousClock.now - started).components.seconds
            faults.append("[\(at) s] \(name): \(try await body())")
        }
        for await line in progress {
            if let registered = Self.registered(line) {
                let share = Double(registered) / Double(applicants)
                if share >= 0.2 {
                    try await once("broker restart during registration") {
                        await relay.cut()
                        try await Task.sleep(for: Self.brokerOutage)
                        try await relay.restore()
                        return "connections cut, refused for \(Self.brokerOutage)"
                    }
                }
                if share >= 0.4 {
                    try await once("PostgreSQL restart during registration") {
                        let start = ContinuousClock.now
                        try await drill.postgres.restart()
                        return "fast shutdown and start in \(ContinuousClock.now - start)"
                    }
                }
                if share >= 0.6 {
                    try await once("SIGKILL of the second verification instance") {
                        let lag = await drill.crashAndRestartVerification(instance: 1)
                        return "killed with a lag of \(lag) record(s) on its partitions, started again"
                    }
                }
            }
            if line.hasPrefix("── verification") {
                try await once("SIGKILL of announcements") {
                    let lag = await drill.crashAndRestartAnnouncements()
                    return "killed with a lag of \(lag) record(s), started again on its port"
                }
                try await once("PostgreSQL restart during verification") {
                    try await drill.postgres.restart()
                    return "fast shutdown and start"
                }
            }
            if line.hasPrefix("── skd") {
                try await once("broker restart during the SKD") {
                    await relay.cut()
                    try await Task.sleep(for: Self.brokerOutage)
                    try await relay.restore()
                    return "connections cut, refused for \(Self.brokerOutage)"
                }
            }
        }
    }

    /// `registration: 1000/5000 applicants done` → 1000.
    static func registered(_ line: String) -> Int? {
        guard line.hasPrefix("registration: "), line.hasSuffix(" applicants done") else { return nil }
        return line.dropFirst("registration: ".count).split(separator: "/").first.flatMap { Int($0) }
    }
}
