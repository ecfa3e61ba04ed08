import Foundation

/// A whole simulated selection: plans it, runs the stages in order through the public APIs and answers a report.
///
/// The run fails (``SimulationReport/passed`` is false, or a stage throws) when a service answers differently than
/// the selection's rules require, a deliberate bad request is accepted, or what the public sees does not match what
/// the simulation did.
public struct Simulation: Sendable {
    public let options: SimulationOptions
    public let plan: SelectionPlan
    private let say: @Sendable (String) -> Void

    /// Plans the selection for `options`; `today` is the agency's calendar date (ages are planned against it).
    public init(options: SimulationOptions, today: CalendarDay, say: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.plan = SelectionPlan.make(applicants: options.applicants, seed: options.seed, runTag: options.runTag,
                                       today: today)
        self.say = say
    }

    /// The officer accounts a run creates (or logs in to): e-mail address, name and role.
    public static var officerAccounts: [(email: String, name: String, role: String)] {
        SetUpStage.officers.map { ($0.email, $0.name, $0.role) }
    }

    /// The stages in the order a selection runs them.
    public static let stageNames = ["set-up", "registration", "verification", "announce-administrative", "skd",
                                    "announce-skd", "skb-final", "announce-final", "public-audit"]

    /// Runs every stage up to and including `lastStage` (all when `nil`).
    public func run(until lastStage: String? = nil) async throws -> SimulationReport {
        let client = SuiteClient(endpoints: options.endpoints, connectionsPerHost: max(4, options.concurrency),
                                 unavailableRetryWindow: options.unavailableRetryWindow)
        let context = SimulationContext(plan: plan, options: options, client: client, state: SimulationState(),
                                        probes: ProbeLog(), say: say)
        var timings: [(String, Duration)] = []
        let tag = pad(plan.runTag, 4)
        say("applicants log in as sim\(tag).<n>@example.org with password Simulasi-\(tag)-<n>! "
            + "(n = 0...\(plan.applicants.count - 1)); officers: asn-sim --list-officers")
        do {
            for stage in Self.stages() {
                let start = ContinuousClock.now
                say("── \(stage.name)")
                try await stage.run(context)
                timings.append((stage.name, ContinuousClock.now - start))
                if stage.name == lastStage { break }
            }
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
        var report = SimulationReport(
            plan: plan, stageTimes: timings, latencies: client.latencies.summaries(), probes: context.probes.all,
            notes: context.state.notes, announcements: context.state.announcements)
        report.unavailableRetries = client.unavailableRetries
        report.renewedSessions = client.renewedSessions
        return report
    }

    static func stages() -> [any SimulationStage] {
        [
            SetUpStage(), RegistrationStage(), VerificationStage(), AnnouncementStage(.administrativeResults),
            SkdStage(), AnnouncementStage(.skdResults), SkbStage(), AnnouncementStage(.finalResults), PublicAudit(),
        ]
    }
}
