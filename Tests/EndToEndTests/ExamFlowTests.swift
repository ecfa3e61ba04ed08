import Foundation
import PostgresNIO
import RecruitmentEvents
import SuiteHarness
import TestSupport
import Testing

/// Exam scoring end to end (DOMAIN §1.6-1.9, §2, §3): the real registration, verification and exam-scoring
/// executables, each on its own fresh database, the real broker between them. Applicants submit at registration,
/// officers verify and publish at verification, and the exam service, which learns of all that only from the two
/// topics, seats the published MS candidates and takes them through SKD, ranking, SKB and the final integration.
@Suite(.serialized) struct ExamFlowTests {
    struct Suite {
        var registration: RegistrationJourney
        var verification: VerificationJourney
        var exam: ExamJourney
        /// The exam service's own database, for preconditions on its intake projection and for its outbox.
        var examDatabase: PostgresClient
        var admin: String
        var periodId: String
        var formationIds: [String]
        /// The announcements service's base URL, when the suite was asked to start it too.
        var announcementsURL: String?
        /// The services' log files (for scans of what they wrote).
        var logFiles: [URL] = []
        /// The prefix of this suite's topic names (`ASN_KAFKA_NAME_PREFIX`) and the brokers.
        var topicPrefix = ""
        var brokers = ""
    }

