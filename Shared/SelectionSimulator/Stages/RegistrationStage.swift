import Foundation
import Synchronization

/// Every planned applicant signs up, logs in, starts an application for the planned formation, uploads each required
/// document (a generated PDF or JPEG, as the period's list asks) and submits. Submissions the plan makes ineligible
/// (over age, wrong major) must be refused naming the field; the deliberate bad requests (wrong NIK, duplicate
/// account, disguised and oversize files, a second application, a late submission) must each be refused.
struct RegistrationStage: SimulationStage {
    let name = "registration"

    /// The documents of the period: requirement code → whether it is a PDF (else a JPEG) and its size limit.
    struct DocumentRule: Sendable {
        var isPDF: Bool
        var maximumSizeBytes: Int
    }

    func run(_ context: SimulationContext) async throws {
        let periodId = try context.periodId
        let period = try await context.client.expect(
            "GET", "\(context.endpoints.registration)/v1/periods/\(periodId)", stage: "period", status: 200)
        var rules: [String: DocumentRule] = [:]
        for document in period.json["requiredDocuments"] as? [[String: Any]] ?? [] {
            guard let code = document["code"] as? String else { continue }
            let formats = document["acceptedFormats"] as? [String] ?? []
            rules[code] = DocumentRule(isPDF: !formats.contains("image/jpeg") || formats.contains("application/pdf"),
                                       maximumSizeBytes: document["maximumSizeBytes"] as? Int ?? 204_800)
        }
        let documentRules = rules

        // The late-submission probe runs alongside: its period closes while the others register.
        let late = Task { try await LateSubmissionProbe().run(context) }

        let total = context.plan.applicants.count
        let done = Atomic<Int>(0)
        let submitted = Atomic<Int>(0)
        try await context.forEach(context.plan.applicants) { applicant in
            if try await register(applicant, rules: documentRules, context: context) {
                submitted.add(1, ordering: .relaxed)
            }
            let count = done.add(1, ordering: .relaxed).newValue
            if count % max(1, total / 10) == 0 || count == total {
                context.say("registration: \(count)/\(total) applicants done")
            }
        }
        try await badRequests(context, rules: documentRules)
        try await late.value
        let refused = total - submitted.load(ordering: .relaxed)
        context.say("registration: \(submitted.load(ordering: .relaxed)) applications submitted, \(refused) refused as planned")
    }

    /// One applicant's path; answers whether the application was submitted.
    func register(_ applicant: ApplicantPlan, rules: [String: DocumentRule], context: SimulationContext) async throws
        -> Bool
    {
        let client = context.client
        let base = context.endpoints.registration
        let created = try await client.expect(
            "POST", "\(base)/v1/accounts", body: .json(.init(applicant.identity.signUpBody)), stage: "sign-up",
            step: "sign up applicant \(applicant.index)", status: 201)
        let token = try await client.login(applicant.identity.email, password: applicant.identity.password)
        let formationId = context.state.formationIds[applicant.formation]
        let started = try await client.expect(
            "POST", "\(base)/v1/applications", token: token, body: .json(.init(["formationId": formationId])),
            stage: "start-application", step: "start application \(applicant.index)", status: 201)
        guard let applicationId = (started.json["applicationId"] as? String)?.lowercased() else {
            throw SimulationError.malformedAnswer(step: "start application", detail: "no applicationId")
        }
        let applicantId = (created.json["applicantId"] as? String)?.lowercased()
        context.state.update(applicant.index) {
            $0.applicantId = applicantId
            $0.applicationId = applicationId
            $0.token = token
        }
        let missing = started.json["missingDocuments"] as? [String] ?? Array(rules.keys.sorted())
        for code in missing {
            let rule = rules[code] ?? DocumentRule(isPDF: true, maximumSizeBytes: 204_800)
            let marker = "\(code) \(context.plan.runTag)-\(applicant.index)"
            // Realistic sizes: scans of a few to a few dozen kilobytes, well under the limits.
            let bytes = rule.isPDF
                ? SampleDocuments.pdf(marker, size: min(rule.maximumSizeBytes / 4, 6_000 + (applicant.index * 977) % 30_000))
                : SampleDocuments.jpeg(marker)
            _ = try await client.expect(
                "PUT", "\(base)/v1/applications/\(applicationId)/documents/\(code)", token: token,
                body: .bytes(bytes, contentType: rule.isPDF ? "application/pdf" : "image/jpeg"), stage: "upload",
                step: "upload \(code) for applicant \(applicant.index)", status: 201)
        }
        let submission = try await client.send(
            "POST", "\(base)/v1/applications/\(applicationId)/submission", token: token,
            body: .json(.init(Self.submissionBody(applicant))), stage: "submit")
        switch applicant.registration {
        case .eligible:
            guard submission.status == 201, let number = submission.json["registrationNumber"] as? String else {
                throw SimulationError.unexpectedStatus(step: "submit application \(applicant.index)", expected: [201],
                                                       status: submission.status, body: submission.text)
            }
            context.state.update(applicant.index) { $0.registrationNumber = number }
            return true
        case .overAge:
            guard context.probes.check("submission over the age limit", submission, status: 422, field: "birthDate",
                                       code: "over-age")
            else { return false }
            return false
        case .wrongMajor:
            context.probes.check("submission with a major the formation does not accept", submission, status: 422,
                                 field: "education.major")
            return false
        }
    }

