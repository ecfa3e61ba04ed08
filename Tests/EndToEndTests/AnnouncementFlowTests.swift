import Foundation
import RecruitmentEvents
import SuiteHarness
import TestSupport
import Testing
import TransparencyLog

/// Announcements end to end: the four real executables on their own databases, the real broker between them. The
/// announcements service learns of everything only from the topics; an announcer publishes the administrative and SKD
/// results, and a member of the public checks a published row against a signed checkpoint with nothing but the public
/// endpoints and the log's public key.
@Suite(.serialized) struct AnnouncementFlowTests {
    /// The announcements service as the public and announcers reach it; every answer is checked against the
    /// service's own `/openapi.json`.
    struct Public {
        let baseURL: String
        let validator: OpenAPIValidator

        static func connect(_ baseURL: String) async throws -> Public {
            let document = try await TestHTTP.get(baseURL + "/openapi.json")
            return Public(baseURL: baseURL, validator: try OpenAPIValidator(documentData: Data(document.body)))
        }

        func get(_ path: String, token: String? = nil) async throws -> TestHTTP.Response {
            checked("GET", path, try await TestHTTP.get(
                baseURL + path, headers: token.map { [("Authorization", "Bearer \($0)")] } ?? []))
        }

        func post(_ path: String, json: Any = [String: Any](), token: String?) async throws -> TestHTTP.Response {
            checked("POST", path, try await TestHTTP.post(
                baseURL + path, json: json, headers: token.map { [("Authorization", "Bearer \($0)")] } ?? []))
        }

        private func checked(_ method: String, _ path: String, _ response: TestHTTP.Response) -> TestHTTP.Response {
            let bare = String(path.split(separator: "?", maxSplits: 1)[0])
            do {
                try validator.validate(method: method, path: bare, response: response)
            } catch {
                Issue.record("\(method) \(path) → \(response.status) does not match /openapi.json: \(error)")
            }
            return response
        }
    }

