import Synchronization
import TransparencyLog

/// The last stage: what the public sees, checked with nothing but the public endpoints (no token) and the log's
/// public key.
///
/// 1. The live applicant counts per formation equal the applications the run submitted.
/// 2. Every announcement the run published lists every application it must, exactly once, with the expected code
///    (administrative: the plan's verdict for the round published; SKD and final: the codes the exam stages
///    computed), and nothing else; no public answer the audit reads contains any planned applicant's NIK, KK number,
///    birth date or e-mail address.
/// 3. Every published row (a deterministic sample plus every adverse row, above ``AuditSample/fullCheckLimit``
///    rows) and every announcement record verifies against a signed checkpoint: record and salt recomputed to the
///    leaf, inclusion proof to the signed root; the checkpoint extends the one the audit saw when it started.
///
/// Throws ``SimulationError/mismatch(step:detail:)`` listing up to 10 differences.
struct PublicAudit: SimulationStage {
    let name = "public-audit"

    /// The result lists the audit reads (and scans) per formation.
    static let resultLists = ["administrative-results", "skd-results", "final-results"]

    func run(_ context: SimulationContext) async throws {
        let base = context.endpoints.announcements
        let findings = AuditFindings()
        let answers = PublicAnswers(
            client: context.client,
            scanner: PersonalDataScanner(context.plan.applicants.map { ($0.index, $0.identity) }), findings: findings)
        let log = try await LogAuditor.connect(answers, baseURL: base)
        let firstCheckpoint = try await log.checkpoint()

        try await checkCounts(answers, context, findings: findings)
        try await scanResultLists(answers, context)

        // The announcements and their rows.
        let announcements = context.state.announcements
        if announcements.isEmpty { findings.add("the run published no announcement") }
        try await checkListed(announcements, answers, context, findings: findings)
        var checks: [(label: String, recordId: String, leafIndex: Int, check: LoggedRecordCheck, adverse: Bool)] = []
        var rowCount = 0
        for announcement in announcements {
            let label = "\(announcement.kind) \(announcement.announcementId)"
            let (summary, record, rows) = try await answers.announcement(
                announcement.announcementId, baseURL: base, stage: "public-results")
            findings.add(contentsOf: summaryDifferences(announcement, summary: summary, record: record, rows: rows,
                                                        context, label: label))
            findings.add(contentsOf: AnnouncementRowCheck.differences(
                published: rows, expected: expectedRows(announcement, record: record, context, findings: findings),
                label: label))
            rowCount += rows.count
            if let recordId = summary["recordId"]?.stringValue, let leaf = summary["leafIndex"]?.integerValue {
                checks.append((label, recordId.lowercased(), Int(leaf), .announcement(record: record), false))
            }
            for row in rows {
                checks.append(("\(label) row \(row.position)", row.recordId, row.leafIndex,
                               .row(announcementId: announcement.announcementId, row: row),
                               AuditSample.isAdverse(row.code)))
            }
        }

        // The log: a checkpoint covering everything published, consistent with the first one seen, and the proofs.
        let rowChecks = checks.indices.filter { if case .row = checks[$0].check { true } else { false } }
        let adverse = Set(rowChecks.indices.filter { checks[rowChecks[$0]].adverse })
        let sampledRows = AuditSample.positions(count: rowChecks.count, always: adverse).map { rowChecks[$0] }
        let rowSet = Set(rowChecks)
        let selected = checks.indices.filter { !rowSet.contains($0) } + sampledRows
        let needed = (checks.map(\.leafIndex).max() ?? -1) + 1
        let checkpoint = try await log.checkpoint(covering: max(needed, 1), client: context.client,
                                                  timeout: context.options.propagationTimeout)
        if let firstCheckpoint {
            do {
                try await log.verifyConsistency(from: firstCheckpoint, to: checkpoint)
            } catch {
                findings.add("\(error)")
            }
        }
        let verified = Mutex(0)
        try await context.forEach(selected.map { checks[$0] }) { item in
            do {
                let logged = try await log.verifyRecord(item.recordId, leafIndex: item.leafIndex, in: checkpoint)
                if let difference = item.check.difference(logged) {
                    findings.add("\(item.label): \(difference)")
                } else if case .row = item.check {
                    verified.withLock { $0 += 1 }
                }
            } catch {
                findings.add("\(item.label): \(error)")
            }
        }

        let rowsVerified = verified.withLock { $0 }
        let scope = AuditSample.isSampled(count: rowChecks.count)
            ? "a deterministic sample of \(sampledRows.count) of \(rowChecks.count) rows (every \(rowChecks.count / AuditSample.minimumSample)th row plus all \(adverse.count) adverse rows: TMS, TL, TH, DIS, P/TL, …)"
            : "every row"
        let consistency = firstCheckpoint.map { " (consistent with size \($0.checkpoint.size) seen at the start)" } ?? ""
        context.say("public audit: \(announcements.count) announcements, \(rowCount) rows checked against the plan, "
            + "\(rowsVerified) rows verified against the log (\(scope)), "
            + "checkpoint size \(checkpoint.checkpoint.size)\(consistency)")
        try findings.throwIfAny(step: "public audit")
    }

