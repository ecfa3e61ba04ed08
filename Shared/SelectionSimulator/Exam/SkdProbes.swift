/// The SKD stage's deliberate bad requests: each must be refused with the problem+json the exam service documents
/// (its result commands, DOMAIN §2 score ranges), and none may record anything.
struct SkdProbes: Sendable {
    let desk: ExamDesk

    private var client: SuiteClient { desk.context.client }
    private var probes: ProbeLog { desk.context.probes }

    private func resultURL(_ number: String, _ action: String) -> String {
        "\(desk.base)/v1/participants/\(ExamDesk.segment(number))/\(action)"
    }

    /// Before any result is recorded: an out-of-range score, an unknown participant, a too-short disqualification
    /// reason, a CAT file with one bad row (all or nothing, then checked on the roster), and a ranking finalised while
    /// results are pending.
    func beforeRecording(_ candidates: [SkdRecording.Candidate], acts: [SkdRecording.Act], formationIds: [String])
        async throws
    {
        guard let first = candidates.first else { return }

        // TWK is 0-150 in steps of 5: 155 is refused, naming the field.
        probes.check(
            "SKD score out of range (TWK 155)",
            try await client.send("POST", resultURL(first.participantNumber, "skd-result"), token: desk.token,
                                  body: .json(.init(["scores": ["twk": 155, "tiu": 100, "tkp": 170]])),
                                  stage: "skd-result"),
            status: 422, field: "scores.twk", type: "validation-failed")

        // A participant number nobody holds: nobody is seated under it.
        let unknown = ExamDesk.unknownParticipantNumber(like: first.participantNumber)
        probes.check(
            "SKD result for an unknown participant number",
            try await client.send("POST", resultURL(unknown, "skd-result"), token: desk.token,
                                  body: .json(.init(["scores": ["twk": 100, "tiu": 100, "tkp": 170]])),
                                  stage: "skd-result"),
            status: 404, type: "not-found")

        // A disqualification is public: its reason needs 10 characters at least.
        if let cheat = candidates.first(where: { $0.fate == .disqualified }) {
            probes.check(
                "disqualification with a too-short reason",
                try await client.send(
                    "POST", resultURL(cheat.participantNumber, "disqualification"), token: desk.token,
                    body: .json(.init(["stage": "SKD", "reasonCode": "remote-access", "reason": "Joki"])),
                    stage: "skd-result"),
                status: 422, field: "reason")
        }

        try await badImport(acts, unknownNumber: unknown)

        // A ranking cannot be finalised while seated candidates have no outcome.
        let formationIndex = desk.context.plan.applicants[first.applicant].formation
        if formationIds.indices.contains(formationIndex) {
            let formation = formationIds[formationIndex]
            probes.check(
                "SKD ranking finalised while results are pending",
                try await client.send("POST", "\(desk.base)/v1/formations/\(formation)/skd-ranking", token: desk.token,
                                      stage: "skd-ranking"),
                status: 409, type: "results-pending")
        }
    }

    /// The largest session's CAT file with one bad row: refused as a whole (422 naming the row), and none of its good
    /// rows reaches the roster. The good file is imported later, in the session's turn.
    private func badImport(_ acts: [SkdRecording.Act], unknownNumber: String) async throws {
        let files = acts.compactMap { act -> (SkdImportFile, [SkdRecording.Candidate])? in
            guard case .importFile(let file, let candidates) = act else { return nil }
            return (file, candidates)
        }
        guard let (file, candidates) = files.max(by: { $0.0.rows.count < $1.0.rows.count }),
              let (bad, field) = file.withOneBadRow(unknownNumber: unknownNumber)
        else {
            desk.context.state.note("SKD: no candidate was planned for a CAT file, so the all-or-nothing import probe "
                + "did not run")
            return
        }
        probes.check(
            "CAT file with one bad row among \(bad.rows.count)",
            try await client.send("POST", "\(desk.base)/v1/skd-imports", token: desk.token,
                                  body: .bytes(bad.bytes, contentType: "text/csv; charset=utf-8"), stage: "skd-import"),
            status: 422, field: field, type: "validation-failed")
        let numbers = Set(candidates.map(\.participantNumber))
        let sessions = Array(Set(candidates.map(\.sessionId)))
        let recorded = try await desk.roster(sessions).filter { numbers.contains($0.participantNumber) && $0.outcome != nil }
        guard recorded.isEmpty else {
            throw SimulationError.mismatch(
                step: "CAT file with one bad row",
                detail: "the refused file still recorded \(recorded.count) of its rows (all or nothing)")
        }
    }

    /// After the results: a second result for a candidate who already has one.
    func afterRecording(_ candidates: [SkdRecording.Candidate]) async throws {
        guard let scored = candidates.first(where: { if case .scored = $0.fate { true } else { false } }) else { return }
        probes.check(
            "second SKD result for the same candidate",
            try await client.send("POST", resultURL(scored.participantNumber, "skd-result"), token: desk.token,
                                  body: .json(.init(["scores": ["twk": 150, "tiu": 175, "tkp": 225]])),
                                  stage: "skd-result"),
            status: 409, type: "result-already-recorded")
    }
}
