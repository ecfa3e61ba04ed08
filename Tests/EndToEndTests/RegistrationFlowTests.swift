import Foundation
import SelectionSimulator
import PostgresNIO
import SuiteHarness
import TestSupport
import Testing

/// The registration service as applicants, officers and administrators use it: one real executable, the real
/// PostgreSQL and the real broker. Each test gets its own database and topic prefix.
@Suite(.serialized) struct RegistrationFlowTests {
    /// Runs `body` against a fresh registration process (``RegistrationSettings``: bcrypt cost 4 keeps sign-ups cheap).
    func withRegistration(
        extraEnvironment: [String: String] = [:],
        _ body: (RegistrationJourney, PostgresClient) async throws -> Void
    ) async throws {
        guard let brokers = TestEnvironment.kafkaBrokers() else {
            try TestEnvironment.skipUnlessCI(missing: TestEnvironment.kafkaBrokersVariable)
            return
        }
        try await TestPostgres.withFreshDatabase { client, url in
            let process = try ServiceProcess(name: "registration", environment: RegistrationSettings.environment().merging([
                "ASN_POSTGRES_URL": url, "ASN_KAFKA_BROKERS": brokers,
                "ASN_KAFKA_NAME_PREFIX": "e2e-\(UUID().uuidString.prefix(8).lowercased()).",
            ]) { _, new in new }.merging(extraEnvironment) { _, new in new })
            try await process.start()
            do {
                try await body(RegistrationJourney(baseURL: process.baseURL), client)
            } catch {
                await process.stop()
                throw error
            }
            await process.stop()
            #expect(process.terminationStatus == 0, "registration did not shut down cleanly")
        }
    }

    /// Opens a period with the national documents and one umum formation; returns the admin token and formation id.
    func openSelection(_ journey: RegistrationJourney, closesIn: TimeInterval = 86_400) async throws
        -> (admin: String, formationId: String)
    {
        let admin = try await journey.login(TestApplicants.adminEmail, password: TestApplicants.adminPassword)
        var period = TestApplicants.openPeriod()
        period["registrationClosesAt"] = ISO8601DateFormatter().string(from: Date().addingTimeInterval(closesIn))
        let (_, formations) = try await journey.openPeriod(period, formations: [TestApplicants.formation()],
                                                           adminToken: admin)
        return (admin, formations[0])
    }

    static func bearer(_ token: String) -> [(String, String)] { [("Authorization", "Bearer \(token)")] }