    @Test func publishedResultsAreAnnouncedAndVerifiableAgainstTheLog() async throws {
        try await ExamFlowTests().withSuite(
            formations: [TestApplicants.formation(quota: 1)], announcements: true
        ) { suite in
            try await exercise(suite, announcements: try await Public.connect(try #require(suite.announcementsURL)))
        }
    }

    func exercise(_ suite: ExamFlowTests.Suite, announcements: Public) async throws {
        let formation = suite.formationIds[0]
        let officers = try await ExamFlowTests.officers(suite, tag: "Umum")
        let announcer = try await suite.verification.officer(
            "Pengumum", roles: ["announcer"], adminToken: suite.admin).token
        var applicants: [RegistrationJourney.Applicant] = []
        for serial in 951...953 { applicants.append(try await suite.registration.apply(serial: serial, formationId: formation)) }
        try await ExamFlowTests.administer(suite, applicants, tms: [953], officers: officers)

        // Nothing is public before verification publishes.
        let early = try await announcements.get("/v1/formations/\(formation)/administrative-results")
        #expect(early.status == 404, "\(early.text)")
        try await ExamFlowTests.publish(suite, formationId: formation, officers: officers)
        var latest: TestHTTP.Response?
        let arrived = await waitUntil {
            let answer = try await announcements.get("/v1/formations/\(formation)/administrative-results")
            latest = answer
            return ExamJourney.items(answer).count == 3
        }
        let administrative = try #require(latest)
        try #require(arrived, "the public administrative results did not arrive: \(administrative.text)")
        let rows = ExamJourney.items(administrative)
        #expect(rows.map { $0["outcome"] as? String } == ["MS", "MS", "TMS"])
        #expect(rows.map { $0["name"] as? String } == (951...953).map { TestApplicants.name(serial: $0) })
        let refusal = (rows[2]["unmetRequirements"] as? [[String: Any]])?.first ?? [:]
        let requirement = refusal["requirementCode"] as? String
        #expect(requirement == "ijazah")
        #expect(!refusal.keys.contains("explanation"), "the verifier's free text stays with the applicant")
        for serial in 951...953 {
            let signUp = TestApplicants.signUp(serial: serial)
            for field in ["nik", "kkNumber", "birthDate", "email", "phone"] {
                let value = try #require(signUp[field] as? String)
                #expect(!administrative.text.contains(value), "\(field) of \(serial) in a public answer")
            }
        }

        // Drafting is for announcers only.
        let draftBody: [String: Any] = [
            "kind": "administrative-results", "formationId": formation, "number": "800/101/BKPSDM/2026",
            "title": "Pengumuman Hasil Seleksi Administrasi",
        ]
        #expect(try await announcements.post("/internal/v1/announcements/drafts", json: draftBody, token: nil).status == 401)
        #expect(try await announcements.post("/internal/v1/announcements/drafts", json: draftBody,
                                             token: officers.verifier).status == 403)
        let invalid = try await announcements.post(
            "/internal/v1/announcements/drafts", json: ["kind": "skd-results", "number": "", "title": "x"],
            token: announcer)
        #expect(invalid.status == 422)
        #expect(Set(ExamJourney.problemFields(invalid)) == ["number", "formationId"], "\(invalid.text)")
        let draft = try await announcements.post("/internal/v1/announcements/drafts", json: draftBody, token: announcer)
        try #require(draft.status == 201, "\(draft.text)")
        #expect(draft.json["rowCount"] as? Int == 3)
        let draftId = try #require(draft.json["draftId"] as? String)
        let published = try await announcements.post(
            "/internal/v1/announcements/drafts/\(draftId)/publish", token: announcer)
        try #require(published.status == 201, "\(published.text)")
        let announcementId = try #require(published.json["announcementId"] as? String)
        #expect(published.json["sequence"] as? Int == 1)

        let listed = ExamJourney.items(try await announcements.get("/v1/announcements"))
        #expect(listed.map { $0["announcementId"] as? String } == [announcementId])
        let detail = try await announcements.get("/v1/announcements/\(announcementId)")
        let published_rows = detail.json["rows"] as? [[String: Any]] ?? []
        #expect(published_rows.count == 3)

        // A member of the public checks the TMS row: record, checkpoint, proof, key; nothing else.
        let row = try #require(published_rows.last)
        let recordId = try #require(row["recordId"] as? String)
        let keyText = try await announcements.get("/v1/log/key").json["verifierKey"] as? String
        let verifierKey = try NoteVerifierKey(parsing: try #require(keyText))
        var checkpoint: Checkpoint?
        let signed = await waitUntil {
            let note = try await announcements.get("/v1/log/checkpoint")
            guard note.status == 200 else { return false }
            let verified = try verifierKey.verify(note.text)
            checkpoint = try Checkpoint(parsing: verified.text)
            return (checkpoint?.size ?? 0) >= 4
        }
        try #require(signed, "no checkpoint covers the announcement")
        let tree = try #require(checkpoint)
        let record = try await announcements.get("/v1/log/records/\(recordId)")
        try #require(record.status == 200, "\(record.text)")
        let document = try JSONParser.parse(record.text)
        let saltText = try #require(document["salt"]?.stringValue)
        let salt = try #require(Data(base64Encoded: saltText))
        let leafNumber = try #require(document["leafIndex"]?.integerValue)
        let leafIndex = Int(leafNumber)
        let recordValue = try #require(document["record"])
        #expect(recordValue["row"]?["outcome"] == .string("TMS"))
        let proof = try await announcements.get("/v1/log/proofs/inclusion?leafIndex=\(leafIndex)&treeSize=\(tree.size)")
        try #require(proof.status == 200, "\(proof.text)")
        let hashes = try (proof.json["hashes"] as? [String] ?? []).map { try MerkleHash(base64: $0) }
        let commitment = try RecordCommitment(record: recordValue, salt: [UInt8](salt))
        try MerkleVerifier.verifyInclusion(
            leafHash: commitment.leafHash, leafIndex: leafIndex, treeSize: tree.size, proof: hashes, root: tree.rootHash)

        // A tampered row (TMS made MS) never verifies.
        guard case .object(var tampered) = recordValue, case .object(var tamperedRow)? = tampered["row"] else {
            Issue.record("the record is not an object")
            return
        }
        tamperedRow["outcome"] = .string("MS")
        tampered["row"] = .object(tamperedRow)
        let forged = try RecordCommitment(record: .object(tampered), salt: [UInt8](salt))
        #expect(throws: (any Error).self) {
            try MerkleVerifier.verifyInclusion(
                leafHash: forged.leafHash, leafIndex: leafIndex, treeSize: tree.size, proof: hashes,
                root: tree.rootHash)
        }
        #expect(try await announcements.get("/v1/log/records/\(UUID().uuidString.lowercased())").status == 404)
        #expect(try await announcements.get("/v1/log/proofs/inclusion?leafIndex=\(tree.size + 5)&treeSize=\(tree.size)")
            .status == 400)

