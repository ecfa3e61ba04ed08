import Foundation

/// A second, short selection period whose deadline passes during the run: one applicant prepares a complete
/// application in time (meeting the disguised and the oversize file on the way) and submits one second too late. The
/// deadline is an instant in UTC; the refusal must say `registration-closed`.
struct LateSubmissionProbe {
    func run(_ context: SimulationContext) async throws {
        let client = context.client
        let base = context.endpoints.registration
        let probes = context.probes
        let admin = try context.officers.admin
        let opened = Date()
        let closesAt = opened + SetUpStage.latePeriodWindow
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

        // An applicant of this period only: a fresh identity after the plan's.
        var random = SeededGenerator(seed: UInt64(context.plan.runTag) &+ 99)
        let identity = IdentityFactory(runTag: context.plan.runTag).identity(
            index: context.plan.applicants.count + 1, female: true, birthDate: CalendarDay(year: 1997, month: 3, day: 14),
            using: &random)
        _ = try await client.expect("POST", "\(base)/v1/accounts", body: .json(.init(identity.signUpBody)),
                                    stage: "sign-up", step: "sign up the late applicant", status: 201)
        let token = try await client.login(identity.email, password: identity.password)
        let started = try await client.expect(
            "POST", "\(base)/v1/applications", token: token, body: .json(.init(["formationId": formationId])),
            stage: "start-application", step: "start the late application", status: 201)
        guard let applicationId = started.json["applicationId"] as? String else {
            throw SimulationError.malformedAnswer(step: "start the late application", detail: "no applicationId")
        }
        let documents = "\(base)/v1/applications/\(applicationId)/documents"

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
            _ = try await client.expect(
                "PUT", "\(documents)/\(code)", token: token,
                body: .bytes(isJPEG ? SampleDocuments.jpeg(code) : SampleDocuments.pdf(code),
                             contentType: isJPEG ? "image/jpeg" : "application/pdf"),
                stage: "upload", step: "upload \(code) for the late applicant", status: 201)
        }
        let wait = closesAt.timeIntervalSinceNow + 1
        if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
        let late = try await client.send(
            "POST", "\(base)/v1/applications/\(applicationId)/submission", token: token,
            body: .json(.init(["education": ["level": "S-1", "major": plan.majors[0], "institution": "Universitas Nusa Cendana"],
                               "academicGrade": ["kind": "IPK", "value": "3.61", "scaleMaximum": "4.00"]])),
            stage: "submit")
        probes.check("submission one second after the deadline", late, status: 422, code: "registration-closed")
    }
}