    static func problemFields(_ response: TestHTTP.Response) -> [String] {
        ((response.json["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }
    }

    static func problemCodes(_ response: TestHTTP.Response) -> [String] {
        ((response.json["errors"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
    }

    // MARK: Identity

    @Test func signUpValidatesDecodesAndAllowsOneAccountPerNIK() async throws {
        try await withRegistration(extraEnvironment: ["ASN_REGISTRATION_SIGNUPS_PER_MINUTE": "5"]) { journey, _ in
            let base = journey.baseURL
            var body = TestApplicants.signUp(serial: 41, female: true)
            let created = try await TestHTTP.post("\(base)/v1/accounts", json: body)
            #expect(created.status == 201, "\(created.text)")
            let nik = created.json["nik"] as? [String: Any]
            #expect(nik?["regionCode"] as? String == "53.71.06")
            #expect(nik?["sex"] as? String == "female")
            #expect(nik?["masked"] as? String != body["nik"] as? String)
            #expect(!created.text.contains(body["nik"] as! String), "the NIK is echoed only masked")

            // Same NIK with another e-mail: one account per NIK.
            body["email"] = "someone.else@example.org"
            let duplicate = try await TestHTTP.post("\(base)/v1/accounts", json: body)
            #expect(duplicate.status == 409)
            #expect(duplicate.json["type"] as? String == "/problems/duplicate-account")
            #expect(Self.problemFields(duplicate) == ["nik"])

            // Another NIK with the same e-mail.
            var sameEmail = TestApplicants.signUp(serial: 42)
            sameEmail["email"] = "pelamar41@example.org"
            let emailTaken = try await TestHTTP.post("\(base)/v1/accounts", json: sameEmail)
            #expect(emailTaken.status == 409)
            #expect(Self.problemFields(emailTaken) == ["email"])

            // A NIK whose date disagrees with the birth date: accepted with a warning.
            var mismatch = TestApplicants.signUp(serial: 43)
            mismatch["birthDate"] = "1995-07-06"
            let warned = try await TestHTTP.post("\(base)/v1/accounts", json: mismatch)
            #expect(warned.status == 201, "\(warned.text)")
            #expect(Self.problemCodes(warned).isEmpty)
            let warnings = (warned.json["warnings"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
            #expect(warnings == ["nik-birth-date-mismatch"])

            // Every bad field at once, each named, as problem+json.
            var bad = TestApplicants.signUp(serial: 44)
            bad["nik"] = "5371020000950000"
            bad["password"] = "short"
            bad["email"] = "not-an-email"
            let invalid = try await TestHTTP.post("\(base)/v1/accounts", json: bad)
            #expect(invalid.status == 422)
            #expect(invalid.header("Content-Type")?.hasPrefix("application/problem+json") == true)
            #expect(Set(Self.problemFields(invalid)) == ["nik", "password", "email"])

            // Five sign-ups a minute from this address here (20 by default): the sixth waits.
            let limited = try await TestHTTP.post("\(base)/v1/accounts", json: TestApplicants.signUp(serial: 45))
            #expect(limited.status == 429)
            #expect(limited.json["type"] as? String == "/problems/rate-limited")
            #expect(Int(limited.header("Retry-After") ?? "") ?? 0 >= 1)
        }
    }

    @Test func loginIssuesVerifiableTokensAndLocksOutGuessing() async throws {
        try await withRegistration(extraEnvironment: ["ASN_REGISTRATION_FAILED_LOGINS_PER_MINUTE": "8"]) { journey, _ in
            let base = journey.baseURL
            let (applicantId, token) = try await journey.signUp(serial: 51)
            // By NIK as well as by e-mail.
            let nik = TestApplicants.signUp(serial: 51)["nik"] as! String
            _ = try await journey.login(nik, password: TestApplicants.password(serial: 51))

            let me = try await TestHTTP.get("\(base)/v1/me", headers: Self.bearer(token))
            #expect(me.status == 200)
            #expect((me.json["accountId"] as? String)?.lowercased() == applicantId.lowercased())
            #expect(me.json["roles"] as? [String] == ["applicant"])

            let jwks = try await TestHTTP.get("\(base)/.well-known/jwks.json")
            let keys = jwks.json["keys"] as? [[String: Any]] ?? []
            #expect(keys.count == 1)
            #expect(keys.first?["crv"] as? String == "Ed25519")
            #expect(keys.first?["d"] == nil, "no private key material in the JWKS")

            let anonymous = try await TestHTTP.get("\(base)/v1/me")
            #expect(anonymous.status == 401)
            let forged = try await TestHTTP.get("\(base)/v1/me", headers: Self.bearer(String(token.dropLast(4)) + "AAAA"))
            #expect(forged.status == 401)

            // Five wrong passwords lock the account: the sixth attempt is refused even with the right password.
            for _ in 1...5 {
                let wrong = try await TestHTTP.post("\(base)/v1/auth/token",
                                                   json: ["username": "pelamar51@example.org", "password": "wrong-password"])
                #expect(wrong.status == 401)
                #expect(wrong.json["type"] as? String == "/problems/invalid-credentials")
            }
            let locked = try await TestHTTP.post(
                "\(base)/v1/auth/token",
                json: ["username": "pelamar51@example.org", "password": TestApplicants.password(serial: 51)])
            #expect(locked.status == 429)
            #expect(locked.json["type"] as? String == "/problems/account-locked")
            #expect(Int(locked.header("Retry-After") ?? "") ?? 0 > 800, "locked for 15 minutes")

            // Unknown accounts answer like wrong passwords; failures per client are limited too (8 per minute here).
            // The budget refills at 8 a minute, so on a loaded machine one more attempt may pass before the limit
            // bites; a client without a limit would never see 429.
            var statuses: [Int] = []
            for attempt in 1...8 {
                let response = try await TestHTTP.post("\(base)/v1/auth/token",
                                                      json: ["username": "nobody\(attempt)@example.org", "password": "x"])
                statuses.append(response.status)
                if response.status == 429 { break }
            }
            #expect(statuses.count >= 4 && statuses.dropLast().allSatisfy { $0 == 401 }, "\(statuses)")
            #expect(statuses.last == 429, "the client's failure budget is spent: \(statuses)")
        }
    }

    @Test func administratorsCreateOfficersWithRoles() async throws {
        try await withRegistration { journey, _ in
            let base = journey.baseURL
            let admin = try await journey.login(TestApplicants.adminEmail, password: TestApplicants.adminPassword)
            let officer = try await TestHTTP.post("\(base)/v1/admin/officers", json: [
                "email": "verifikator@kupangkota.go.id", "displayName": "Yuliana Ndun", "roles": ["verifier"],
                "password": "Verifikator-2026",
            ], headers: Self.bearer(admin))
            #expect(officer.status == 201, "\(officer.text)")
            let token = try await journey.login("verifikator@kupangkota.go.id", password: "Verifikator-2026")
            let me = try await TestHTTP.get("\(base)/v1/me", headers: Self.bearer(token))
            #expect(me.json["roles"] as? [String] == ["verifier"])

            // Only administrators manage officers or periods.
            let refused = try await TestHTTP.post("\(base)/v1/admin/officers", json: [
                "email": "x@kupangkota.go.id", "displayName": "X", "roles": ["admin"], "password": "Something-long-1",
            ], headers: Self.bearer(token))
            #expect(refused.status == 403)
            let noPeriod = try await TestHTTP.post("\(base)/v1/admin/periods", json: TestApplicants.openPeriod(),
                                                  headers: Self.bearer(token))
            #expect(noPeriod.status == 403)
            let anonymous = try await TestHTTP.post("\(base)/v1/admin/periods", json: TestApplicants.openPeriod())
            #expect(anonymous.status == 401)
        }
    }

    // MARK: Documents and applications

    @Test func theWholeApplicationFlowWithDocumentsAndWithdrawal() async throws {
        try await withRegistration { journey, postgres in
            let base = journey.baseURL
            let (admin, formationId) = try await openSelection(journey)
            let (_, token) = try await journey.signUp(serial: 61)
            let applicationId = try await journey.start(formationId: formationId, token: token)

            // One application per period.
            let second = try await TestHTTP.post("\(base)/v1/applications", json: ["formationId": formationId],
                                                headers: Self.bearer(token))
            #expect(second.status == 409)
            #expect(second.json["type"] as? String == "/problems/application-exists")

            // Submitting without documents names every missing one.
            let incomplete = try await journey.submit(applicationId: applicationId, token: token)
            #expect(incomplete.status == 422)
            #expect(Set(Self.problemFields(incomplete)) == Set(TestApplicants.nationalDocuments.map { "documents.\($0.code)" }))

            // A JPEG called ijazah.pdf, sent as application/pdf, is still a JPEG.
            let disguised = try await journey.upload(
                SampleDocuments.jpeg("not a diploma"), requirementCode: "ijazah", applicationId: applicationId,
                token: token, contentType: "application/pdf")
            #expect(disguised.status == 415)
            #expect(Self.problemCodes(disguised) == ["document-format"])
            // 1 byte over the 300 KB limit of the application letter.
            let oversize = try await journey.upload(
                SampleDocuments.pdf("letter", size: 307_201), requirementCode: "surat-lamaran",
                applicationId: applicationId, token: token)
            #expect(oversize.status == 413)
            #expect(Self.problemFields(oversize) == ["body"])
            let unknown = try await journey.upload(
                SampleDocuments.pdf("x"), requirementCode: "surat-keterangan-dokter", applicationId: applicationId,
                token: token)
            #expect(unknown.status == 404, "the doctor's letter applies to disabilitas formations only")

            try await journey.uploadNationalDocuments(applicationId: applicationId, token: token, marker: "v1")
            // Re-upload replaces: the view shows the last file only.
            let replacement = SampleDocuments.pdf("ijazah v2")
            let replaced = try await journey.upload(replacement, requirementCode: "ijazah",
                                                    applicationId: applicationId, token: token)
            #expect(replaced.status == 201)
            let sha = replaced.json["sha256"] as? String
            let draft = try await TestHTTP.get("\(base)/v1/applications/\(applicationId)", headers: Self.bearer(token))
            let documents = draft.json["documents"] as? [[String: Any]] ?? []
            #expect(documents.count == 6)
            #expect(documents.first { $0["requirementCode"] as? String == "ijazah" }?["sha256"] as? String == sha)
            #expect(draft.json["missingDocuments"] as? [String] == [])

            // The owner downloads the bytes; another applicant cannot even see the application.
            let download = try await TestHTTP.get("\(base)/v1/applications/\(applicationId)/documents/ijazah",
                                                  headers: Self.bearer(token))
            #expect(download.status == 200)
            #expect(download.body == replacement)
            #expect(download.header("X-Document-SHA256") == sha)
            let (_, stranger) = try await journey.signUp(serial: 62)
            let peek = try await TestHTTP.get("\(base)/v1/applications/\(applicationId)/documents/ijazah",
                                              headers: Self.bearer(stranger))
            #expect(peek.status == 404)

            // A verifier fetches a document by id through the internal endpoint, with its hash; others may not.
            for (email, role) in [("verifier@kupangkota.go.id", "verifier"), ("exam@kupangkota.go.id", "exam_officer")] {
                let created = try await TestHTTP.post("\(base)/v1/admin/officers", json: [
                    "email": email, "displayName": role, "roles": [role], "password": "Officer-Password-1",
                ], headers: Self.bearer(admin))
                #expect(created.status == 201)
            }
            let verifier = try await journey.login("verifier@kupangkota.go.id", password: "Officer-Password-1")
            let examOfficer = try await journey.login("exam@kupangkota.go.id", password: "Officer-Password-1")
            let documentId = replaced.json["documentId"] as! String
            let fetched = try await TestHTTP.get("\(base)/internal/v1/documents/\(documentId)",
                                                 headers: Self.bearer(verifier))
            #expect(fetched.status == 200)
            #expect(fetched.body == replacement)
            #expect(fetched.header("X-Document-SHA256") == sha)
            let forbidden = try await TestHTTP.get("\(base)/internal/v1/documents/\(documentId)",
                                                   headers: Self.bearer(examOfficer))
            #expect(forbidden.status == 403)

            // Submit: a registration number with a valid check digit, and the data is frozen.
            let card = try await journey.submit(applicationId: applicationId, token: token)
            #expect(card.status == 201, "\(card.text)")
            let number = card.json["registrationNumber"] as? String ?? ""
            #expect(number.hasPrefix("ASN-26-"))
            #expect((card.json["documents"] as? [[String: Any]])?.count == 6)
            let again = try await journey.submit(applicationId: applicationId, token: token)
            #expect(again.status == 409)
            #expect(again.json["type"] as? String == "/problems/application-frozen")
            let late = try await journey.upload(SampleDocuments.pdf("late"), requirementCode: "ijazah",
                                                applicationId: applicationId, token: token)
            #expect(late.status == 409)

            let submitted = try await TestHTTP.get("\(base)/v1/applications/\(applicationId)", headers: Self.bearer(token))
            #expect(submitted.json["status"] as? String == "submitted")
            #expect(submitted.json["canWithdraw"] as? Bool == true)
            #expect((submitted.json["verification"] as? [String: Any])?["stage"] as? String == "not-started")

            let counted = try await TestHTTP.get("\(base)/v1/formations/\(formationId)")
            #expect(counted.json["applicantCount"] as? Int == 1, "public live count: \(counted.text)")

            let withdrawn = try await TestHTTP.post("\(base)/v1/applications/\(applicationId)/withdrawal",
                                                    json: ["note": "Diterima bekerja di tempat lain"],
                                                    headers: Self.bearer(token))
            #expect(withdrawn.status == 200, "\(withdrawn.text)")
            #expect(withdrawn.json["status"] as? String == "withdrawn")
            let recounted = try await TestHTTP.get("\(base)/v1/formations/\(formationId)")
            #expect(recounted.json["applicantCount"] as? Int == 0)

            // Every state change is an event, in order, and none carries the NIK, KK or birth date.
            let rows = try await postgres.query(
                "SELECT type, payload::text FROM events WHERE stream_id = \("application-\(applicationId.lowercased())") ORDER BY stream_version",
                logger: TestPostgres.logger)
            var types: [String] = []
            var payloads = ""
            for try await (type, payload) in rows.decode((String, String).self) {
                types.append(type)
                payloads += payload
            }
            #expect(types == ["asn.registration.application-started.v1"]
                + Array(repeating: "asn.registration.document-uploaded.v1", count: 6)
                + ["asn.registration.document-replaced.v1", "asn.registration.application-submitted.v1",
                   "asn.registration.application-withdrawn.v1"])
            let identity = TestApplicants.signUp(serial: 61)
            for secret in [identity["nik"], identity["kkNumber"], identity["birthDate"]].compactMap({ $0 as? String }) {
                #expect(!payloads.contains(secret))
            }
        }
    }

    @Test func concurrentDoubleSubmissionsProduceExactlyOneApplication() async throws {
        try await withRegistration { journey, postgres in
            let (_, formationId) = try await openSelection(journey)
            let (_, token) = try await journey.signUp(serial: 71)
            let applicationId = try await journey.start(formationId: formationId, token: token)
            try await journey.uploadNationalDocuments(applicationId: applicationId, token: token, marker: "71")
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 1...8 {
                    group.addTask { try await journey.submit(applicationId: applicationId, token: token).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == 409 }.count == 7, "\(statuses)")
            let rows = try await postgres.query(
                "SELECT count(*) FROM events WHERE type = 'asn.registration.application-submitted.v1'",
                logger: TestPostgres.logger)
            for try await count in rows.decode(Int.self) { #expect(count == 1) }
        }
    }

    @Test func ineligibleAndLateSubmissionsAreRefusedWithTheRule() async throws {
        try await withRegistration { journey, _ in
            let base = journey.baseURL
            // Room for the steps before the deadline on a machine loaded by the whole end-to-end phase.
            let opened = ContinuousClock.now
            let (admin, formationId) = try await openSelection(journey, closesIn: 25)

            // 17 years old on the day of applying.
            let year = Calendar(identifier: .gregorian).component(.year, from: Date()) - 17
            let young = TestApplicants.signUp(serial: 81, birthDate: (year, 1, 2))
            #expect(try await TestHTTP.post("\(base)/v1/accounts", json: young).status == 201)
            let youngToken = try await journey.login(young["email"] as! String, password: TestApplicants.password(serial: 81))
            let youngApplication = try await journey.start(formationId: formationId, token: youngToken)
            try await journey.uploadNationalDocuments(applicationId: youngApplication, token: youngToken, marker: "81")
            let underAge = try await journey.submit(applicationId: youngApplication, token: youngToken)
            #expect(underAge.status == 422)
            #expect(Self.problemCodes(underAge) == ["under-age"])

            // A major the formation does not accept.
            let (_, token) = try await journey.signUp(serial: 82)
            let applicationId = try await journey.start(formationId: formationId, token: token)
            try await journey.uploadNationalDocuments(applicationId: applicationId, token: token, marker: "82")
            let wrongMajor = try await TestHTTP.post(
                "\(base)/v1/applications/\(applicationId)/submission",
                json: TestApplicants.submission(major: "Biologi"), headers: Self.bearer(token))
            #expect(wrongMajor.status == 422)
            #expect(Self.problemFields(wrongMajor) == ["education.major"])

            // After the deadline (the period closes 25 s after it was opened).
            try await Task.sleep(until: opened + .seconds(26), clock: .continuous)
            let late = try await journey.submit(applicationId: applicationId, token: token)
            #expect(late.status == 422)
            #expect(Self.problemCodes(late) == ["registration-closed"])

            // The administrator extends the deadline (as in 2024); the same submission now goes through.
            let formation = try await TestHTTP.get("\(base)/v1/formations/\(formationId)")
            let periodId = try #require(formation.json["periodId"] as? String)
            let earlier = try await TestHTTP.post(
                "\(base)/v1/admin/periods/\(periodId)/deadline-extensions",
                json: ["registrationClosesAt": "2020-01-01T00:00:00Z", "reason": "x"], headers: Self.bearer(admin))
            #expect(earlier.status == 422)
            #expect(Self.problemFields(earlier) == ["registrationClosesAt"])
            let extended = try await TestHTTP.post(
                "\(base)/v1/admin/periods/\(periodId)/deadline-extensions",
                json: ["registrationClosesAt": ISO8601DateFormatter().string(from: Date().addingTimeInterval(600)),
                       "reason": "Gangguan layanan e-meterai"],
                headers: Self.bearer(admin))
            #expect(extended.status == 200, "\(extended.text)")
            #expect(extended.json["registrationStatus"] as? String == "open")
            let onTime = try await journey.submit(applicationId: applicationId, token: token)
            #expect(onTime.status == 201, "\(onTime.text)")
        }
    }
}
