import Foundation
@testable import SelectionSimulator
import Testing

/// TEMPORARY (removed before hand-over): the announcement and audit stages against the running suite.
@Suite struct AuditLiveRunTmp {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ASN_SIM_LIVE"] != nil))
    func liveRun() async throws {
        let tag = Int(Date().timeIntervalSince1970) % 10_000
        let options = SimulationOptions(adminEmail: "admin@kupangkota.go.id", adminPassword: "Admin-Kupang-2026",
                                        applicants: Int(ProcessInfo.processInfo.environment["ASN_SIM_N"] ?? "40") ?? 40,
                                        seed: 2026, runTag: tag)
        let plan = SelectionPlan.make(applicants: options.applicants, seed: options.seed, runTag: tag,
                                      today: CalendarDay(year: 2026, month: 11, day: 29))
        let client = SuiteClient(endpoints: options.endpoints)
        let context = SimulationContext(plan: plan, options: options, client: client, state: SimulationState(),
                                        probes: ProbeLog(), say: { print("SIM:", $0) })
        let stages: [any SimulationStage] = [
            SetUpStage(), RegistrationStage(), VerificationStage(), AnnouncementStage(.administrativeResults),
            SkdStage(), AnnouncementStage(.skdResults), PublicAudit(),
        ]
        let answers = PublicAnswers(client: client, scanner: PersonalDataScanner([]), findings: AuditFindings())
        let log = try await LogAuditor.connect(answers, baseURL: options.endpoints.announcements)
        let before = try await log.checkpoint()
        do {
            for stage in stages {
                print("SIM: ── \(stage.name)")
                try await stage.run(context)
            }
        } catch {
            print("SIM: FAILED \(error)")
            for probe in context.probes.all { print("SIM: probe", probe) }
            await client.shutdown()
            throw error
        }
        if let before {
            let after = try await log.checkpoint()!
            try await log.verifyConsistency(from: before, to: after)
            print("SIM: consistency \(before.checkpoint.size) → \(after.checkpoint.size) verified")
        }
        for note in context.state.notes { print("SIM: note", note) }
        for summary in client.latencies.summaries() { print("SIM:", summary) }
        await client.shutdown()
        #expect(context.probes.failures.isEmpty)
    }
}
