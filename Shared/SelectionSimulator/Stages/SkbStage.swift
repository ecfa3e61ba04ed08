import ExamScoringRules
import Foundation
import RecruitmentEvents

/// The SKB and the final integration (DOMAIN §1.7, §3.2, §3.3, §1.9): SKB sessions, seats for the SKD P/L
/// candidates only, each formation's announced SKB scheme checked, every SKB result recorded as the plan says (no
/// SKB scores → absence), a probe, then the period's final results, checked against the simulator's own integration
/// (``ExpectedFinalResults``, ``FinalResultsCheck``).
///
/// Needs the SKD stage's participant numbers and `skd-results` codes; writes every expected `final-results` code.
public struct SkbStage: SimulationStage {
    /// The stage's name in progress lines and the report.
    public let name = "skb-final"

    /// The SKB and final-results stage; it takes everything else from the ``SimulationContext``.
    public init() {}

    /// Runs the stage; throws ``SimulationError`` on any answer the rules do not allow.
    public func run(_ context: SimulationContext) async throws {
        let desk = ExamDesk(context: context, token: try context.officers.examOfficer)
        let periodId = try context.periodId
        let formationIds = context.state.formationIds
        let skdCodes = context.state.expectedCodes(kind: "skd-results")
        guard !skdCodes.isEmpty || context.plan.applicants.allSatisfy({ !($0.submits && $0.sitsSkd) }) else {
            throw SimulationError.mismatch(step: "SKB", detail: "the SKD stage has not run")
        }
        let finalists = try context.plan.applicants.filter { skdCodes[$0.index] == "P/L" }.map { applicant in
            let record = context.state.applicant(applicant.index)
            guard let number = record.participantNumber, let application = record.applicationId else {
                throw SimulationError.mismatch(step: "SKB", detail: "applicant \(applicant.index) has no participant number")
            }
            return (applicant: applicant, number: number, applicationId: application.lowercased())
        }

        try await checkSchemes(formationIds: formationIds, desk: desk)
        if !finalists.isEmpty {
            let sessions = try await desk.scheduleSessions(
                stage: "SKB", candidates: finalists.count, daysAhead: 21, labelPrefix: "SKB Sesi")
            try await desk.seat(stage: "SKB", expected: finalists.count)
            let seats = try await desk.roster(sessions)
            let want = Dictionary(uniqueKeysWithValues: finalists.map { ($0.applicationId, $0.number) })
            let got = Dictionary(seats.map { ($0.applicationId, $0.participantNumber) }) { first, _ in first }
            guard seats.count == finalists.count, got == want else {
                throw SimulationError.mismatch(
                    step: "SKB seating",
                    detail: "the SKB rosters (\(seats.count) seats) are not exactly the \(finalists.count) SKD P/L "
                        + "candidates with their SKD participant numbers")
            }
            context.say("SKB: \(finalists.count) P/L candidates seated in \(sessions.count) sessions")
            try await probe(finalists.map { ($0.applicant, $0.number) }, skdCodes: skdCodes, desk: desk)
            try await context.forEach(finalists.map { ($0.applicant, $0.number) }) { applicant, number in
                try await recordSkb(applicant, number: number, desk: desk)
            }
        } else {
            context.state.note("SKB: no SKD candidate reached the SKB (P/L)")
        }

        // Final results, checked against the simulator's own.
        let response = try await context.client.expect(
            "POST", "\(desk.base)/v1/periods/\(periodId)/final-results", token: desk.token, stage: "final-results",
            step: "compute the final results", status: 201)
        let answered = try FinalResultsCheck.parse(response.items)
        let formations = formationIds.enumerated().map { index, id in
            ExpectedFinalResults.Formation(
                formationId: id, plan: context.plan.formations[index],
                candidates: finalists.filter { $0.applicant.formation == index }.compactMap { finalist in
                    guard case .scored(let twk, let tiu, let tkp, _) = finalist.applicant.skd else { return nil }
                    return ExpectedFinalResults.Candidate(
                        applicant: finalist.applicant.index, applicationId: finalist.applicationId,
                        participantNumber: finalist.number,
                        skd: .init(twk: twk, tiu: tiu, tkp: tkp, total: twk + tiu + tkp), skb: finalist.applicant.skb,
                        grade: finalist.applicant.grade, birthDate: finalist.applicant.identity.birthDate)
                })
        }
        let policy = try Self.policy(skd: answered.skdWeight, skb: answered.skbWeight)
        let expected = try ExpectedFinalResults.rows(formations, policy: policy)
        let differences = FinalResultsCheck.differences(answered: answered.rows, expected: expected,
                                                        formations: formations)
        guard differences.isEmpty else {
            throw SimulationError.mismatch(
                step: "final results",
                detail: "\(differences.count) differences from the simulator's integration: "
                    + differences.prefix(8).joined(separator: "; "))
        }
        var counts: [String: Int] = [:]
        let byApplication = Dictionary(uniqueKeysWithValues: finalists.map { ($0.applicationId, $0.applicant.index) })
        for row in answered.rows.values.joined() {
            guard let applicant = byApplication[row.applicationId] else { continue }
            context.state.expectCode(row.code, kind: "final-results", applicant: applicant)
            counts[row.code, default: 0] += 1
        }
        let summary = counts.keys.sorted().map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", ")
        context.say("final results: \(finalists.count) candidates in \(formationIds.count) formations as expected: "
            + (summary.isEmpty ? "none" : summary))
    }

    /// Every formation's SKB scheme is the one it announced with the formation (source `announced`).
    private func checkSchemes(formationIds: [String], desk: ExamDesk) async throws {
        for (index, formationId) in formationIds.enumerated() {
            let plan = desk.context.plan.formations[index]
            let step = "SKB scheme of \(plan.positionName)"
            let scheme = try await desk.context.client.expect(
                "GET", "\(desk.base)/v1/formations/\(formationId)/skb-scheme", token: desk.token, stage: "skb-result",
                step: step, status: 200)
            let components = (scheme.json["components"] as? [[String: Any]] ?? []).map { entry in
                "\(entry["component"] as? String ?? "?") \((entry["weightPercent"] as? String).flatMap(ExactDecimal.init).map { "\($0)" } ?? "?")"
            }
            let announced = plan.skbComponents.map { "\($0.component) \(ExactDecimal(Int64($0.weightPercent)))" }
            guard scheme.json["source"] as? String == "announced", Set(components) == Set(announced),
                  components.count == announced.count
            else {
                throw SimulationError.mismatch(
                    step: step, detail: "expected the announced \(announced.joined(separator: ", ")), got "
                        + "\(scheme.json["source"] as? String ?? "no source"): \(components.joined(separator: ", "))")
            }
        }
    }

    /// The SKB inputs of `scores` (0-100 per component), CAT first as the scheme lists it.
    private static func inputs(_ scores: [String: Int], formation: FormationPlan) -> [[String: Any]] {
        formation.skbComponents.map { ["component": $0.component, "score": String(scores[$0.component] ?? 0)] }
    }

    /// A score above 100 is refused, naming the input (the service names SKB inputs `inputs[N]`); a P candidate,
    /// who has no SKB seat, gets no SKB result.
    private func probe(_ finalists: [(ApplicantPlan, String)], skdCodes: [Int: String], desk: ExamDesk) async throws {
        let client = desk.context.client
        guard let (applicant, number) = finalists.first else { return }
        let formation = desk.context.plan.formations[applicant.formation]
        var scores = Dictionary(uniqueKeysWithValues: formation.skbComponents.map { ($0.component, 80) })
        scores[formation.skbComponents[0].component] = 101
        desk.context.probes.check(
            "SKB score above 100",
            try await client.send(
                "POST", "\(desk.base)/v1/participants/\(ExamDesk.segment(number))/skb-result", token: desk.token,
                body: .json(.init(["components": Self.inputs(scores, formation: formation)])), stage: "skb-result"),
            status: 422, field: "inputs[0].score", type: "validation-failed")
        let outside = desk.context.plan.applicants.first { skdCodes[$0.index] == "P" }
        if let outside, let number = desk.context.state.applicant(outside.index).participantNumber {
            let formation = desk.context.plan.formations[outside.formation]
            let scores = Dictionary(uniqueKeysWithValues: formation.skbComponents.map { ($0.component, 80) })
            desk.context.probes.check(
                "SKB result for a candidate without an SKB seat (SKD code P)",
                try await client.send(
                    "POST", "\(desk.base)/v1/participants/\(ExamDesk.segment(number))/skb-result", token: desk.token,
                    body: .json(.init(["components": Self.inputs(scores, formation: formation)])), stage: "skb-result"),
                status: 409, type: "not-seated")
        }
    }

    /// Records the plan's SKB result (or absence) and checks the SKB₁₀₀ the service answers.
    private func recordSkb(_ applicant: ApplicantPlan, number: String, desk: ExamDesk) async throws {
        let url = "\(desk.base)/v1/participants/\(ExamDesk.segment(number))"
        let step = "SKB outcome of applicant \(applicant.index)"
        guard let scores = applicant.skb else {
            try await desk.context.client.expect("POST", "\(url)/absence", token: desk.token,
                                                 body: .json(.init(["stage": "SKB"])), stage: "skb-result", step: step,
                                                 status: 201)
            return
        }
        let formation = desk.context.plan.formations[applicant.formation]
        let response = try await desk.context.client.expect(
            "POST", "\(url)/skb-result", token: desk.token,
            body: .json(.init(["components": Self.inputs(scores, formation: formation)])), stage: "skb-result",
            step: step, status: 201)
        let expected = ExpectedFinalResults.skb100(scores, scheme: formation.skbComponents)
        let answered = (response.json["score"] as? String).flatMap(ExactDecimal.init)
        guard answered == expected else {
            throw SimulationError.mismatch(
                step: step, detail: "SKB₁₀₀ \(answered.map { "\($0)" } ?? "missing"), expected \(expected)")
        }
    }

    /// The integration rule the service states with its results (weights), two decimals (DOMAIN §3.2).
    static func policy(skd: ExactDecimal?, skb: ExactDecimal?) throws -> IntegrationPolicy {
        guard let skd, let skb else { return .standard }
        do {
            return try IntegrationPolicy(skdWeightPercent: skd, skbWeightPercent: skb, decimals: 2)
        } catch {
            throw SimulationError.mismatch(step: "final results", detail: "the stated weights \(skd)/\(skb) are invalid")
        }
    }
}