    /// Starts registration, verification and exam-scoring (and, with `announcements`, the announcements service) on
    /// fresh databases and opens a period with `formations`.
    func withSuite(formations: [[String: Any]], announcements withAnnouncements: Bool = false,
                   _ body: (Suite) async throws -> Void) async throws
    {
        guard let brokers = TestEnvironment.kafkaBrokers() else {
            try TestEnvironment.skipUnlessCI(missing: TestEnvironment.kafkaBrokersVariable)
            return
        }
        let prefix = ServiceEnvironments.uniquePrefix()
        try await SuiteSlots.shared.withSlot {
        try await TestPostgres.withFreshDatabase { _, registrationURL in
            try await TestPostgres.withFreshDatabase { _, verificationURL in
                try await TestPostgres.withFreshDatabase { examDatabase, examURL in
                    try await Self.withDatabase(if: withAnnouncements) { announcementsURL in
                        let registration = try ServiceEnvironments.registration(
                            postgres: registrationURL, brokers: brokers, prefix: prefix)
                        try await registration.start()
                        let verification = try ServiceEnvironments.verification(
                            postgres: verificationURL, brokers: brokers, prefix: prefix,
                            registration: registration.baseURL)
                        let exam = try ServiceEnvironments.examScoring(
                            postgres: examURL, brokers: brokers, prefix: prefix, registration: registration.baseURL)
                        let announcements = try announcementsURL.map {
                            try ServiceEnvironments.announcements(
                                postgres: $0, brokers: brokers, prefix: prefix, registration: registration.baseURL)
                        }
                        func stopAll() async {
                            await announcements?.stop()
                            await exam.stop()
                            await verification.stop()
                            await registration.stop()
                        }
                        do {
                            try await verification.start()
                            try await exam.start()
                            try await announcements?.start()
                            let journey = RegistrationJourney(baseURL: registration.baseURL)
                            let admin = try await ServiceEnvironments.adminToken(on: registration.baseURL)
                            let opened = try await journey.openPeriod(
                                TestApplicants.openPeriod(), formations: formations, adminToken: admin)
                            try await body(Suite(
                                registration: journey,
                                verification: VerificationJourney(baseURL: verification.baseURL, registration: journey),
                                exam: ExamJourney(baseURL: exam.baseURL), examDatabase: examDatabase, admin: admin,
                                periodId: opened.periodId, formationIds: opened.formationIds,
                                announcementsURL: announcements?.baseURL,
                                logFiles: [registration, verification, exam].map(\.logFile)
                                    + (announcements.map { [$0.logFile] } ?? []),
                                topicPrefix: prefix, brokers: brokers))
                        } catch {
                            await stopAll()
                            throw error
                        }
                        await stopAll()
                        #expect(exam.terminationStatus == 0, "exam-scoring did not shut down cleanly: \(exam.logFile.path)")
                        if let announcements {
                            #expect(announcements.terminationStatus == 0,
                                    "announcements did not shut down cleanly: \(announcements.logFile.path)")
                        }
                    }
                }
            }
        }
        }
    }

    /// Runs `body` with the URL of a fresh database when `needed`, with `nil` otherwise.
    static func withDatabase(if needed: Bool, _ body: (String?) async throws -> Void) async throws {
        guard needed else { return try await body(nil) }
        try await TestPostgres.withFreshDatabase { _, url in try await body(url) }
    }

    // MARK: Shared steps

    /// The officers of a test: a verifier, a supervisor (countersigns TMS, publishes) and an exam officer.
    struct Officers {
        var verifier: String
        var supervisor: String
        var exam: String
    }

    static func officers(_ suite: Suite, tag: String) async throws -> Officers {
        let verification = suite.verification
        return Officers(
            verifier: try await verification.officer("Verifikator \(tag)", roles: ["verifier"], adminToken: suite.admin).token,
            supervisor: try await verification.officer("Pengawas \(tag)", roles: ["supervisor"], adminToken: suite.admin).token,
            exam: try await verification.officer("Petugas Ujian \(tag)", roles: ["exam_officer"], adminToken: suite.admin).token)
    }

    /// Verifies every applicant: MS, or for the serials in `tms` TMS (ijazah unreadable) countersigned by the
    /// supervisor, so that every result is final.
    static func administer(_ suite: Suite, _ applicants: [RegistrationJourney.Applicant], tms: Set<Int> = [],
                           officers: Officers) async throws
    {
        let verification = suite.verification
        for applicant in applicants {
            let caseView = try await verification.caseOf(application: applicant.applicationId, token: officers.verifier)
            let caseId = try #require(caseView["caseId"] as? String)
            let refused = tms.contains(applicant.serial)
            _ = try await verification.review(caseId: caseId, token: officers.verifier,
                                              invalid: refused ? ["ijazah"] : [])
            let decided = try await verification.decide(
                caseId: caseId, token: officers.verifier, unmet: refused ? ["ijazah"] : [])
            try #require(decided.status == 201, "decision of \(applicant.serial): \(decided.text)")
            if refused {
                let countersigned = try await verification.post(
                    "/v1/cases/\(caseId)/countersignature", token: officers.supervisor)
                try #require(countersigned.status == 201, "countersignature: \(countersigned.text)")
            }
        }
    }

    /// Publishes the administrative results of a formation (the initial round).
    static func publish(_ suite: Suite, formationId: String, officers: Officers) async throws {
        let published = try await suite.verification.post(
            "/v1/formations/\(formationId)/administrative-results", json: ["round": "initial"],
            token: officers.supervisor)
        try #require(published.status == 201, "publication: \(published.text)")
    }

    /// Waits until the exam service's intake projection holds `applications` submissions, `finalResults` final
    /// administrative results and `publications` publications: the precondition that makes "not seated" meaningful
    /// (the service knew the result and still did not seat the candidate).
    static func waitForIntake(_ suite: Suite, applications: Int, finalResults: Int, publications: Int) async -> Bool {
        await waitUntil {
            let rows = try await suite.examDatabase.query(
                """
                SELECT (SELECT count(*)::integer FROM applications),
                       (SELECT count(*)::integer FROM administrative_results WHERE final),
                       (SELECT count(*)::integer FROM administrative_publications)
                """, logger: TestPostgres.logger)
            for try await (found, final, published) in rows.decode((Int, Int, Int).self) {
                return found == applications && final == finalResults && published == publications
            }
            return false
        }
    }

    /// SKD₁₀₀ in hundredths: total × 100 / 550 rounded half up to 2 decimals (DOMAIN §3.2), in integers.
    static func skd100Hundredths(total: Int) -> Int {
        (2 * total * 10_000 + 550) / 1_100
    }

    /// The integrated score 40% × SKD₁₀₀ + 60% × SKB₁₀₀, exact, from both in hundredths.
    static func integrated(skd100Hundredths: Int, skbHundredths: Int) -> ExactDecimal {
        ExactDecimal(Int64(40 * skd100Hundredths + 60 * skbHundredths), scale: 4)
    }

    static func decimal(_ value: Any?) -> ExactDecimal? {
        (value as? String).flatMap { ExactDecimal($0) }
    }

    static func id(_ applicant: RegistrationJourney.Applicant) -> String { applicant.applicationId.lowercased() }

    // MARK: The whole exam

    @Test func fromPublishedAdministrationToFinalResults() async throws {
        var second = TestApplicants.formation(position: "Analis Data Ahli Pertama", quota: 1)
        second["skbComponents"] = [["component": "cat", "weightPercent": "100"]]
        try await withSuite(formations: [TestApplicants.formation(quota: 1), second]) { suite in
            try await exercise(suite)
        }
    }

    func exercise(_ suite: Suite) async throws {
        let exam = suite.exam
        let officers = try await Self.officers(suite, tag: "Alur")
        let officer = officers.exam
        let (firstFormation, secondFormation) = (suite.formationIds[0], suite.formationIds[1])

        // Formation 1 (quota 1): seven applicants who will be MS and one TMS; formation 2 (quota 1): one applicant.
        var applicants: [RegistrationJourney.Applicant] = []
        for serial in 901...908 {
            applicants.append(try await suite.registration.apply(serial: serial, formationId: firstFormation))
        }
        let (scored, sheet, csvP, csvP2, csvTL, absent, cheat, refused) = (
            applicants[0], applicants[1], applicants[2], applicants[3], applicants[4], applicants[5], applicants[6],
            applicants[7])
        let other = try await suite.registration.apply(serial: 909, formationId: secondFormation)
        let seatedInFirst = Array(applicants.prefix(7))
        try await Self.administer(suite, applicants + [other], tms: [refused.serial], officers: officers)

        // Only formation 1 publishes for now. The exam service knows every submission, every final result (the
        // countersigned TMS included) and that one publication before it is asked to seat.
        try await Self.publish(suite, formationId: firstFormation, officers: officers)
        let known = await Self.waitForIntake(suite, applications: 9, finalResults: 9, publications: 1)
        try #require(known, "the exam intake did not catch up with registration and verification")

        // Authorisation: officers' endpoints need an exam officer's token.
        let start = Date().addingTimeInterval(7 * 86_400).rounded
        let anonymous = try await exam.scheduleSession(
            periodId: suite.periodId, stage: "SKD", label: "Sesi 0", startsAt: start, capacity: 5, token: nil)
        #expect(anonymous.status == 401)
        let asApplicant = try await exam.scheduleSession(
            periodId: suite.periodId, stage: "SKD", label: "Sesi 0", startsAt: start, capacity: 5, token: scored.token)
        #expect(asApplicant.status == 403)
        let asVerifier = try await exam.scheduleSession(
            periodId: suite.periodId, stage: "SKD", label: "Sesi 0", startsAt: start, capacity: 5,
            token: officers.verifier)
        #expect(asVerifier.status == 403)
        #expect(try await exam.seat(periodId: suite.periodId, stage: "SKD", token: scored.token).status == 403)

        // Two SKD sessions, the later one scheduled first: seats fill them in start order.
        let afternoon = try await exam.scheduledSession(
            periodId: suite.periodId, stage: "SKD", label: "Sesi 2", startsAt: start.addingTimeInterval(3 * 3600),
            capacity: 10, token: officer)
        let morning = try await exam.scheduledSession(
            periodId: suite.periodId, stage: "SKD", label: "Sesi 1", startsAt: start, capacity: 4, token: officer)
        let seated = try await exam.seat(periodId: suite.periodId, stage: "SKD", token: officer)
        #expect(seated.status == 200, "\(seated.text)")
        #expect(seated.json["assigned"] as? Int == 7, "the seven published MS candidates: \(seated.text)")
        #expect(seated.json["unseated"] as? Int == 0)
        let morningRoster = try await exam.roster(sessionId: morning, token: officer)
        let afternoonRoster = try await exam.roster(sessionId: afternoon, token: officer)
        #expect(morningRoster.count == 4)
        #expect(afternoonRoster.count == 3)
        #expect(morningRoster.compactMap { $0["seat"] as? String } == ["Kursi 001", "Kursi 002", "Kursi 003", "Kursi 004"])
        var numbers = try await exam.participantNumbers(sessionIds: [morning, afternoon], token: officer)
        #expect(Set(numbers.keys) == Set(seatedInFirst.map(Self.id)), "TMS and unpublished candidates have no seat")
        #expect(numbers[Self.id(refused)] == nil)
        #expect(numbers[Self.id(other)] == nil)
        #expect(Set(numbers.values).count == 7)
        #expect(numbers.values.allSatisfy { $0.count == 10 && $0.hasPrefix("26") }, "\(numbers)")
        let entry = (morningRoster + afternoonRoster).first { ($0["applicationId"] as? String)?.lowercased() == Self.id(scored) }
        #expect(entry?["registrationNumber"] as? String == scored.registrationNumber)
        #expect(entry?["applicantName"] as? String == TestApplicants.name(serial: scored.serial))
        var sessionOf: [String: String] = [:]
        for (session, roster) in [(morning, morningRoster), (afternoon, afternoonRoster)] {
            for entry in roster { sessionOf[(entry["applicationId"] as? String ?? "").lowercased()] = session }
        }
        let morningView = try await exam.get("/v1/sessions/\(morning)", token: officer)
        #expect(morningView.json["seatsTaken"] as? Int == 4)
        #expect(morningView.json["startsAtLocal"] != nil)

        // Formation 2 publishes later; seating again adds its candidate and nobody twice.
        try await Self.publish(suite, formationId: secondFormation, officers: officers)
        let added = try await exam.seat(periodId: suite.periodId, stage: "SKD", token: officer, untilAssigned: 1)
        #expect(added == 1)
        let nothingLeft = try await exam.seat(periodId: suite.periodId, stage: "SKD", token: officer)
        #expect(nothingLeft.json["assigned"] as? Int == 0, "\(nothingLeft.text)")
        numbers = try await exam.participantNumbers(sessionIds: [morning, afternoon], token: officer)
        #expect(numbers.count == 8)
        let allNumbers = numbers
        let number = { (applicant: RegistrationJourney.Applicant) -> String in allNumbers[Self.id(applicant)] ?? "missing" }

        // Exam cards: each applicant sees their own seat only; a TMS applicant has none.
        let card = try await exam.examCards(token: scored.token)
        #expect(card.status == 200, "\(card.text)")
        let cards = ExamJourney.items(card)
        #expect(cards.count == 1)
        #expect((cards.first?["applicationId"] as? String)?.lowercased() == Self.id(scored))
        #expect(cards.first?["participantNumber"] as? String == number(scored))
        let cardSeats = (cards.first?["seats"] as? [[String: Any]]) ?? []
        #expect(cardSeats.count == 1)
        #expect(cardSeats.first?["stage"] as? String == "SKD")
        #expect(((cardSeats.first?["session"] as? [String: Any])?["sessionId"] as? String)?.lowercased()
            == sessionOf[Self.id(scored)]?.lowercased())
        #expect(!card.text.contains(number(sheet)), "another candidate's number on an exam card")
        #expect(ExamJourney.items(try await exam.examCards(token: refused.token)).isEmpty)
        #expect(try await exam.examCards(token: officer).status == 403)
        #expect(try await exam.examCards(token: nil).status == 401)

        // SKD by sub-scores: out of range first, then the result, then a second result and unknown participants.
        let outOfRange = try await exam.recordSkdScores(number(scored), twk: 155, tiu: 140, tkp: 190, token: officer)
        #expect(outOfRange.status == 422)
        #expect(ExamJourney.problemType(outOfRange) == "/problems/validation-failed")
        #expect(ExamJourney.problemFields(outOfRange) == ["scores.twk"])
        let byApplicant = try await exam.recordSkdScores(number(scored), twk: 120, tiu: 140, tkp: 190, token: scored.token)
        #expect(byApplicant.status == 403)
        let recorded = try await exam.recordSkdScores(number(scored), twk: 120, tiu: 140, tkp: 190, token: officer)
        #expect(recorded.status == 201, "\(recorded.text)")
        #expect((recorded.json["scores"] as? [String: Any])?["total"] as? Int == 450)
        #expect(recorded.json["meetsPassingGrade"] as? Bool == true)
        #expect((recorded.json["sessionId"] as? String)?.lowercased() == sessionOf[Self.id(scored)]?.lowercased())
        let twice = try await exam.recordSkdScores(number(scored), twk: 150, tiu: 175, tkp: 225, token: officer)
        #expect(twice.status == 409)
        #expect(ExamJourney.problemType(twice) == "/problems/result-already-recorded")
        let unknown = try await exam.recordSkdScores("2699999999", twk: 100, tiu: 100, tkp: 170, token: officer)
        #expect(unknown.status == 404)
        #expect(ExamJourney.problemType(unknown) == "/problems/not-found")
        let implausible = try await exam.recordSkdScores("nomor_salah", twk: 100, tiu: 100, tkp: 170, token: officer)
        #expect(implausible.status == 404)
        let otherSession = sessionOf[Self.id(sheet)] == morning ? afternoon : morning
        let elsewhere = try await exam.recordSkdScores(
            number(sheet), twk: 100, tiu: 125, tkp: 185, sessionId: otherSession, token: officer)
        #expect(elsewhere.status == 409)
        #expect(ExamJourney.problemType(elsewhere) == "/problems/seated-elsewhere")
        #expect(ExamJourney.problemFields(elsewhere) == ["sessionId"])

        // SKD by answer sheet, against a package's key: 20 TWK and 25 TIU answers right, TKP 40 × 4 + 5 × 5.
        let package = try await exam.createPackage(periodId: suite.periodId, code: "SKD-2026-A", token: officer)
        #expect(package.status == 201, "\(package.text)")
        #expect(!package.text.contains("answerKey"), "the key is never given back")
        let packageId = try #require(package.json["packageId"] as? String)
        let duplicate = try await exam.createPackage(periodId: suite.periodId, code: "SKD-2026-A", token: officer)
        #expect(duplicate.status == 409)
        #expect(ExamJourney.problemType(duplicate) == "/problems/duplicate-package")
        let answers = ExamJourney.answerSheet(
            packageId: packageId, twkCorrect: 20, tiuCorrect: 25,
            tkpWeights: Array(repeating: 4, count: 40) + Array(repeating: 5, count: 5))
        let bySheet = try await exam.recordAnswerSheet(number(sheet), sheet: answers, token: officer)
        #expect(bySheet.status == 201, "\(bySheet.text)")
        let sheetScores = bySheet.json["scores"] as? [String: Any]
        #expect(sheetScores?["twk"] as? Int == 100)
        #expect(sheetScores?["tiu"] as? Int == 125)
        #expect(sheetScores?["tkp"] as? Int == 185)
        #expect(sheetScores?["total"] as? Int == 410)
        #expect(bySheet.json["source"] as? String == "answer-sheet")
        #expect(bySheet.json["sourceReference"] as? String == "package:SKD-2026-A")

        // The preview counts who still lacks an outcome; the ranking cannot be finalised yet.
        let preview = try await exam.skdRanking(formationId: firstFormation, token: officer)
        #expect(preview.status == 200, "\(preview.text)")
        #expect(preview.json["finalised"] as? Bool == false)
        #expect(preview.json["pending"] as? Int == 5)
        let early = try await exam.finaliseSkdRanking(formationId: firstFormation, token: officer)
        #expect(early.status == 409)
        #expect(ExamJourney.problemType(early) == "/problems/results-pending")

        // A CAT file with one bad row: refused as a whole, naming the row, and nothing is recorded.
        let badFile = ExamJourney.skdCSV(rows: [
            [number(csvP), "90", "110", "175"], [number(csvP2), "155", "85", "170"], [number(csvTL), "60", "100", "180"],
        ])
        let badImport = try await exam.importSkd(csv: badFile, token: officer)
        #expect(badImport.status == 422, "\(badImport.text)")
        #expect(ExamJourney.problemType(badImport) == "/problems/validation-failed")
        #expect(ExamJourney.problemFields(badImport) == ["rows[2].twk"])
        let afterRefusal = try await exam.roster(sessionId: morning, token: officer)
            + (try await exam.roster(sessionId: afternoon, token: officer))
        for applicant in [csvP, csvP2, csvTL] {
            let entry = afterRefusal.first { ($0["applicationId"] as? String)?.lowercased() == Self.id(applicant) }
            #expect(entry != nil && entry?["outcome"] == nil, "row \(applicant.serial) was imported: \(String(describing: entry))")
        }
        let notCSV = try await exam.importSkd(csv: badFile, contentType: "application/json", token: officer)
        #expect(notCSV.status == 415)

        // The corrected file (semicolons, a total and a keterangan column, as Indonesian spreadsheets export).
        let goodFile = ExamJourney.skdCSV(
            header: ["nomor_peserta", "twk", "tiu", "tkp", "total", "keterangan"],
            rows: [
                [number(csvP), "90", "110", "175", "375", ""], [number(csvP2), "70", "85", "170", "325", ""],
                [number(csvTL), "60", "100", "180", "340", ""],
            ],
            delimiter: ";")
        let imported = try await exam.importSkd(csv: goodFile, token: officer)
        #expect(imported.status == 201, "\(imported.text)")
        #expect(imported.json["scored"] as? Int == 3)
        #expect(imported.json["absent"] as? Int == 0)
        #expect((imported.json["sha256"] as? String)?.count == 64)
        let reimport = try await exam.importSkd(csv: goodFile, token: officer)
        #expect(reimport.status == 422)
        #expect(ExamJourney.problemFields(reimport)
            == ["rows[1].nomor_peserta", "rows[2].nomor_peserta", "rows[3].nomor_peserta"])

        // An absence and a disqualification, and formation 2's only candidate.
        let wasAbsent = try await exam.recordAbsence(number(absent), stage: "SKD", token: officer)
        #expect(wasAbsent.status == 201, "\(wasAbsent.text)")
        let shortReason = try await exam.disqualify(number(cheat), stage: "SKD", reason: "Joki", token: officer)
        #expect(shortReason.status == 422)
        #expect(ExamJourney.problemFields(shortReason) == ["reason"])
        let disqualified = try await exam.disqualify(
            number(cheat), stage: "SKD", reason: "Perangkat lunak akses jarak jauh ditemukan pada komputer peserta.",
            token: officer)
        #expect(disqualified.status == 201, "\(disqualified.text)")
        #expect(try await exam.recordSkdScores(number(other), twk: 100, tiu: 120, tkp: 180, token: officer).status == 201)

        // The final results need every formation's SKD ranking.
        let rankingsMissing = try await exam.computeFinalResults(periodId: suite.periodId, token: officer)
        #expect(rankingsMissing.status == 409)
        #expect(ExamJourney.problemType(rankingsMissing) == "/problems/rankings-missing")

        // SKD ranking of formation 1: quota 1 → 3 SKB places.
        let ranking = try await exam.finaliseSkdRanking(formationId: firstFormation, token: officer)
        #expect(ranking.status == 201, "\(ranking.text)")
        #expect(ranking.json["quota"] as? Int == 1)
        #expect(ranking.json["skbPlaces"] as? Int == 3)
        let rows = ExamJourney.rowsByApplication(ranking.json)
        #expect(rows.count == 7)
        let expectedCodes: [(RegistrationJourney.Applicant, String, Int?)] = [
            (scored, "P/L", 1), (sheet, "P/L", 2), (csvP, "P/L", 3), (csvP2, "P", 4), (csvTL, "TL", nil),
            (absent, "TH", nil), (cheat, "DIS", nil),
        ]
        for (applicant, code, rank) in expectedCodes {
            let row = rows[Self.id(applicant)]
            #expect(row?["code"] as? String == code, "serial \(applicant.serial): \(String(describing: row))")
            #expect(row?["rank"] as? Int == rank, "serial \(applicant.serial)")
            #expect(row?["participantNumber"] as? String == number(applicant))
        }
        #expect(rows[Self.id(csvP2)]?["reason"] as? String == "outside-cut-off")
        #expect(rows[Self.id(csvTL)]?["reason"] as? String == "below-passing-grade")
        #expect(rows[Self.id(csvTL)]?["reasonDetail"] as? String == "TWK 60 < 65")
        let orderedIds = ((ranking.json["rows"] as? [[String: Any]]) ?? []).compactMap {
            ($0["applicationId"] as? String)?.lowercased()
        }
        #expect(orderedIds == expectedCodes.map { Self.id($0.0) }, "ranked, then TL, TH, DIS")
        let finalisedTwice = try await exam.finaliseSkdRanking(formationId: firstFormation, token: officer)
        #expect(finalisedTwice.status == 409)
        #expect(ExamJourney.problemType(finalisedTwice) == "/problems/ranking-finalised")
        let stored = try await exam.skdRanking(formationId: firstFormation, token: officer)
        #expect(stored.json["finalised"] as? Bool == true)
        #expect((stored.json["ranking"] as? [String: Any])?["rankingId"] as? String == ranking.json["rankingId"] as? String)
        let secondRanking = try await exam.finaliseSkdRanking(formationId: secondFormation, token: officer)
        #expect(secondRanking.status == 201, "\(secondRanking.text)")
        #expect(ExamJourney.rowsByApplication(secondRanking.json)[Self.id(other)]?["code"] as? String == "P/L")

        // SKB: only P/L candidates get a seat.
        let pending = try await exam.computeFinalResults(periodId: suite.periodId, token: officer)
        #expect(pending.status == 409)
        #expect(ExamJourney.problemType(pending) == "/problems/results-pending")
        let skbSession = try await exam.scheduledSession(
            periodId: suite.periodId, stage: "SKB", label: "SKB Sesi 1", startsAt: start.addingTimeInterval(14 * 86_400),
            capacity: 10, token: officer)
        let skbSeated = try await exam.seat(periodId: suite.periodId, stage: "SKB", token: officer)
        #expect(skbSeated.json["assigned"] as? Int == 4, "three of formation 1 and one of formation 2: \(skbSeated.text)")
        let skbRoster = try await exam.roster(sessionId: skbSession, token: officer)
        #expect(Set(skbRoster.compactMap { ($0["applicationId"] as? String)?.lowercased() })
            == Set([scored, sheet, csvP, other].map(Self.id)))
        #expect(skbRoster.allSatisfy { allNumbers[($0["applicationId"] as? String ?? "").lowercased()]
            == $0["participantNumber"] as? String }, "the SKB keeps the SKD participant number")
        let notSeated = try await exam.recordSkbResult(
            number(csvP2), components: [ExamJourney.skbInput("cat", score: "80")], token: officer)
        #expect(notSeated.status == 409)
        #expect(ExamJourney.problemType(notSeated) == "/problems/not-seated")

        // The SKB scheme: formation 1 announced none; weights must sum to 100; formation 2 uses its announced one.
        let noScheme = try await exam.skbScheme(formationId: firstFormation, token: officer)
        #expect(noScheme.status == 409)
        #expect(ExamJourney.problemType(noScheme) == "/problems/no-skb-scheme")
        let withoutScheme = try await exam.recordSkbResult(
            number(scored), components: [ExamJourney.skbInput("cat", score: "80")], token: officer)
        #expect(withoutScheme.status == 409)
        #expect(ExamJourney.problemType(withoutScheme) == "/problems/no-skb-scheme")
        let badWeights = try await exam.setSkbScheme(formationId: firstFormation, components: [
            ExamJourney.schemeComponent("cat", weightPercent: "70", rawMaximum: "500"),
            ExamJourney.schemeComponent("praktik-kerja", weightPercent: "20"),
        ], token: officer)
        #expect(badWeights.status == 422)
        #expect(ExamJourney.problemFields(badWeights) == ["components"])
        #expect(((badWeights.json["errors"] as? [[String: Any]])?.first?["code"] as? String) == "weights-do-not-sum-to-100")
        let interview = try await exam.setSkbScheme(formationId: firstFormation, components: [
            ExamJourney.schemeComponent("cat", weightPercent: "70"),
            ExamJourney.schemeComponent("wawancara", weightPercent: "30"),
        ], token: officer)
        #expect(interview.status == 422, "a regional agency may not interview")
        #expect(ExamJourney.problemFields(interview) == ["components[1].component"])
        let scheme = try await exam.setSkbScheme(formationId: firstFormation, components: [
            ExamJourney.schemeComponent("cat", weightPercent: "70", rawMaximum: "500"),
            ExamJourney.schemeComponent("praktik-kerja", weightPercent: "30"),
        ], token: officer)
        #expect(scheme.status == 200, "\(scheme.text)")
        #expect(scheme.json["source"] as? String == "set")
        let announced = try await exam.skbScheme(formationId: secondFormation, token: officer)
        #expect(announced.status == 200, "\(announced.text)")
        #expect(announced.json["source"] as? String == "announced")
        #expect(((announced.json["components"] as? [[String: Any]]) ?? []).compactMap { $0["component"] as? String }
            == ["cat"])

        // SKB results: CAT raw 400/500 → 80.00 and work practice 70 → 77.00; raw 450 → 90.00 and 85 → 88.50.
        let skbScored = try await exam.recordSkbResult(number(scored), components: [
            ExamJourney.skbInput("cat", rawScore: "400"), ExamJourney.skbInput("praktik-kerja", score: "70"),
        ], token: officer)
        #expect(skbScored.status == 201, "\(skbScored.text)")
        #expect(Self.decimal(skbScored.json["score"]) == ExactDecimal("77.00"))
        let locked = try await exam.setSkbScheme(formationId: firstFormation, components: [
            ExamJourney.schemeComponent("cat", weightPercent: "60", rawMaximum: "500"),
            ExamJourney.schemeComponent("praktik-kerja", weightPercent: "40"),
        ], token: officer)
        #expect(locked.status == 409)
        #expect(ExamJourney.problemType(locked) == "/problems/skb-scheme-locked")
        let skbSheet = try await exam.recordSkbResult(number(sheet), components: [
            ExamJourney.skbInput("cat", rawScore: "450"), ExamJourney.skbInput("praktik-kerja", score: "85"),
        ], token: officer)
        #expect(skbSheet.status == 201, "\(skbSheet.text)")
        #expect(Self.decimal(skbSheet.json["score"]) == ExactDecimal("88.50"))
        #expect(try await exam.recordAbsence(number(csvP), stage: "SKB", token: officer).status == 201)
        let skbOther = try await exam.recordSkbResult(
            number(other), components: [ExamJourney.skbInput("cat", score: "75.50")], token: officer)
        #expect(skbOther.status == 201, "\(skbOther.text)")

        // Final results: 40% SKD₁₀₀ + 60% SKB₁₀₀, ranked against the quota.
        let finals = try await exam.computeFinalResults(periodId: suite.periodId, token: officer)
        #expect(finals.status == 201, "\(finals.text)")
        let byFormation = Dictionary(uniqueKeysWithValues: ExamJourney.items(finals).map {
            (($0["formationId"] as? String ?? "").lowercased(), $0)
        })
        #expect(byFormation.count == 2)
        let firstFinal = byFormation[firstFormation.lowercased()] ?? [:]
        let finalRows = ExamJourney.rowsByApplication(firstFinal)
        #expect(finalRows.count == 3)
        #expect(finalRows[Self.id(sheet)]?["code"] as? String == "P/L")
        #expect(finalRows[Self.id(sheet)]?["rank"] as? Int == 1)
        #expect(finalRows[Self.id(scored)]?["code"] as? String == "P/TL")
        #expect(finalRows[Self.id(scored)]?["rank"] as? Int == 2)
        #expect(finalRows[Self.id(csvP)]?["code"] as? String == "P/TH")
        // By hand: SKD 450 → 450/550 × 100 = 81.8181… → 81.82 (half up); 0.4 × 81.82 + 0.6 × 77.00 = 78.928.
        let skd100 = Self.skd100Hundredths(total: 450)
        #expect(skd100 == 8182)
        let row = finalRows[Self.id(scored)]
        #expect(Self.decimal(row?["skdScore100"]) == ExactDecimal(Int64(skd100), scale: 2))
        #expect(Self.decimal(row?["skbScore100"]) == ExactDecimal("77.00"))
        #expect(Self.decimal(row?["integratedScore"]) == Self.integrated(skd100Hundredths: skd100, skbHundredths: 7700))
        #expect(row?["integratedScore"] as? String == "78.928")
        #expect(Self.decimal(finalRows[Self.id(sheet)]?["integratedScore"])
            == Self.integrated(skd100Hundredths: Self.skd100Hundredths(total: 410), skbHundredths: 8850))
        let secondRows = ExamJourney.rowsByApplication(byFormation[secondFormation.lowercased()] ?? [:])
        #expect(secondRows[Self.id(other)]?["code"] as? String == "P/L")
        #expect(Self.decimal(secondRows[Self.id(other)]?["integratedScore"])
            == Self.integrated(skd100Hundredths: Self.skd100Hundredths(total: 400), skbHundredths: 7550))
        let computedTwice = try await exam.computeFinalResults(periodId: suite.periodId, token: officer)
        #expect(computedTwice.status == 409)
        #expect(ExamJourney.problemType(computedTwice) == "/problems/final-results-computed")
        let storedFinal = try await exam.finalResults(formationId: firstFormation, token: officer)
        #expect(storedFinal.status == 200)
        #expect(storedFinal.json["resultId"] as? String == firstFinal["resultId"] as? String)
        #expect(try await exam.finalResults(formationId: firstFormation, token: scored.token).status == 403)

        // The exam card now shows both stages with their outcomes.
        let laterCard = ExamJourney.items(try await exam.examCards(token: scored.token)).first
        let laterSeats = (laterCard?["seats"] as? [[String: Any]]) ?? []
        #expect(Set(laterSeats.compactMap { $0["stage"] as? String }) == ["SKD", "SKB"])
        #expect(laterSeats.allSatisfy { $0["outcome"] as? String == "scored" })

        // Every result is an event on the exam topic: appended once per act (refused requests left nothing) and
        // published (the outbox marks an event only once the broker has acknowledged it).
        let expected: [String: Int] = [
            "asn.exam.session-scheduled.v1": 3, "asn.exam.candidate-assigned.v1": 12,
            "asn.exam.skd-result-recorded.v1": 6, "asn.exam.candidate-absent.v1": 2,
            "asn.exam.candidate-disqualified.v1": 1, "asn.exam.skd-ranking-finalised.v1": 2,
            "asn.exam.skb-result-recorded.v1": 3, "asn.exam.final-results-computed.v1": 2,
        ]
        var counts: [String: Int] = [:]
        let published = await waitUntil {
            let rows = try await suite.examDatabase.query(
                """
                SELECT e.type, count(*)::integer, count(o.position)::integer
                FROM events e LEFT JOIN outbox o ON o.position = e.position GROUP BY e.type
                """, logger: TestPostgres.logger)
            counts = [:]
            var unpublished = 0
            for try await (type, count, waiting) in rows.decode((String, Int, Int).self) {
                counts[type] = count
                unpublished += waiting
            }
            return unpublished == 0 && counts == expected
        }
        #expect(published, "exam events: \(counts)")
        let payloads = try await suite.examDatabase.query("SELECT payload::text FROM events", logger: TestPostgres.logger)
        for try await payload in payloads.decode(String.self) {
            #expect(!payload.contains("\"answerKey\""), "an answer key in an event")
            for secret in [TestApplicants.signUp(serial: scored.serial)["nik"] as? String ?? "-"] {
                #expect(!payload.contains(secret), "a NIK in an exam event")
            }
        }
    }
}

extension Date {
    /// The instant at whole seconds (the API takes ISO-8601 without fractions).
    fileprivate var rounded: Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}