    /// The `POST /v1/applications/{id}/submission` body.
    static func submissionBody(_ applicant: ApplicantPlan) -> [String: Any] {
        [
            "education": ["level": "S-1", "major": applicant.major, "institution": "Universitas Nusa Cendana"],
            "academicGrade": ["kind": "IPK", "value": applicant.grade, "scaleMaximum": "4.00"],
        ]
    }

    /// The deliberate bad requests against registration, with the first submitted applicant's account.
    func badRequests(_ context: SimulationContext, rules: [String: DocumentRule]) async throws {
        let client = context.client
        let base = context.endpoints.registration
        let probes = context.probes
        guard let first = context.plan.applicants.first(where: \.submits) else { return }
        let record = context.state.applicant(first.index)
        guard let token = record.token, let applicationId = record.applicationId else { return }

        // One account per NIK.
        var duplicate = first.identity
        duplicate.email = "duplikat.\(duplicate.email)"
        duplicate.phone = "0821" + duplicate.phone.dropFirst(4)
        probes.check("second account for the same NIK",
                     try await client.send("POST", "\(base)/v1/accounts", body: .json(.init(duplicate.signUpBody)),
                                           stage: "sign-up"),
                     status: 409, field: "nik")
        // A NIK whose district code is 00 does not exist.
        var wrong = first.identity
        wrong.nik = String(wrong.nik.prefix(4)) + "00" + String(wrong.nik.dropFirst(6))
        wrong.email = "salah.\(wrong.email)"
        probes.check("sign-up with an impossible NIK",
                     try await client.send("POST", "\(base)/v1/accounts", body: .json(.init(wrong.signUpBody)),
                                           stage: "sign-up"),
                     status: 422, field: "nik")
        // One application per applicant and period.
        probes.check("second application in the period",
                     try await client.send(
                        "POST", "\(base)/v1/applications", token: token,
                        body: .json(.init(["formationId": context.state.formationIds[first.formation]])),
                        stage: "start-application"),
                     status: 409, type: "application-exists")
        // Submitted data is frozen: a document cannot be replaced after submission.
        let frozen = try await client.send(
            "PUT", "\(base)/v1/applications/\(applicationId)/documents/ijazah", token: token,
            body: .bytes(SampleDocuments.pdf("ijazah pengganti"), contentType: "application/pdf"), stage: "upload")
        probes.check("document replaced after submission", frozen, status: 409, type: "application-frozen")
    }
}
