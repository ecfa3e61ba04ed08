import Foundation
import NIOCore
import PostgresNIO
import SuiteHarness
import TestSupport
import Testing

/// Administrative verification end to end: the real registration and verification executables, each with its own
/// database, the real broker between them. Applicants submit through registration; cases appear in the verification
/// queue from the registration topic; officers log in at registration and work at verification with those tokens.
@Suite(.serialized) struct VerificationFlowTests {
    struct Suite {
        var registration: RegistrationJourney
        var verification: VerificationJourney
        var registrationDatabase: PostgresClient
        var verificationDatabase: PostgresClient
        var admin: String
        var formationId: String
    }

    /// Starts registration and verification on fresh databases with one open formation.
    func withSuite(verificationEnvironment: [String: String] = [:], _ body: (Suite) async throws -> Void) async throws {
        guard let brokers = TestEnvironment.kafkaBrokers() else {
            try TestEnvironment.skipUnlessCI(missing: TestEnvironment.kafkaBrokersVariable)
            return
        }
        let prefix = ServiceEnvironments.uniquePrefix()
        try await TestPostgres.withFreshDatabase { registrationDatabase, registrationURL in
            try await TestPostgres.withFreshDatabase { verificationDatabase, verificationURL in
                let registration = try ServiceEnvironments.registration(
                    postgres: registrationURL, brokers: brokers, prefix: prefix)
                try await registration.start()
                let verification = try ServiceEnvironments.verification(
                    postgres: verificationURL, brokers: brokers, prefix: prefix, registration: registration.baseURL,
                    extra: verificationEnvironment)
                do {
                    try await verification.start()
                    let journey = RegistrationJourney(baseURL: registration.baseURL)
                    let admin = try await ServiceEnvironments.adminToken(on: registration.baseURL)
                    let opened = try await journey.openPeriod(
                        TestApplicants.openPeriod(), formations: [TestApplicants.formation()], adminToken: admin)
                    try await body(Suite(
                        registration: journey,
                        verification: VerificationJourney(baseURL: verification.baseURL, registration: journey),
                        registrationDatabase: registrationDatabase, verificationDatabase: verificationDatabase,
                        admin: admin, formationId: opened.formationIds[0]))
                } catch {
                    await verification.stop()
                    await registration.stop()
                    throw error
                }
                await verification.stop()
                await registration.stop()
                #expect(verification.terminationStatus == 0, "verification did not shut down cleanly")
            }
        }
    }

    static func type(_ response: TestHTTP.Response) -> String? { response.json["type"] as? String }