        // SKD: two MS candidates sit and are ranked; the public list and its announcement follow.
        let exam = suite.exam
        let session = try await exam.scheduledSession(
            periodId: suite.periodId, stage: "SKD", label: "Sesi 1", startsAt: Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 86_400).rounded(.down)),
            capacity: 5, token: officers.exam)
        let seated = try await exam.seat(periodId: suite.periodId, stage: "SKD", token: officers.exam, untilAssigned: 2)
        #expect(seated == 2)
        let numbers = try await exam.participantNumbers(sessionIds: [session], token: officers.exam)
        let first = try #require(numbers[applicants[0].applicationId.lowercased()])
        let second = try #require(numbers[applicants[1].applicationId.lowercased()])
        #expect(try await exam.recordSkdScores(first, twk: 100, tiu: 120, tkp: 200, token: officers.exam).status == 201)
        #expect(try await exam.recordSkdScores(second, twk: 60, tiu: 120, tkp: 200, token: officers.exam).status == 201)
        let finalised = try await exam.finaliseSkdRanking(formationId: formation, token: officers.exam)
        try #require(finalised.status == 201 || finalised.status == 200, "\(finalised.text)")
        var latestSkd: TestHTTP.Response?
        let ranked = await waitUntil {
            let answer = try await announcements.get("/v1/formations/\(formation)/skd-results")
            latestSkd = answer
            return answer.status == 200
        }
        let skd = try #require(latestSkd)
        try #require(ranked, "the SKD ranking did not arrive: \(skd.text)")
        let skdRows = ExamJourney.items(skd)
        #expect(skdRows.map { $0["participantNumber"] as? String } == [first, second])
        #expect(skdRows.map { $0["code"] as? String } == ["P/L", "TL"])
        #expect(skdRows.first?["name"] as? String == TestApplicants.name(serial: 951))
        let skdDraft = try await announcements.post("/internal/v1/announcements/drafts", json: [
            "kind": "skd-results", "formationId": formation, "number": "800/102/BKPSDM/2026",
            "title": "Pengumuman Hasil SKD",
        ], token: announcer)
        try #require(skdDraft.status == 201, "\(skdDraft.text)")
        let skdDraftId = try #require(skdDraft.json["draftId"] as? String)
        let skdPublished = try await announcements.post(
            "/internal/v1/announcements/drafts/\(skdDraftId)/publish", token: announcer)
        #expect(skdPublished.status == 201, "\(skdPublished.text)")
        #expect(skdPublished.json["sequence"] as? Int == 2)

        // Open data counts the same.
        let statistics = ExamJourney.items(try await announcements.get("/v1/open-data/formations?periodId=\(suite.periodId)"))
        #expect(statistics.count == 1)
        #expect(statistics.first?["applicants"] as? Int == 3)
        #expect(statistics.first?["administrativeMS"] as? Int == 2)
        #expect(statistics.first?["administrativeTMS"] as? Int == 1)
        #expect(statistics.first?["skdPassedToSkb"] as? Int == 1)
        #expect(statistics.first?["skdBelowPassingGrade"] as? Int == 1)
        let csv = try await announcements.get("/v1/open-data/formations.csv?periodId=\(suite.periodId)")
        #expect(csv.header("content-type")?.hasPrefix("text/csv") == true)
        #expect(csv.text.split(separator: "\r\n").count == 2)

        try await checkInTheBrowser(announcements, recordId: recordId, announcementId: announcementId)
    }

    /// The public page in Chromium lists both announcements and checks the published TMS row against the real log:
    /// commitment, inclusion, checkpoint signature, all in the browser.
    func checkInTheBrowser(_ announcements: Public, recordId: String, announcementId: String) async throws {
        guard let binaries = try PublicPageBrowserTests.browserBinaries() else { return }
        let browser = try await WebDriverSession.start(driver: binaries.driver, browser: binaries.browser)
        do {
            try await browser.navigate(to: "\(announcements.baseURL)/")
            #expect(try await browser.waitUntil(
                "return document.querySelectorAll('#announcement-list li').length === 2"))
            let listed = try await browser.execute(
                "return [...document.querySelectorAll('#announcement-list li')].map(li => li.dataset.announcementId)")
                as? [String] ?? []
            #expect(listed.last?.lowercased() == announcementId.lowercased(), "\(listed)")
            try await browser.execute("""
                document.getElementById('record-id').value = arguments[0];
                document.getElementById('check-form').requestSubmit();
                """, [recordId])
            let finished = try await browser.waitUntil(
                "return ['ok', 'fail', 'unavailable'].includes(document.getElementById('check-result').dataset.outcome)")
            let outcome = try await browser.execute(
                "return document.getElementById('check-result').dataset.outcome") as? String
            let steps = try await browser.execute(
                "return [...document.querySelectorAll('#check-steps li')].map(li => li.className + ': ' + li.textContent)")
                as? [String] ?? []
            #expect(finished && outcome == "ok", "the browser's check of a real record: \(outcome ?? "-") \(steps)")
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }
}
