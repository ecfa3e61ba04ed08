import Foundation

/// Publishes one kind of official announcement for every formation of the plan, as the BKPSDM's announcer does: waits
/// until the announcements service's public read model holds the formation's complete results (it learns them from
/// Kafka), drafts the announcement from them with a letter number and an Indonesian title, publishes it (which commits
/// it and every row to the transparency log) and records it for the ``PublicAudit``.
///
/// Administrative results are announced as `administrative-results-after-objection` when the public read model
/// already holds the after-objection round. A formation with nothing to announce (no submitted application, no SKD or
/// final row expected) is skipped with a note.
struct AnnouncementStage: SimulationStage {
    /// The result announcements the simulator publishes.
    enum Kind: String, Sendable, CaseIterable {
        case administrativeResults = "administrative-results"
        case skdResults = "skd-results"
        case finalResults = "final-results"
    }

    let kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }

    /// `announce-administrative`, `announce-skd`, `announce-final` (``Simulation/stageNames``).
    var name: String {
        switch kind {
        case .administrativeResults: "announce-administrative"
        case .skdResults: "announce-skd"
        case .finalResults: "announce-final"
        }
    }

    func run(_ context: SimulationContext) async throws {
        let officers = try context.officers
        let periodId = try context.periodId
        let base = context.endpoints.announcements
        let probes = DraftProbes(context: context, draftsURL: "\(base)/internal/v1/announcements/drafts")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = context.timeZone
        let year = calendar.component(.year, from: Date())
        var probed = false
        for (index, formationId) in context.state.formationIds.enumerated() where index < context.plan.formations.count {
            let formation = context.plan.formations[index]
            let expected = expectedRows(formation: index, context)
            guard expected > 0 else {
                context.state.note("no \(kind.rawValue) announcement for \(formation.positionName) (\(formation.kind)): "
                    + "nothing to announce")
                continue
            }
            let round = try await waitForPublicResults(formationId, count: expected, context)
            let published = kind == .administrativeResults && round == "after-objection"
                ? "administrative-results-after-objection" : kind.rawValue
            let letter = AnnouncementLetter(kind: published, formation: formation, formationIndex: index,
                                            runTag: context.plan.runTag, year: year)
            let body: [String: Any] = [
                "kind": published, "periodId": periodId, "formationId": formationId, "number": letter.number,
                "title": letter.title, "text": letter.text,
            ]
            if !probed {
                try await probes.beforeDrafting(body, kind: published,
                                                otherOfficer: officers.verifiers.first ?? officers.supervisor)
            }
            let draftId = try await draft(body, expectedRows: expected, context)
            let summary = try await publish(draftId, number: letter.number, context)
            if !probed {
                try await probes.afterPublishing(draftId: draftId, kind: published)
                probed = true
            }
            guard let announcementId = (summary["announcementId"] as? String)?.lowercased(),
                  let rowCount = summary["rowCount"] as? Int
            else {
                throw SimulationError.malformedAnswer(step: "publish \(letter.number)",
                                                      detail: "no announcementId or rowCount")
            }
            guard rowCount == expected else {
                throw SimulationError.mismatch(step: "publish \(letter.number)",
                                               detail: "published \(rowCount) rows, expected \(expected)")
            }
            context.state.recordAnnouncement(PublishedAnnouncement(
                kind: published, formation: index, announcementId: announcementId, rowCount: rowCount))
            context.say("announced \(published) of \(formation.positionName) (\(formation.kind)): \(letter.number), "
                + "\(rowCount) rows, log leaf \(summary["leafIndex"] as? Int ?? -1)")
        }
    }

    /// How many rows the formation's public results must hold: every submitted application for administrative results,
    /// the applicants whose codes the exam stages recorded for SKD and final results.
    func expectedRows(formation: Int, _ context: SimulationContext) -> Int {
        switch kind {
        case .administrativeResults:
            return context.plan.submitting.count { $0.formation == formation }
        case .skdResults, .finalResults:
            return context.state.expectedCodes(kind: kind.rawValue).keys.count {
                $0 < context.plan.applicants.count && context.plan.applicants[$0].formation == formation
            }
        }
    }

    /// Polls the public results of the formation until they hold `count` rows; answers the administrative round
    /// (`initial`, `after-objection`; nil for the other kinds).
    func waitForPublicResults(_ formationId: String, count: Int, _ context: SimulationContext) async throws -> String? {
        let url = "\(context.endpoints.announcements)/v1/formations/\(formationId)/\(kind.rawValue)"
        var seen = 0
        do {
            return try await context.client.waitFor(
                "public \(kind.rawValue) of formation \(formationId)", timeout: context.options.propagationTimeout,
                interval: .seconds(1)
            ) { () -> String?? in
                var rows = 0
                var round: String?
                var cursor: String?
                repeat {
                    let page = try await context.client.send("GET", PublicAnswers.page(url, limit: 500, cursor: cursor),
                                                             stage: "public-results")
                    guard page.status == 200 else { return nil }
                    if cursor == nil { round = page.json["round"] as? String }
                    rows += page.items.count
                    cursor = page.json["nextCursor"] as? String
                } while cursor != nil
                seen = rows
                return rows == count ? .some(round) : nil
            } ?? nil
        } catch SimulationError.timedOut(let step, _) {
            throw SimulationError.timedOut(step: step, detail: "\(seen) of \(count) rows public after "
                + "\(context.options.propagationTimeout)")
        }
    }

    /// Drafts the announcement; answers the draft id.
    func draft(_ body: [String: Any], expectedRows: Int, _ context: SimulationContext) async throws -> String {
        let number = body["number"] as? String ?? ""
        let step = "draft \(number)"
        let draft = try await context.client.expect(
            "POST", "\(context.endpoints.announcements)/internal/v1/announcements/drafts",
            token: try context.officers.announcer, body: .json(.init(body)), stage: "draft", step: step, status: 201)
        guard let draftId = draft.json["draftId"] as? String else {
            throw SimulationError.malformedAnswer(step: step, detail: "no draftId")
        }
        guard draft.json["rowCount"] as? Int == expectedRows else {
            throw SimulationError.mismatch(step: step, detail: "the draft holds \(draft.json["rowCount"] as? Int ?? 0) "
                + "rows, the public results \(expectedRows)")
        }
        return draftId
    }

    /// Publishes the draft; when the results changed since drafting (409 `draft-outdated`), refreshes it and tries
    /// again, as an announcer would after reviewing. Answers the published announcement's summary.
    func publish(_ draftId: String, number: String, _ context: SimulationContext) async throws -> [String: Any] {
        let drafts = "\(context.endpoints.announcements)/internal/v1/announcements/drafts/\(draftId)"
        let token = try context.officers.announcer
        let step = "publish \(number)"
        for _ in 0..<3 {
            let answer = try await context.client.send("POST", "\(drafts)/publish", token: token, stage: "publish")
            switch answer.status {
            case 201:
                return answer.json
            case 409 where (answer.problemType ?? "").hasSuffix("draft-outdated"):
                try await context.client.expect("POST", "\(drafts)/refresh", token: token, stage: "draft",
                                                step: "refresh the draft of \(number)", status: 200)
            case 409 where answer.problemFields.contains("number"):
                throw SimulationError.mismatch(
                    step: step, detail: "the letter number is already published (an earlier run with run tag "
                        + "\(context.plan.runTag)?); run with another run tag")
            default:
                throw SimulationError.unexpectedStatus(step: step, expected: [201], status: answer.status,
                                                       body: answer.text)
            }
        }
        throw SimulationError.mismatch(step: step, detail: "the results kept changing while publishing")
    }
}
