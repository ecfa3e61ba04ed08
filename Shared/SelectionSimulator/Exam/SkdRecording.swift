import Foundation

/// Recording the SKD outcomes of the seated candidates as the plan says, through the exam service's three intakes
/// (sub-scores, answer sheets, one CAT file per session) and its absence and disqualification endpoints.
struct SkdRecording: Sendable {
    /// One seated candidate.
    struct Candidate: Sendable, Hashable {
        /// Index into the plan's applicants.
        var applicant: Int
        var applicationId: String
        var participantNumber: String
        var sessionId: String
        var fate: SkdFate
    }

    /// One recording request.
    enum Act: Sendable {
        /// A single candidate's result, absence or disqualification.
        case single(Candidate)
        /// A session's CAT file, for the candidates planned `.importFile`.
        case importFile(SkdImportFile, candidates: [Candidate])

        /// How many candidates it records.
        var size: Int {
            switch self {
            case .single: 1
            case .importFile(_, let candidates): candidates.count
            }
        }
    }

    let desk: ExamDesk
    /// The exam package whose key scores the answer sheets.
    let packageId: String

    /// The public reason of the simulated disqualification (10-1000 characters).
    static let disqualificationReason =
        "Perangkat lunak akses jarak jauh ditemukan pada komputer peserta selama sesi berlangsung."

    /// The acts of every session, session by session in `sessions` order: each session's single results in seat order,
    /// with its CAT file (if any of its candidates is planned `.importFile`) in the middle.
    static func acts(_ candidates: [Candidate], sessions: [String]) -> [Act] {
        var acts: [Act] = []
        for session in sessions {
            let seated = candidates.filter { $0.sessionId == session }
            var singles: [Act] = []
            var imported: [Candidate] = []
            for candidate in seated {
                if case .scored(_, _, _, .importFile) = candidate.fate {
                    imported.append(candidate)
                } else {
                    singles.append(.single(candidate))
                }
            }
            if !imported.isEmpty {
                singles.insert(.importFile(importFile(imported), candidates: imported), at: singles.count / 2)
            }
            acts += singles
        }
        return acts
    }

    /// The CAT file of `candidates` (all planned `.importFile`).
    static func importFile(_ candidates: [Candidate]) -> SkdImportFile {
        SkdImportFile(rows: candidates.compactMap { candidate in
            guard case .scored(let twk, let tiu, let tkp, _) = candidate.fate else { return nil }
            return SkdImportFile.Row(participantNumber: candidate.participantNumber, twk: twk, tiu: tiu, tkp: tkp)
        })
    }

    /// Sends one act and checks the answer.
    func record(_ act: Act) async throws {
        switch act {
        case .single(let candidate):
            try await record(candidate)
        case .importFile(let file, let candidates):
            let response = try await desk.context.client.expect(
                "POST", "\(desk.base)/v1/skd-imports", token: desk.token,
                body: .bytes(file.bytes, contentType: "text/csv; charset=utf-8"), stage: "skd-import",
                step: "import the CAT file of session \(candidates.first?.sessionId ?? "?")", status: 201)
            let scored = response.json["scored"] as? Int
            guard scored == file.rows.count else {
                throw SimulationError.mismatch(
                    step: "import the CAT file of session \(candidates.first?.sessionId ?? "?")",
                    detail: "\(scored.map(String.init) ?? "no") rows scored, the file has \(file.rows.count)")
            }
        }
    }

    private func record(_ candidate: Candidate) async throws {
        let client = desk.context.client
        let url = "\(desk.base)/v1/participants/\(ExamDesk.segment(candidate.participantNumber))"
        let step = "SKD outcome of applicant \(candidate.applicant)"
        switch candidate.fate {
        case .absent:
            try await client.expect("POST", "\(url)/absence", token: desk.token, body: .json(.init(["stage": "SKD"])),
                                    stage: "skd-result", step: step, status: 201)
        case .disqualified:
            try await client.expect(
                "POST", "\(url)/disqualification", token: desk.token,
                body: .json(.init(["stage": "SKD", "reasonCode": "remote-access", "reason": Self.disqualificationReason])),
                stage: "skd-result", step: step, status: 201)
        case .scored(let twk, let tiu, let tkp, let via):
            let body: [String: Any]
            switch via {
            case .subScores, .importFile:
                body = ["scores": ["twk": twk, "tiu": tiu, "tkp": tkp], "sessionId": candidate.sessionId]
            case .answerSheet:
                body = ["answerSheet": SkdPaper.sheetJSON(packageId: packageId, twk: twk, tiu: tiu, tkp: tkp)]
            }
            let response = try await client.expect("POST", "\(url)/skd-result", token: desk.token,
                                                   body: .json(.init(body)), stage: "skd-result", step: step,
                                                   status: 201)
            let scores = response.json["scores"] as? [String: Any] ?? [:]
            let answered = ["twk", "tiu", "tkp", "total"].map { scores[$0] as? Int ?? -1 }
            guard answered == [twk, tiu, tkp, twk + tiu + tkp] else {
                throw SimulationError.mismatch(
                    step: step, detail: "the service scored TWK/TIU/TKP/total \(answered), the simulator recorded "
                        + "\([twk, tiu, tkp, twk + tiu + tkp]) (\(via.rawValue))")
            }
        }
    }
}
