import Foundation

/// The SKD (DOMAIN §1.6, §2, §3.1), as the exam officer runs it: sessions at UPT BKN Kupang, seats for every
/// candidate whose MS the public saw, an answer key, every result recorded as the plan says (spread over
/// ``SimulationOptions/skdPace`` session by session, so the live scoreboard fills), probes, and the rankings
/// finalised per formation, each checked against the codes the simulator computes itself with ``ExamScoringRules``.
///
/// Writes every seated applicant's participant number and every expected `skd-results` code to the state.
public struct SkdStage: SimulationStage {
    /// The stage's name in progress lines and the report.
    public let name = "skd"

    /// The SKD stage; it takes everything else from the ``SimulationContext``.
    public init() {}

    /// Runs the stage; throws ``SimulationError`` on any answer the rules do not allow.
    public func run(_ context: SimulationContext) async throws {
        let desk = ExamDesk(context: context, token: try context.officers.examOfficer)
        let periodId = try context.periodId
        let formationIds = context.state.formationIds
        guard formationIds.count == context.plan.formations.count else {
            throw SimulationError.mismatch(step: "SKD", detail: "the formations of the plan were not all published")
        }
        let sitting = context.plan.applicants.filter { $0.submits && $0.sitsSkd }

        var candidates: [SkdRecording.Candidate] = []
        if !sitting.isEmpty {
            // Sessions and seats.
            let sessions = try await desk.scheduleSessions(
                stage: "SKD", candidates: sitting.count, daysAhead: 7, labelPrefix: "SKD Sesi")
            try await desk.seat(stage: "SKD", expected: sitting.count)
            candidates = try await seated(sitting, sessions: sessions, desk: desk)
            context.say("SKD: \(candidates.count) candidates seated in \(sessions.count) sessions")

            // The paper, the probes, then the results, session by session.
            let package = try await context.client.expect(
                "POST", "\(desk.base)/v1/exam-packages", token: desk.token,
                body: .json(.init(["periodId": periodId, "code": "SKD-\(pad(context.plan.runTag, 4))-A",
                                   "answerKey": SkdPaper.answerKeyJSON] as [String: Any])),
                stage: "skd-result", step: "create the SKD package", status: 201)
            guard let packageId = package.json["packageId"] as? String else {
                throw SimulationError.malformedAnswer(step: "create the SKD package", detail: "no packageId")
            }
            let acts = SkdRecording.acts(candidates, sessions: sessions)
            let probes = SkdProbes(desk: desk)
            try await probes.beforeRecording(candidates, acts: acts, formationIds: formationIds)
            try await record(acts, candidates: candidates.count, packageId: packageId, desk: desk)
            try await probes.afterRecording(candidates)
        } else {
            context.state.note("SKD: no applicant of the plan sits the SKD")
        }

        // Rankings, each checked against the simulator's own.
        let fiscalYear = try await fiscalYear(context)
        var counts: [String: Int] = [:]
        for (index, formationId) in formationIds.enumerated() {
            let codes = try await finalise(formation: index, id: formationId, candidates: candidates,
                                           fiscalYear: fiscalYear, desk: desk)
            for (applicant, code) in codes {
                context.state.expectCode(code, kind: "skd-results", applicant: applicant)
                counts[code, default: 0] += 1
            }
        }
        let summary = ["P/L", "P", "TL", "TH", "DIS"].map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", ")
        context.say("SKD: \(candidates.count) results, rankings of \(formationIds.count) formations as expected: \(summary)")
    }

    /// Matches the rosters to the plan: every sitting applicant has exactly one seat, nobody else has one; stores the
    /// participant numbers.
    private func seated(_ sitting: [ApplicantPlan], sessions: [String], desk: ExamDesk) async throws
        -> [SkdRecording.Candidate]
    {
        let state = desk.context.state
        var byApplication: [String: ApplicantPlan] = [:]
        for applicant in sitting {
            guard let id = state.applicant(applicant.index).applicationId else {
                throw SimulationError.mismatch(step: "SKD seating",
                                               detail: "applicant \(applicant.index) has no application id")
            }
            byApplication[id.lowercased()] = applicant
        }
        var candidates: [SkdRecording.Candidate] = []
        for seat in try await desk.roster(sessions) {
            guard let applicant = byApplication.removeValue(forKey: seat.applicationId) else {
                throw SimulationError.mismatch(
                    step: "SKD seating",
                    detail: "application \(seat.applicationId) is seated but may not sit the SKD, or is seated twice")
            }
            state.update(applicant.index) { $0.participantNumber = seat.participantNumber }
            candidates.append(SkdRecording.Candidate(
                applicant: applicant.index, applicationId: seat.applicationId,
                participantNumber: seat.participantNumber, sessionId: seat.sessionId, fate: applicant.skd))
        }
        guard byApplication.isEmpty else {
            throw SimulationError.mismatch(
                step: "SKD seating",
                detail: "applicants \(byApplication.values.map(\.index).sorted()) may sit the SKD but have no seat")
        }
        return candidates
    }

    /// Records every act, paced, with progress lines every tenth.
    private func record(_ acts: [SkdRecording.Act], candidates: Int, packageId: String, desk: ExamDesk) async throws {
        let context = desk.context
        let recording = SkdRecording(desk: desk, packageId: packageId)
        let pacer = ResultPacer(pace: context.options.skdPace, acts: acts.count)
        let meter = ProgressMeter(total: candidates, label: "SKD results", say: context.say)
        if context.options.skdPace > .zero {
            context.say("SKD: recording \(candidates) results over \(context.options.skdPace)")
        }
        try await context.forEach(Array(acts.enumerated())) { index, act in
            try await pacer.wait(for: index)
            try await recording.record(act)
            meter.advance(by: act.size)
        }
    }

    /// The period's fiscal year, as the registration service publishes it (the passing grade depends on it).
    private func fiscalYear(_ context: SimulationContext) async throws -> Int {
        let period = try await context.client.expect(
            "GET", "\(context.endpoints.registration)/v1/periods/\(try context.periodId)", stage: "skd-ranking",
            step: "read the period", status: 200)
        guard let year = period.json["fiscalYear"] as? Int else {
            throw SimulationError.malformedAnswer(step: "read the period", detail: "no fiscalYear")
        }
        return year
    }

    /// Finalises formation `index`'s ranking and compares every row's code with the simulator's; answers the codes by
    /// applicant index.
    private func finalise(formation index: Int, id formationId: String, candidates: [SkdRecording.Candidate],
                          fiscalYear: Int, desk: ExamDesk) async throws -> [Int: String]
    {
        let plan = desk.context.plan.formations[index]
        let step = "SKD ranking of \(plan.positionName)"
        let records = candidates.filter { desk.context.plan.applicants[$0.applicant].formation == index }.map {
            candidate -> SkdRecord in
            let outcome: SkdRecord.Outcome
            switch candidate.fate {
            case .scored(let twk, let tiu, let tkp, _): outcome = .scored(twk: twk, tiu: tiu, tkp: tkp)
            case .absent: outcome = .absent
            case .disqualified: outcome = .disqualified
            }
            return SkdRecord(applicant: candidate.applicant, applicationId: candidate.applicationId,
                             participantNumber: candidate.participantNumber, outcome: outcome)
        }
        let expected = try ExpectedSkdRanking.codes(records, kind: plan.kind, quota: plan.quota, fiscalYear: fiscalYear)
        let response = try await desk.context.client.expect(
            "POST", "\(desk.base)/v1/formations/\(formationId)/skd-ranking", token: desk.token, stage: "skd-ranking",
            step: step, status: 201)
        var answered: [String: String] = [:]
        for row in response.json["rows"] as? [[String: Any]] ?? [] {
            guard let application = (row["applicationId"] as? String)?.lowercased(), let code = row["code"] as? String
            else { throw SimulationError.malformedAnswer(step: step, detail: "a row without application or code") }
            guard answered.updateValue(code, forKey: application) == nil else {
                throw SimulationError.mismatch(step: step, detail: "application \(application) is ranked twice")
            }
        }
        var differences: [String] = []
        var codes: [Int: String] = [:]
        for record in records {
            let want = expected.codes[record.applicationId] ?? "?"
            let got = answered.removeValue(forKey: record.applicationId)
            if got != want {
                differences.append("applicant \(record.applicant): expected \(want), got \(got ?? "no row")")
            }
            codes[record.applicant] = want
        }
        differences += answered.keys.sorted().map { "application \($0): ranked but never seated by the simulator" }
        guard differences.isEmpty else {
            throw SimulationError.mismatch(
                step: step,
                detail: "\(differences.count) codes differ from the simulator's ranking (passing grade "
                    + "\(ExpectedSkdRanking.describe(expected.grade)), fiscal year \(fiscalYear)): "
                    + differences.prefix(8).joined(separator: "; "))
        }
        return codes
    }
}