    static func fields(_ response: TestHTTP.Response) -> [String] {
        ((response.json["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }
    }

    static func id(_ value: [String: Any]) -> String { value["caseId"] as? String ?? "" }

    // MARK: The whole administrative selection

    @Test func queueClaimReviewFourEyesPublicationAndObjection() async throws {
        try await withSuite { suite in
            let verification = suite.verification
            let verifierA = try await verification.officer("Verifikator Satu", roles: ["verifier"], adminToken: suite.admin)
            let verifierB = try await verification.officer("Verifikator Dua", roles: ["verifier"], adminToken: suite.admin)
            let dual = try await verification.officer(
                "Verifikator Pengawas", roles: ["verifier", "supervisor"], adminToken: suite.admin)
            let supervisor = try await verification.officer("Pengawas", roles: ["supervisor"], adminToken: suite.admin)

            var applicants: [RegistrationJourney.Applicant] = []
            for serial in 601...603 {
                applicants.append(try await suite.registration.apply(serial: serial, formationId: suite.formationId))
            }
            var cases: [[String: Any]] = []
            for applicant in applicants {
                cases.append(try await verification.caseOf(application: applicant.applicationId, token: verifierA.token))
            }
            let caseIds = cases.map(Self.id)
            #expect(cases.allSatisfy { $0["status"] as? String == "open" })
            #expect(cases[0]["registrationNumber"] as? String == applicants[0].registrationNumber)

            // The queue: oldest submission first, with its age; applicants cannot read it.
            let queue = try await verification.get("/v1/queue?formationId=\(suite.formationId)", token: verifierA.token)
            #expect(queue.status == 200, "\(queue.text)")
            let queued = (queue.json["items"] as? [[String: Any]]) ?? []
            #expect(queued.map(Self.id) == caseIds)
            #expect(queued.allSatisfy { ($0["ageSeconds"] as? Int ?? -1) >= 0 && $0["queueState"] as? String == "open" })
            let asApplicant = try await verification.get("/v1/queue", token: applicants[0].token)
            #expect(asApplicant.status == 403)
            let anonymous = try await TestHTTP.get("\(verification.baseURL)/v1/queue")
            #expect(anonymous.status == 401)

            // Two verifiers race for the first case: exactly one gets it.
            async let first = verification.post("/v1/cases/\(caseIds[0])/claim", token: verifierA.token)
            async let second = verification.post("/v1/cases/\(caseIds[0])/claim", token: verifierB.token)
            let race = try await [first, second]
            #expect(race.map(\.status).sorted() == [200, 409], "\(race.map(\.text))")
            #expect(race.contains { Self.type($0) == "/problems/case-claimed" })
            let winner = race[0].status == 200 ? verifierA : verifierB
            let loser = race[0].status == 200 ? verifierB : verifierA

            // Bad input on a claimed case changes nothing.
            let documents = VerificationJourney.documentIds(cases[0])
            #expect(documents.count == 6)
            let unopened = try await verification.put(
                "/v1/cases/\(caseIds[0])/documents/\(documents[0])/review", json: ["verdict": "valid"],
                token: winner.token)
            #expect(unopened.status == 409)
            #expect(Self.type(unopened) == "/problems/document-not-inspected")
            let foreign = try await verification.put(
                "/v1/cases/\(caseIds[0])/documents/\(UUID().uuidString.lowercased())/review",
                json: ["verdict": "valid"], token: winner.token)
            #expect(foreign.status == 404)
            #expect(Self.type(foreign) == "/problems/document-not-in-case")
            let early = try await verification.decide(caseId: caseIds[0], token: winner.token)
            #expect(early.status == 409)
            #expect(Self.type(early) == "/problems/documents-not-reviewed")
            let unclaimed = try await verification.decide(caseId: caseIds[0], token: loser.token)
            #expect(unclaimed.status == 409)
            #expect(Self.type(unclaimed) == "/problems/case-not-claimed")
            let badVerdict = try await verification.put(
                "/v1/cases/\(caseIds[0])/documents/\(documents[0])/review", json: ["verdict": "maybe"],
                token: winner.token)
            #expect(badVerdict.status == 400)
            #expect(Self.fields(badVerdict) == ["verdict"])

            // Case 1: every document valid, MS, final at once (only TMS needs four eyes by default).
            _ = try await verification.review(caseId: caseIds[0], token: winner.token)
            let tmsWithout = try await verification.post(
                "/v1/cases/\(caseIds[0])/decision", json: ["outcome": "TMS"], token: winner.token)
            #expect(tmsWithout.status == 422)
            #expect(Self.fields(tmsWithout) == ["unmetRequirements"])
            let ms = try await verification.decide(caseId: caseIds[0], token: winner.token)
            #expect(ms.status == 201, "\(ms.text)")
            #expect(ms.json["status"] as? String == "decided")
            #expect(ms.json["finalOutcome"] as? String == "MS")

            // Publication needs every case of the formation decided.
            let tooEarly = try await verification.post(
                "/v1/formations/\(suite.formationId)/administrative-results", token: supervisor.token)
            #expect(tooEarly.status == 409)
            #expect(Self.type(tooEarly) == "/problems/cases-pending")

            // Case 2: the transcript is unreadable; MS is impossible, TMS waits for a countersignature; a supervisor
            // returns it once, then countersigns the second decision.
            _ = try await verification.review(caseId: caseIds[1], token: verifierA.token, invalid: ["transkrip-nilai"])
            let msAnyway = try await verification.decide(caseId: caseIds[1], token: verifierA.token)
            #expect(msAnyway.status == 422)
            #expect(Self.fields(msAnyway) == ["outcome"])
            let tms = try await verification.decide(caseId: caseIds[1], token: verifierA.token, unmet: ["transkrip-nilai"])
            #expect(tms.status == 201, "\(tms.text)")
            #expect(tms.json["status"] as? String == "awaiting-countersignature")
            let byVerifier = try await verification.post("/v1/cases/\(caseIds[1])/countersignature", token: verifierA.token)
            #expect(byVerifier.status == 403)
            let pending = try await verification.get("/v1/countersignatures", token: supervisor.token)
            #expect(((pending.json["items"] as? [[String: Any]]) ?? []).map(Self.id) == [caseIds[1]])
            let returned = try await verification.post(
                "/v1/cases/\(caseIds[1])/return", json: ["reason": "Sebutkan halaman yang tidak terbaca."],
                token: supervisor.token)
            #expect(returned.status == 200, "\(returned.text)")
            #expect(returned.json["status"] as? String == "open")
            let requeued = try await verification.get("/v1/queue", token: verifierA.token)
            let returnedItem = ((requeued.json["items"] as? [[String: Any]]) ?? []).first { Self.id($0) == caseIds[1] }
            #expect(returnedItem?["queueState"] as? String == "returned")
            #expect(returnedItem?["returnedReason"] as? String == "Sebutkan halaman yang tidak terbaca.")
            let reclaimed = try await verification.post("/v1/cases/\(caseIds[1])/claim", token: verifierA.token)
            #expect(reclaimed.status == 200, "\(reclaimed.text)")
            #expect(try await verification.decide(
                caseId: caseIds[1], token: verifierA.token, unmet: ["transkrip-nilai"]).status == 201)
            let countersigned = try await verification.post(
                "/v1/cases/\(caseIds[1])/countersignature", token: supervisor.token)
            #expect(countersigned.status == 201, "\(countersigned.text)")
            #expect(countersigned.json["finalOutcome"] as? String == "TMS")

            // Case 3: an officer with both roles cannot countersign their own TMS decision.
            _ = try await verification.review(caseId: caseIds[2], token: dual.token, invalid: ["ijazah"])
            #expect(try await verification.decide(caseId: caseIds[2], token: dual.token, unmet: ["ijazah"]).status == 201)
            let own = try await verification.post("/v1/cases/\(caseIds[2])/countersignature", token: dual.token)
            #expect(own.status == 403)
            #expect(Self.type(own) == "/problems/own-decision")
            #expect(try await verification.post(
                "/v1/cases/\(caseIds[2])/countersignature", token: supervisor.token).status == 201)

            // No objection before the results are public.
            let beforePublication = try await verification.post(
                "/v1/applications/\(applicants[1].applicationId)/objection",
                json: ["disputedRequirementCodes": ["transkrip-nilai"], "reason": "Transkrip saya jelas."],
                token: applicants[1].token)
            #expect(beforePublication.status == 409)
            #expect(Self.type(beforePublication) == "/problems/results-not-published")

            // Publication opens the objection window, counted to the end of the third day in the agency's zone.
            let published = try await verification.post(
                "/v1/formations/\(suite.formationId)/administrative-results", json: ["round": "initial"],
                token: supervisor.token)
            #expect(published.status == 201, "\(published.text)")
            #expect(published.json["msCount"] as? Int == 1)
            #expect(published.json["tmsCount"] as? Int == 2)
            let window = published.json["objectionWindow"] as? [String: Any]
            let closesAt = (window?["closesAt"] as? String).flatMap(Self.instant)
            let publishedAt = (published.json["publishedAt"] as? String).flatMap(Self.instant)
            if let closesAt, let publishedAt {
                #expect(closesAt.timeIntervalSince(publishedAt) > 3 * 86_400 - 1)
                #expect(closesAt.timeIntervalSince(publishedAt) < 4 * 86_400)
            } else {
                Issue.record("no objection window: \(published.text)")
            }
            let again = try await verification.post(
                "/v1/formations/\(suite.formationId)/administrative-results", token: supervisor.token)
            #expect(again.status == 409)
            #expect(Self.type(again) == "/problems/already-published")

            // The applicant sees the published TMS with its reasons; officer identities stay hidden.
            let status = try await verification.get(
                "/v1/applications/\(applicants[1].applicationId)/verification", token: applicants[1].token)
            #expect(status.status == 200, "\(status.text)")
            #expect(status.json["stage"] as? String == "published")
            #expect(status.json["outcome"] as? String == "TMS")
            #expect(status.json["canObject"] as? Bool == true)
            let unmet = (status.json["unmetRequirements"] as? [[String: Any]]) ?? []
            #expect(unmet.map { $0["requirementCode"] as? String } == ["transkrip-nilai"])
            let history = (status.json["history"] as? [[String: Any]]) ?? []
            #expect(history.count >= 5)
            #expect(history.allSatisfy { $0["actorId"] == nil }, "officer identities are hidden by default")
            let notYours = try await verification.get(
                "/v1/applications/\(applicants[1].applicationId)/verification", token: applicants[2].token)
            #expect(notYours.status == 404)

            // Objections: MS cannot object; a code that is not unmet is refused; one objection per applicant.
            let fromMS = try await verification.post(
                "/v1/applications/\(applicants[0].applicationId)/objection",
                json: ["disputedRequirementCodes": ["ijazah"], "reason": "Tidak ada."], token: applicants[0].token)
            #expect(fromMS.status == 409)
            #expect(Self.type(fromMS) == "/problems/objection-not-applicable")
            let wrongCode = try await verification.post(
                "/v1/applications/\(applicants[1].applicationId)/objection",
                json: ["disputedRequirementCodes": ["ijazah"], "reason": "Ijazah saya sah."], token: applicants[1].token)
            #expect(wrongCode.status == 422)
            #expect(Self.fields(wrongCode) == ["disputedRequirementCodes[0]"])
            let objection = try await verification.post(
                "/v1/applications/\(applicants[1].applicationId)/objection",
                json: ["disputedRequirementCodes": ["transkrip-nilai"],
                       "reason": "Kedua halaman transkrip terbaca jelas."],
                token: applicants[1].token)
            #expect(objection.status == 201, "\(objection.text)")
            let secondObjection = try await verification.post(
                "/v1/applications/\(applicants[1].applicationId)/objection",
                json: ["disputedRequirementCodes": ["transkrip-nilai"], "reason": "Sekali lagi."],
                token: applicants[1].token)
            #expect(secondObjection.status == 409)
            #expect(Self.type(secondObjection) == "/problems/objection-already-filed")

            let objections = try await verification.get("/v1/objections", token: supervisor.token)
            let listed = (objections.json["items"] as? [[String: Any]]) ?? []
            #expect(listed.count == 1)
            #expect(listed.first?["overdue"] as? Bool == false)
            #expect(listed.first?["answersDueAt"] != nil)
            let afterRound = try await verification.post(
                "/v1/formations/\(suite.formationId)/administrative-results", json: ["round": "after-objection"],
                token: supervisor.token)
            #expect(afterRound.status == 409, "the window is still open")

            // Upheld: TMS becomes MS, and the history says so.
            let answer = try await verification.post(
                "/v1/cases/\(caseIds[1])/objection/resolution",
                json: ["outcome": "upheld", "answer": "Sanggah diterima: transkrip terbaca. Status menjadi MS."],
                token: supervisor.token)
            #expect(answer.status == 201, "\(answer.text)")
            #expect(answer.json["finalOutcome"] as? String == "MS")
            let afterAnswer = try await verification.get(
                "/v1/applications/\(applicants[1].applicationId)/verification", token: applicants[1].token)
            #expect(afterAnswer.json["outcome"] as? String == "MS")
            let summaries = ((afterAnswer.json["history"] as? [[String: Any]]) ?? []).compactMap { $0["summary"] as? String }
            #expect(summaries.contains { $0.contains("upheld") })

            // Officers see the full, attributed history.
            let officerHistory = try await verification.get("/v1/cases/\(caseIds[1])/history", token: supervisor.token)
            let entries = (officerHistory.json["items"] as? [[String: Any]]) ?? []
            let types = entries.compactMap { $0["type"] as? String }
            #expect(types.first == "asn.verification.case-opened.v1")
            #expect(types.contains("asn.verification.decision-returned.v1"))
            #expect(types.last == "asn.verification.objection-resolved.v1")
            #expect(entries.filter { $0["type"] as? String == "asn.verification.decision-recorded.v1" }
                .allSatisfy { ($0["actorId"] as? String)?.lowercased() == verifierA.officerId.lowercased() })