    /// The public applicant counts of the period equal the submitted applications per formation.
    func checkCounts(_ answers: PublicAnswers, _ context: SimulationContext, findings: AuditFindings) async throws {
        let periodId = try context.periodId
        let items = try await answers.allItems(
            "\(context.endpoints.announcements)/v1/formations/counts?periodId=\(periodId)", stage: "public-results",
            step: "GET /v1/formations/counts")
        var counts: [String: (applicants: Int, submitted: Int)] = [:]
        for item in items {
            guard let id = (item["formationId"] as? String)?.lowercased() else { continue }
            counts[id] = (item["applicants"] as? Int ?? -1, item["submitted"] as? Int ?? -1)
        }
        for (index, formationId) in context.state.formationIds.enumerated() where index < context.plan.formations.count {
            let expected = context.plan.submitting.count { $0.formation == index }
            let position = context.plan.formations[index].positionName
            guard let count = counts[formationId.lowercased()] else {
                if expected > 0 { findings.add("counts: \(position) has no public count, expected \(expected)") }
                continue
            }
            if count.applicants != expected || count.submitted != expected {
                findings.add("counts: \(position) shows \(count.applicants) applicants (\(count.submitted) submitted), "
                    + "expected \(expected)")
            }
        }
    }

    /// Reads every formation's public result lists (so their answers are scanned for personal data too).
    func scanResultLists(_ answers: PublicAnswers, _ context: SimulationContext) async throws {
        let base = context.endpoints.announcements
        let periodId = try context.periodId
        _ = try await answers.allItems("\(base)/v1/formations?periodId=\(periodId)", stage: "public-results",
                                       step: "GET /v1/formations")
        _ = try await answers.get("\(base)/v1/open-data/formations?periodId=\(periodId)", stage: "public-results",
                                  step: "GET /v1/open-data/formations")
        for formationId in context.state.formationIds {
            for list in Self.resultLists {
                let url = "\(base)/v1/formations/\(formationId)/\(list)"
                let first = try await answers.get(PublicAnswers.page(url, limit: 500, cursor: nil),
                                                  stage: "public-results", step: "GET \(list)", status: [200, 404])
                if first.status == 200, first.json["nextCursor"] != nil {
                    _ = try await answers.allItems(url, stage: "public-results", step: "GET \(list)")
                }
            }
        }
    }

    /// Every announcement the run published is in the period's public list.
    func checkListed(_ announcements: [PublishedAnnouncement], _ answers: PublicAnswers, _ context: SimulationContext,
                     findings: AuditFindings) async throws
    {
        let listed = try await answers.allItems(
            "\(context.endpoints.announcements)/v1/announcements?periodId=\(try context.periodId)",
            limit: 100, stage: "public-results", step: "GET /v1/announcements")
        let ids = Set(listed.compactMap { ($0["announcementId"] as? String)?.lowercased() })
        for announcement in announcements where !ids.contains(announcement.announcementId.lowercased()) {
            findings.add("\(announcement.kind) \(announcement.announcementId) is not in the period's public list")
        }
    }

    /// The announcement as published agrees with what the run recorded: kind, formation, row counts, record type.
    func summaryDifferences(_ announcement: PublishedAnnouncement, summary: JSONValue, record: JSONValue,
                            rows: [PublishedRow], _ context: SimulationContext, label: String) -> [String]
    {
        var differences: [String] = []
        if summary["kind"]?.stringValue != announcement.kind || record["kind"]?.stringValue != announcement.kind {
            differences.append("\(label): published as kind \(summary["kind"]?.stringValue ?? "none")")
        }
        if let formation = announcement.formation, formation < context.state.formationIds.count,
           summary["formationId"]?.stringValue?.lowercased() != context.state.formationIds[formation].lowercased()
        {
            differences.append("\(label): published for another formation")
        }
        if record["type"]?.stringValue != "announcement" {
            differences.append("\(label): its record is not of type announcement")
        }
        let counts = [summary["rowCount"]?.integerValue, record["rowCount"]?.integerValue].map { $0.map(Int.init) }
        if counts.contains(where: { $0 != rows.count }) || rows.count != announcement.rowCount {
            differences.append("\(label): \(rows.count) rows listed, the announcement says "
                + "\(counts.map { $0.map(String.init) ?? "none" }.joined(separator: "/")), published with "
                + "\(announcement.rowCount)")
        }
        if rows.map(\.position) != Array(rows.indices) {
            differences.append("\(label): the row positions are not 0..<\(rows.count) in order")
        }
        return differences
    }

    /// The rows `announcement` must list: every submitted application of the formation for administrative results
    /// (its verdict for the round the record's summary names), the recorded codes for SKD and final results.
    func expectedRows(_ announcement: PublishedAnnouncement, record: JSONValue, _ context: SimulationContext,
                      findings: AuditFindings) -> [ExpectedRow]
    {
        guard let formation = announcement.formation else { return [] }
        let applicants = context.plan.applicants
        var expected: [(applicant: Int, code: String)]
        switch announcement.kind {
        case "administrative-results", "administrative-results-after-objection":
            let round = record["summary"]?["round"]?.stringValue
            expected = context.plan.submitting.filter { $0.formation == formation }
                .map { ($0.index, AnnouncementRowCheck.administrativeCode($0, round: round)) }
        default:
            expected = context.state.expectedCodes(kind: announcement.kind)
                .filter { $0.key < applicants.count && applicants[$0.key].formation == formation }
                .map { ($0.key, $0.value) }
        }
        return expected.sorted { $0.applicant < $1.applicant }.compactMap { item in
            let record = context.state.applicant(item.applicant)
            guard let number = record.registrationNumber else {
                findings.add("\(announcement.kind): applicant #\(item.applicant) has no registration number")
                return nil
            }
            return ExpectedRow(applicant: item.applicant, registrationNumber: number,
                               participantNumber: record.participantNumber, code: item.code)
        }
    }
}
