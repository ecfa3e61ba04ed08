import Foundation

/// A second, short selection period whose deadline passes during the run: one applicant prepares a complete
/// application in time (meeting the disguised and the oversize file on the way) and submits one second too late. The
/// deadline is an instant in UTC; the refusal must say `registration-closed`.
///
/// Under load the preparation can outlast a short window: then the probe opens another period with a window three
/// times as long (at most four periods) instead of failing the run.
struct LateSubmissionProbe {
    func run(_ context: SimulationContext) async throws {
        var window = SetUpStage.latePeriodWindow
        for number in 1...4 {
            if try await attempt(context, number: number, window: window) { return }
            context.say("late-submission probe: the \(Int(window)) s period closed before the application was ready "
                + (number < 4 ? "(busy suite); trying a longer one" : "four times; probe not run"))
            window *= 3
        }
        context.state.note("the late-submission probe could not prepare an application within any of its windows")
    }

    /// One short period; answers false when it closed before the application was complete (nothing probed).
    func attempt(_ context: SimulationContext, number: Int, window: TimeInterval) async throws -> Bool {
        let client = context.client
        let base = context.endpoints.registration
        let probes = context.probes
        let admin = try context.officers.admin
        let opened = Date()
        let closesAt = opened + window
        let tag = pad(context.plan.runTag, 4)
        let period = try await client.expect(
            "POST", "\(base)/v1/admin/periods", token: admin,
            body: .json(.init(SetUpStage().periodBody(
                name: "Seleksi PPPK Kota Kupang 2026 (simulasi \(tag), pendaftaran singkat)", opensAt: opened - 3600,
                closesAt: closesAt, context: context))),
            stage: "period", step: "open the short period", status: 201)
        guard let periodId = period.json["periodId"] as? String else {
            throw SimulationError.malformedAnswer(step: "open the short period", detail: "no periodId")
        }
        let plan = context.plan.formations[0]
        let formation = try await client.expect(
            "POST", "\(base)/v1/admin/periods/\(periodId)/formations", token: admin,
            body: .json(.init(plan.requestBody)), stage: "formation", step: "publish the short period's formation",
            status: 201)
        guard let formationId = formation.json["formationId"] as? String else {
            throw SimulationError.malformedAnswer(step: "publish formation", detail: "no formationId")
        }

        // An applicant of this period only: a fresh identity after the plan's (one per attempt).
        var random = SeededGenerator(seed: UInt64(context.plan.runTag) &+ 99 &+ UInt64(number))
        let identity = IdentityFactory(runTag: context.plan.runTag).identity(
            index: context.plan.applicants.count + number, female: true, birthDate: CalendarDay(year: 1997, month: 3, day: 14),
            using: &random)
        _ = try await client.expect("POST", "\(base)/v1/accounts", body: .json(.init(identity.signUpBody)),
                                    stage: "sign-up", step: "sign up the late applicant", status: 201)
        let token = try await client.login(identity.email, password: identity.password)
        let started = try await client.send(
            "POST", "\(base)/v1/applications", token: token, body: .json(.init(["formationId": formationId])),
            stage: "start-application")
        if Self.closed(started) { return false }
        guard started.status == 201 else {
            throw SimulationError.unexpectedStatus(step: "start the late application", expected: [201],
                                                   status: started.status, body: started.text)
        }
        guard let applicationId = started.json["applicationId"] as? String else {
            throw SimulationError.malformedAnswer(step: "start the late application", detail: "no applicationId")
        }
        let documents = "\(base)/v1/applications/\(applicationId)/documents"
        if closesAt.timeIntervalSinceNow < 5 { return false }

        // A JPEG sent as a PDF diploma is still a JPEG; a letter one byte over its 300 KB limit is too big.
        probes.check("JPEG disguised as a PDF diploma",
                     try await client.send("PUT", "\(documents)/ijazah", token: token,
                                           body: .bytes(SampleDocuments.jpeg("bukan ijazah"), contentType: "application/pdf"),
                                           stage: "upload"),
                     status: 415, code: "document-format")
        probes.check("application letter over the size limit",
                     try await client.send("PUT", "\(documents)/surat-lamaran", token: token,
                                           body: .bytes(SampleDocuments.pdf("surat lamaran", size: 307_201),
                                                        contentType: "application/pdf"),
                                           stage: "upload"),
                     status: 413, field: "body")
        for code in started.json["missingDocuments"] as? [String] ?? [] {
            let isJPEG = ["pas-foto", "swafoto", "ktp"].contains(code)
            let uploaded = try await client.send(
                "PUT", "\(documents)/\(code)", token: token,
                body: .bytes(isJPEG ? SampleDocuments.jpeg(code) : SampleDocuments.pdf(code),
                             contentType: isJPEG ? "image/jpeg" : "application/pdf"),
                stage: "upload")
            if Self.closed(uploaded) || closesAt.timeIntervalSinceNow < 0 { return false }
            guard uploaded.status == 201 else {
                throw SimulationError.unexpectedStatus(step: "upload \(code) for the late applicant", expected: [201],
                                                       status: uploaded.status, body: uploaded.text)
            }
        }
        let wait = closesAt.timeIntervalSinceNow + 1
        if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
        let late = try await client.send(
            "POST", "\(base)/v1/applications/\(applicationId)/submission", token: token,
            body: .json(.init(["education": ["level": "S-1", "major": plan.majors[0], "institution": "Universitas Nusa Cendana"],
                               "academicGrade": ["kind": "IPK", "value": "3.61", "scaleMaximum": "4.00"]])),
            stage: "submit")
        probes.check("submission one second after the deadline", late, status: 422, code: "registration-closed")
        return true
    }

    /// Whether `response` refuses because the period has closed.
    static func closed(_ response: APIResponse) -> Bool {
        response.status == 422 && response.problemCodes.contains("registration-closed")
    }
}