            // Registration follows the verification topic: the applicant's status there shows the corrected result.
            let shown = await waitUntil {
                let view = try await TestHTTP.get(
                    "\(suite.registration.baseURL)/v1/applications/\(applicants[1].applicationId)",
                    headers: [("Authorization", "Bearer \(applicants[1].token)")])
                let progress = view.json["verification"] as? [String: Any]
                return progress?["stage"] as? String == "published" && progress?["outcome"] as? String == "MS"
            }
            #expect(shown, "registration shows the published, corrected result")

            // The verification events carry no NIK, KK number or birth date.
            let rows = try await suite.verificationDatabase.query("SELECT payload::text FROM events", logger: TestPostgres.logger)
            var payloads: [String] = []
            for try await text in rows.decode(String.self) { payloads.append(text) }
            #expect(payloads.count >= 20)
            for serial in 601...603 {
                let identity = TestApplicants.signUp(serial: serial)
                for secret in [identity["nik"], identity["kkNumber"], identity["birthDate"]].compactMap({ $0 as? String }) {
                    #expect(!payloads.contains { $0.contains(secret) }, "an event carries personal data")
                }
            }

            // Metrics: decisions per verifier and the backlog gauges.
            let metrics = try await TestHTTP.get("\(verification.baseURL)/metrics")
            #expect(metrics.text.contains("asn_verification_decisions_total"))
            #expect(metrics.text.contains("verifier=\"\(verifierA.officerId.lowercased())\""))
            let sampled = await waitUntil {
                try await TestHTTP.get("\(verification.baseURL)/metrics").text.contains("asn_verification_queue_depth 0")
            }
            #expect(sampled, "the queue-depth gauge reports the empty queue")
        }
    }

    static func instant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text)
    }

    // MARK: Conflicts, leases, withdrawal

    @Test func conflictsLeasesAndWithdrawal() async throws {
        try await withSuite(verificationEnvironment: ["ASN_VERIFICATION_LEASE_SECONDS": "5"]) { suite in
            let verification = suite.verification
            let verifierA = try await verification.officer("Verifikator Tiga", roles: ["verifier"], adminToken: suite.admin)
            let verifierB = try await verification.officer("Verifikator Empat", roles: ["verifier"], adminToken: suite.admin)
            let first = try await suite.registration.apply(serial: 611, formationId: suite.formationId)
            let second = try await suite.registration.apply(serial: 612, formationId: suite.formationId)
            let firstCase = Self.id(try await verification.caseOf(application: first.applicationId, token: verifierA.token))
            let secondCase = Self.id(try await verification.caseOf(application: second.applicationId, token: verifierA.token))

            // A declared conflict excludes the verifier from the case and hides it from their queue.
            let declared = try await verification.post(
                "/v1/cases/\(firstCase)/conflicts", json: ["relationship": "family"], token: verifierA.token)
            #expect(declared.status == 201, "\(declared.text)")
            #expect(declared.json["callerHasConflict"] as? Bool == true)
            let twice = try await verification.post(
                "/v1/cases/\(firstCase)/conflicts", json: ["relationship": "work"], token: verifierA.token)
            #expect(twice.status == 409)
            let excluded = try await verification.post("/v1/cases/\(firstCase)/claim", token: verifierA.token)
            #expect(excluded.status == 403)
            #expect(Self.type(excluded) == "/problems/conflict-of-interest")
            let queue = try await verification.get("/v1/queue", token: verifierA.token)
            #expect(((queue.json["items"] as? [[String: Any]]) ?? []).map(Self.id) == [secondCase])
            let unknownRelationship = try await verification.post(
                "/v1/cases/\(secondCase)/conflicts", json: ["relationship": "enemy"], token: verifierA.token)
            #expect(unknownRelationship.status == 400)
            #expect(Self.fields(unknownRelationship) == ["relationship"])

            // Registration sees that verification started: withdrawal is closed for the claimed application.
            let claimed = try await verification.post("/v1/cases/\(secondCase)/claim", token: verifierA.token)
            #expect(claimed.status == 200, "\(claimed.text)")
            let withdrawalClosed = await waitUntil {
                let view = try await TestHTTP.get(
                    "\(suite.registration.baseURL)/v1/applications/\(second.applicationId)",
                    headers: [("Authorization", "Bearer \(second.token)")])
                return view.json["canWithdraw"] as? Bool == false
            }
            #expect(withdrawalClosed)

            // An abandoned claim lapses: the case returns to the queue and the old holder can no longer work on it.
            try await Task.sleep(for: .seconds(6))
            let lapsed = try await verification.get("/v1/queue", token: verifierB.token)
            let item = ((lapsed.json["items"] as? [[String: Any]]) ?? []).first { Self.id($0) == secondCase }
            #expect(item?["queueState"] as? String == "lease-expired")
            let documents = VerificationJourney.documentIds(claimed.json)
            let stale = try await verification.get("/v1/cases/\(secondCase)/documents/\(documents[0])", token: verifierA.token)
            #expect(stale.status == 409)
            #expect(Self.type(stale) == "/problems/lease-expired")
            let taken = try await verification.post("/v1/cases/\(secondCase)/claim", token: verifierB.token)
            #expect(taken.status == 200, "\(taken.text)")
            let history = try await verification.get("/v1/cases/\(secondCase)/history", token: verifierB.token)
            let summaries = ((history.json["items"] as? [[String: Any]]) ?? []).compactMap { $0["summary"] as? String }
            #expect(summaries.contains { $0.contains("lease expired") })

            // A withdrawal before any claim closes the case.
            let third = try await suite.registration.apply(serial: 613, formationId: suite.formationId)
            let thirdCase = Self.id(try await verification.caseOf(application: third.applicationId, token: verifierB.token))
            let withdrawn = try await TestHTTP.post(
                "\(suite.registration.baseURL)/v1/applications/\(third.applicationId)/withdrawal", json: [:],
                headers: [("Authorization", "Bearer \(third.token)")])
            #expect(withdrawn.status == 200, "\(withdrawn.text)")
            let closed = await waitUntil {
                try await verification.get("/v1/cases/\(thirdCase)", token: verifierB.token).json["status"] as? String
                    == "closed"
            }
            #expect(closed)
            let claimClosed = try await verification.post("/v1/cases/\(thirdCase)/claim", token: verifierB.token)
            #expect(claimClosed.status == 409)
            #expect(Self.type(claimClosed) == "/problems/case-closed")
        }
    }

    // MARK: Integrity

    @Test func aTamperedDocumentIsRefusedAndRaisedAsAnAlert() async throws {
        try await withSuite { suite in
            let verification = suite.verification
            let verifier = try await verification.officer("Verifikator Lima", roles: ["verifier"], adminToken: suite.admin)
            let supervisor = try await verification.officer("Pengawas Dua", roles: ["supervisor"], adminToken: suite.admin)
            let applicant = try await suite.registration.apply(serial: 621, formationId: suite.formationId)
            let caseView = try await verification.caseOf(application: applicant.applicationId, token: verifier.token)
            let caseId = Self.id(caseView)
            let document = ((caseView["documents"] as? [[String: Any]]) ?? []).first {
                $0["requirementCode"] as? String == "ijazah"
            }
            let documentId = document?["documentId"] as? String ?? ""
            #expect(try await verification.post("/v1/cases/\(caseId)/claim", token: verifier.token).status == 200)

            // The bytes change behind the registration service's back after submission.
            try await suite.registrationDatabase.query(
                "UPDATE documents SET content = \(ByteBuffer(string: "%PDF-1.4 forged")) WHERE document_id = \(UUID(uuidString: documentId)!)",
                logger: TestPostgres.logger)
            let opened = try await verification.get("/v1/cases/\(caseId)/documents/\(documentId)", token: verifier.token)
            #expect(opened.status == 502)
            #expect(Self.type(opened) == "/problems/document-integrity")
            #expect(!opened.text.contains("forged"), "the tampered bytes are not shown")
            let verdict = try await verification.put(
                "/v1/cases/\(caseId)/documents/\(documentId)/review", json: ["verdict": "valid"], token: verifier.token)
            #expect(verdict.status == 409, "no verdict on a document that failed its check")

            let alerts = try await verification.get("/v1/integrity-alerts", token: supervisor.token)
            let listed = (alerts.json["items"] as? [[String: Any]]) ?? []
            #expect(listed.count == 1)
            #expect(listed.first?["documentId"] as? String == documentId)
            #expect(listed.first?["expectedSha256"] as? String == document?["sha256"] as? String)
            #expect(try await verification.get("/v1/integrity-alerts", token: verifier.token).status == 403)
            let metrics = try await TestHTTP.get("\(verification.baseURL)/metrics")
            #expect(metrics.text.contains("asn_verification_document_integrity_alerts_total 1"))

            // An untouched document opens, with its hash.
            let other = VerificationJourney.documentIds(caseView).first { $0 != documentId } ?? ""
            let fine = try await verification.get("/v1/cases/\(caseId)/documents/\(other)", token: verifier.token)
            #expect(fine.status == 200)
            #expect(fine.header("X-Document-SHA256") != nil)
        }
    }
}
