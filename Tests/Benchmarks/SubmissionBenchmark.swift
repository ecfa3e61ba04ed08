import Foundation
import SuiteHarness

/// Issue 3's submission target: application submissions ≥ 500/s with p99 ≤ 100 ms on this 2-core machine, load
/// generator included.
///
/// Starts its own registration process (fresh database, private prefix; its outbox relay publishes to the broker as
/// in production), opens a period with one formation and prepares complete drafts (sign-up, login, start, the six
/// national documents: not timed). A few submissions warm up; then an open-loop load submits drafts at the target
/// rate (latency counted from each request's scheduled instant), and a closed-loop run with a fixed number of
/// concurrent submitters submits the remaining drafts as fast as the service answers: its throughput is the maximum
/// sustained rate at that concurrency.
struct SubmissionBenchmark {
    /// How it measures, for the results file (BenchResultsFile).
    static let method = """
        Starts its own registration (fresh database, a private prefix, its outbox relay publishing to the broker, \
        bcrypt cost 4) and prepares complete drafts through the public API (not timed). After a warm-up it submits at \
        the offered rate (open loop: latency from each request's scheduled send to its 201, so a slow service cannot \
        slow the load down), then submits the remaining drafts with a fixed number of concurrent submitters (closed \
        loop: the throughput the service sustains at that concurrency). The load generator opens its keep-alive \
        connections before measuring. Each measured phase starts right after a \
        PostgreSQL CHECKPOINT, so neither the preparation's dirty pages nor a scheduled checkpoint's burst of \
        full-page WAL writes falls into its seconds; in production a checkpoint starts every 5 minutes.
        """

    let brokers: [String]
    let databases: ScratchDatabases
    /// Complete drafts prepared for the two measured loads (the open loop takes `rate × seconds`, the closed loop the
    /// rest).
    let drafts: Int
    let rate: Int
    let seconds: Int
    let concurrency: Int
    let prepareConcurrency: Int

    static let warmUpSubmissions = 50
    /// The load generator's keep-alive connections, opened before the measured phases: above the open loop's
    /// concurrency at the target rate, so no request waits for one, and above the closed loop's submitters.
    var connections: Int { max(64, concurrency) }

    struct Result {
        var openLoop: LoadStatistics
        var closedLoop: LoadStatistics?
        /// CPU time per submission of the closed loop (`nil` without `/proc`).
        var closedLoopCPU: CPUAccount.Cost?
    }

    func run() async throws -> Result {
        let server = try await databases.serverProcess()
        return try await BenchRegistration.withProcess(
            databases: databases, brokers: brokers, connections: connections
        ) { process, client in
            let registrationProcess = process.processIdentifier
            let account = CPUAccount(groups: [
                .init(name: "registration") { registrationProcess.map { [$0] } ?? [] },
                .init(name: "PostgreSQL") { server.map(CPUAccount.processAndChildren) ?? [] },
                .init(name: "load generator") { [getpid()] },
            ])
            return try await measure(registration: process.baseURL, client: client, account: account)
        }
    }

    private func measure(registration: String, client: TestHTTPClient, account: CPUAccount) async throws -> Result {
        let journey = RegistrationJourney(baseURL: registration)
        let (_, formations) = try await BenchRegistration.openSelection(
            journey, positions: ["Pranata Komputer Ahli Pertama"])
        let openCount = rate * seconds
        let prepared = try await DraftPreparation(
            journey: journey, formationId: formations[0], concurrency: prepareConcurrency, withDocuments: true
        ).prepare(serials: 1..<(1 + Self.warmUpSubmissions + drafts),
                  what: "complete drafts (sign-up, login, start, 6 documents)")
        let warmUp = Array(prepared.prefix(Self.warmUpSubmissions))
        let openDrafts = Array(prepared.dropFirst(Self.warmUpSubmissions).prefix(openCount))
        let closedDrafts = Array(prepared.dropFirst(Self.warmUpSubmissions + openCount))
        let drained = try await BenchRegistration.waitForOutbox(registration)
        BenchReport.line("outbox drained \(drained.formattedSeconds) after the preparation")

        let warmUpRun = await ClosedLoopLoad(concurrency: 4, count: warmUp.count).run { index, _ in
            await RequestResult.expecting(201) {
                try await BenchRegistration.submit(warmUp[index], to: registration, client: client)
            }
        }
        if let failed = warmUpRun.outcomes.first(where: { !$0.isAccepted }) {
            throw BenchError.unexpectedResponse(
                "a warm-up submission", status: failed.status ?? 0, body: failed.failure ?? "")
        }
        try await BenchRegistration.waitForOutbox(registration)
        BenchReport.line("warm-up: \(warmUp.count) submissions, 4 at a time")

        try await client.openConnections(to: registration, count: connections)
        try await databases.checkpoint()
        BenchReport.line("open loop: \(rate) submissions/s for \(seconds) s (\(openCount) drafts); "
                         + "latency = scheduled send → 201")
        let beforeOpen = account.read()
        let open = LoadStatistics(openLoop: await OpenLoopLoad(rate: rate, count: openCount).run { index in
            await RequestResult.expecting(201) {
                try await BenchRegistration.submit(openDrafts[index], to: registration, client: client)
            }
        })
        let afterOpen = account.read()
        open.report("submissions")
        if let beforeOpen, let afterOpen, let cost = account.cost(from: beforeOpen, to: afterOpen, requests: openCount) {
            BenchReport.line("CPU per submission: \(cost.summary)")
        }
        let published = try await BenchRegistration.waitForOutbox(registration)
        BenchReport.line("the relay had published every submission \(published.formattedSeconds) after the last response")

        guard !closedDrafts.isEmpty else {
            BenchReport.line("closed loop: skipped (no drafts left; --drafts must exceed rate × seconds)")
            return Result(openLoop: open, closedLoop: nil, closedLoopCPU: nil)
        }
        try await databases.checkpoint()
        BenchReport.line("closed loop: \(concurrency) concurrent submitters, \(closedDrafts.count) drafts")
        let beforeClosed = account.read()
        let run = await ClosedLoopLoad(concurrency: concurrency, count: closedDrafts.count).run { index, _ in
            await RequestResult.expecting(201) {
                try await BenchRegistration.submit(closedDrafts[index], to: registration, client: client)
            }
        }
        let afterClosed = account.read()
        let closed = LoadStatistics(closedLoop: run.outcomes, elapsed: run.elapsed)
        closed.report("submissions")
        var cpu: CPUAccount.Cost?
        if let beforeClosed, let afterClosed {
            cpu = account.cost(from: beforeClosed, to: afterClosed, requests: closedDrafts.count)
        }
        if let cpu { BenchReport.line("CPU per submission: \(cpu.summary)") }
        return Result(openLoop: open, closedLoop: closed, closedLoopCPU: cpu)
    }
}
