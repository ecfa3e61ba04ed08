import Foundation

/// Opens the simulated selection: the officers it needs (created by the initial administrator, or logged in when an
/// earlier run created them), a selection period with the plan's formations, and a second, short period whose deadline
/// passes during the run (for the late-submission probe).
struct SetUpStage: SimulationStage {
    let name = "set-up"

    /// One officer account: e-mail, display name, roles.
    struct Officer {
        var email: String
        var name: String
        var role: String
    }

    /// The officers of a simulated selection (Kota Kupang's BKPSDM): three verifiers share the queue.
    static let officers: [Officer] = [
        Officer(email: "verifikator1@kupangkota.go.id", name: "Yuliana Ndun", role: "verifier"),
        Officer(email: "verifikator2@kupangkota.go.id", name: "Obed Manafe", role: "verifier"),
        Officer(email: "verifikator3@kupangkota.go.id", name: "Selfina Nalle", role: "verifier"),
        Officer(email: "pengawas@kupangkota.go.id", name: "Daniel Tefa", role: "supervisor"),
        Officer(email: "ujian@kupangkota.go.id", name: "Agustina Lakapu", role: "exam_officer"),
        Officer(email: "pengumuman@kupangkota.go.id", name: "Marthen Bessie", role: "announcer"),
    ]

    /// How long after its opening the late-probe period closes.
    static let latePeriodWindow: TimeInterval = 20

    func run(_ context: SimulationContext) async throws {
        let client = context.client
        let registration = context.endpoints.registration
        let admin = try await client.login(context.options.adminEmail, password: context.options.adminPassword,
                                           stage: "officer-login")
        var tokens: [String: [String]] = [:]
        for officer in Self.officers {
            let created = try await client.expect(
                "POST", "\(registration)/v1/admin/officers", token: admin,
                body: .json(.init(["email": officer.email, "displayName": officer.name, "roles": [officer.role],
                                   "password": context.options.officerPassword])),
                stage: "officer-account", step: "create officer \(officer.email)", status: 201, 409)
            if created.status == 409 && !created.problemFields.contains("email") {
                throw SimulationError.unexpectedStatus(step: "create officer \(officer.email)", expected: [201],
                                                       status: created.status, body: created.text)
            }
            let token = try await client.login(officer.email, password: context.options.officerPassword,
                                               stage: "officer-login")
            tokens[officer.role, default: []].append(token)
        }
        context.state.officers = OfficerTokens(
            admin: admin, verifiers: tokens["verifier"] ?? [], supervisor: tokens["supervisor"]?.first ?? admin,
            examOfficer: tokens["exam_officer"]?.first ?? admin, announcer: tokens["announcer"]?.first ?? admin)

        let now = Date()
        let tag = pad(context.plan.runTag, 4)
        let period = try await client.expect(
            "POST", "\(registration)/v1/admin/periods", token: admin,
            body: .json(.init(periodBody(name: "Seleksi CPNS Kota Kupang 2026 (simulasi \(tag))", opensAt: now - 3600,
                                         closesAt: now + 14 * 86_400, context: context))),
            stage: "period", step: "open the period", status: 201)
        guard let periodId = period.json["periodId"] as? String else {
            throw SimulationError.malformedAnswer(step: "open the period", detail: "no periodId")
        }
        context.state.periodId = periodId.lowercased()

        // A formation without posts is refused, naming the quota.
        var invalid = context.plan.formations[0].requestBody
        invalid["quota"] = 0
        context.probes.check(
            "formation with quota 0",
            try await client.send("POST", "\(registration)/v1/admin/periods/\(periodId)/formations", token: admin,
                                  body: .json(.init(invalid)), stage: "formation"),
            status: 422, field: "quota")
        var formationIds: [String] = []
        for formation in context.plan.formations {
            let published = try await client.expect(
                "POST", "\(registration)/v1/admin/periods/\(periodId)/formations", token: admin,
                body: .json(.init(formation.requestBody)), stage: "formation",
                step: "publish formation \(formation.positionName)", status: 201)
            guard let id = published.json["formationId"] as? String else {
                throw SimulationError.malformedAnswer(step: "publish formation", detail: "no formationId")
            }
            formationIds.append(id.lowercased())
        }
        context.state.formationIds = formationIds
        context.say("period \(periodId.lowercased()) open with \(formationIds.count) formations "
            + context.plan.formations.map { "\($0.kind) (quota \($0.quota))" }.joined(separator: ", "))
    }

    /// The `POST /v1/admin/periods` body.
    func periodBody(name: String, opensAt: Date, closesAt: Date, context: SimulationContext) -> [String: Any] {
        var body: [String: Any] = [
            "agencyName": "Pemerintah Kota Kupang", "agencyCode": "KPG", "name": name, "program": "CPNS",
            "fiscalYear": Calendar(identifier: .gregorian).component(.year, from: opensAt),
            "timeZone": context.options.timeZone,
            "registrationOpensAt": SimulationContext.instant(opensAt),
            "registrationClosesAt": SimulationContext.instant(closesAt),
        ]
        if context.options.leanDocuments { body["requiredDocuments"] = Self.leanDocuments }
        return body
    }

    /// The period's documents with ``SimulationOptions/leanDocuments``: the four the plan's decisions and probes
    /// name (``SelectionPlan/refusals``), with the national formats and limits (DOMAIN.md §1.3).
    static var leanDocuments: [[String: Any]] {
        [
            ["code": "surat-lamaran", "type": "surat-lamaran", "label": "Surat lamaran",
             "acceptedFormats": ["application/pdf"], "maximumSizeBytes": 300 * 1024, "mandatory": true],
            ["code": "ijazah", "type": "ijazah", "label": "Ijazah", "acceptedFormats": ["application/pdf"],
             "maximumSizeBytes": 800 * 1024, "mandatory": true],
            ["code": "ktp", "type": "ktp", "label": "KTP", "acceptedFormats": ["image/jpeg"],
             "maximumSizeBytes": 200 * 1024, "mandatory": true],
            ["code": "transkrip-nilai", "type": "transkrip-nilai", "label": "Transkrip nilai",
             "acceptedFormats": ["application/pdf"], "maximumSizeBytes": 500 * 1024, "mandatory": true],
        ]
    }
}
