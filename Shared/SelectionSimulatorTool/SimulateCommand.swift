import ArgumentParser
import Foundation
import SelectionSimulator

/// `asn-sim`: runs a complete, realistic selection through the four services' public APIs (demo, officer training,
/// end-to-end load), then checks what the public sees. Exits non-zero on any mismatch.
@main
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "asn-sim",
        abstract: "Runs a whole ASN selection through the suite's public APIs and checks the public results.",
        discussion: """
            Creates a selection period with formations of several kinds, registers applicants (valid, varied NIKs and
            generated JPEG/PDF documents), verifies them (MS, TMS with reasons, objections), runs the SKD (results
            spread over --skd-pace so the live scoreboard fills), ranks, runs the SKB, computes the final results and
            publishes each stage's announcement. Deliberate bad requests must be refused. At the end it checks every
            public result against the plan and every published row against the transparency log.
            Load mode (--load) runs the same selection as fast as the services accept it and prints throughput and
            latency percentiles per stage.
            """)

    @Option(help: "Base URL of the registration service.")
    var registration = "http://127.0.0.1:8081"
    @Option(help: "Base URL of the verification service.")
    var verification = "http://127.0.0.1:8082"
    @Option(name: .customLong("exam-scoring"), help: "Base URL of the exam-scoring service.")
    var examScoring = "http://127.0.0.1:8083"
    @Option(help: "Base URL of the announcements service.")
    var announcements = "http://127.0.0.1:8084"

    @Option(name: .customLong("admin-email"), help: "The registration service's initial administrator.")
    var adminEmail = ProcessInfo.processInfo.environment["ASN_SIM_ADMIN_EMAIL"] ?? "admin@kupangkota.go.id"
    @Option(name: .customLong("admin-password"),
            help: "Its password (default: $ASN_SIM_ADMIN_PASSWORD, else the local stack's).")
    var adminPassword = ProcessInfo.processInfo.environment["ASN_SIM_ADMIN_PASSWORD"] ?? "Admin-Kupang-2026"
    @Option(name: .customLong("officer-password"),
            help: "Password of the officer accounts the simulator creates (or logs in to).")
    var officerPassword = ProcessInfo.processInfo.environment["ASN_SIM_OFFICER_PASSWORD"] ?? "Simulasi-Petugas-2026"

    @Option(help: "How many applicants to plan.")
    var applicants = 200
    @Option(help: "Seed of the plan (the same seed plans the same selection).")
    var seed: UInt64 = 2026
    @Option(name: .customLong("run-tag"),
            help: "0-9999, keeps this run's identities apart from earlier runs' (default: from the clock).")
    var runTag: Int?
    @Option(help: "Requests in flight at once (default 4; 32 with --load).")
    var concurrency: Int?
    @Option(name: .customLong("skd-pace"),
            help: "Seconds over which the SKD results are recorded, so the live scoreboard visibly fills (0: at once).")
    var skdPace: Double = 0
    @Option(help: "Seconds to wait for an event to reach another service before failing.")
    var timeout: Double = 120
    @Option(name: .customLong("time-zone"), help: "The agency's IANA time zone.")
    var timeZone = "Asia/Makassar"
    @Option(help: "Stop after this stage (\(Simulation.stageNames.joined(separator: ", "))).")
    var until: String?
    @Flag(help: "Load mode: as fast as the services accept it (concurrency 32 unless given, no pacing).")
    var load = false
    @Flag(help: "Ask only for the four documents the plan's decisions name instead of the national six.")
    var leanDocuments = false
    @Option(help: "Seconds a request is retried while its service answers 503 or refuses connections.")
    var retryWindow: Double = 60
    @Flag(name: .customLong("list-officers"), help: "Print the officer accounts a run uses and exit.")
    var listOfficers = false

    func validate() throws {
        guard applicants >= 1 && applicants <= 50_000 else {
            throw ValidationError("--applicants must be between 1 and 50000")
        }
        if let runTag, !(0...9_999).contains(runTag) { throw ValidationError("--run-tag must be 0-9999") }
        if let concurrency, !(1...512).contains(concurrency) { throw ValidationError("--concurrency must be 1-512") }
        guard skdPace >= 0, timeout > 0, retryWindow >= 0 else { throw ValidationError("--skd-pace, --timeout and --retry-window must not be negative") }
        if let until, !Simulation.stageNames.contains(until) {
            throw ValidationError("--until must be one of \(Simulation.stageNames.joined(separator: ", "))")
        }
        guard TimeZone(identifier: timeZone) != nil else { throw ValidationError("unknown time zone \(timeZone)") }
    }

    func run() async throws {
        if listOfficers {
            for officer in Simulation.officerAccounts {
                print(officer.email.padding(toLength: 32, withPad: " ", startingAt: 0) + " " + officer.role
                    .padding(toLength: 13, withPad: " ", startingAt: 0) + " " + officer.name)
            }
            return
        }
        let options = SimulationOptions(
            endpoints: ServiceEndpoints(registration: registration, verification: verification,
                                        examScoring: examScoring, announcements: announcements),
            adminEmail: adminEmail, adminPassword: adminPassword, applicants: applicants, seed: seed,
            runTag: runTag ?? Int(Date().timeIntervalSince1970) % 10_000,
            concurrency: concurrency ?? (load ? 32 : 4),
            skdPace: load ? .zero : .milliseconds(Int64(skdPace * 1000)), timeZone: timeZone,
            propagationTimeout: .milliseconds(Int64(timeout * 1000)), officerPassword: officerPassword,
            leanDocuments: leanDocuments, unavailableRetryWindow: .milliseconds(Int64(retryWindow * 1000)))
        let started = ContinuousClock.now
        let say: @Sendable (String) -> Void = { line in
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            // Unbuffered, so a pipe (make run, CI logs) shows progress as it happens.
            FileHandle.standardOutput.write(Data((String(format: "[%7.1f s] ", seconds) + line + "\n").utf8))
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone)!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        let simulation = Simulation(
            options: options, today: CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!), say: say)
        do {
            let report = try await simulation.run(until: until)
            FileHandle.standardOutput.write(Data(report.lines.map { $0 + "\n" }.joined().utf8))
            guard report.passed else {
                print("FAILED: \(report.probes.filter { !$0.passed }.count) deliberate bad request(s) were not refused as expected")
                throw ExitCode(1)
            }
            print("PASSED: every check of the run held.")
        } catch let error as SimulationError {
            print("FAILED: \(error)")
            throw ExitCode(1)
        }
    }
}
