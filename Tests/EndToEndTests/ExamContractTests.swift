import Foundation
import SuiteHarness
import TestSupport
import Testing

/// Every operation of the exam-scoring API, with its successes and typical refusals (problem responses included),
/// checked against the service's own `/openapi.json`, along a short real flow: registration and verification run beside
/// it as identity provider and source of the published administrative results.
@Suite(.serialized) struct ExamContractTests {
    /// Sends a request, checks the status and validates the response against the document; records the operation.
    struct Checked {
        let validator: OpenAPIValidator
        let base: String
        var checked: [String] = []
        var operationIds: Set<String> = []

        mutating func send(_ method: String, _ path: String, json: Any? = nil, text: String? = nil,
                           contentType: String? = nil, token: String? = nil, expect status: Int,
                           sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestHTTP.Response
        {
            var headers: [(String, String)] = token.map { [("Authorization", "Bearer \($0)")] } ?? []
            var body: [UInt8]?
            if let json {
                headers.append(("Content-Type", contentType ?? "application/json"))
                body = Array(try JSONSerialization.data(withJSONObject: json))
            } else if let text {
                headers.append(("Content-Type", contentType ?? "text/csv"))
                body = Array(text.utf8)
            }
            let response = try await TestHTTP.send(method, base + path, headers: headers, body: body)
            #expect(response.status == status, "\(method) \(path): \(response.text)", sourceLocation: sourceLocation)
            do {
                try validator.validate(method: method, path: path, response: response)
                if let id = try validator.operation(method: method, path: path).operationId { operationIds.insert(id) }
            } catch {
                Issue.record("\(method) \(path) → \(response.status) does not match /openapi.json: \(error)",
                             sourceLocation: sourceLocation)
            }
            checked.append("\(method) \(path.split(separator: "?")[0]) \(response.status)")
            return response
        }
    }

    /// The operations of the exam API (its `/openapi.json` without the common operational endpoints).
    static let examOperations: Set<String> = [
        "scheduleSession", "listSessions", "getSession", "rescheduleSession", "getRoster", "seatCandidates",
        "createExamPackage", "listExamPackages", "recordSkdResult", "recordSkbResult", "recordAbsence",
        "recordDisqualification", "importSkdResults", "getSkdRanking", "finaliseSkdRanking", "getSkbScheme",
        "setSkbScheme", "computeFinalResults", "getFinalResults", "listMyExamCards",
    ]

    @Test func everyOperationAnswersAsDocumented() async throws {
        try await ExamFlowTests().withSuite(formations: [TestApplicants.formation(quota: 1)]) { suite in
            let document = try await TestHTTP.get("\(suite.exam.baseURL)/openapi.json")
            #expect(document.status == 200)
            var api = Checked(validator: try OpenAPIValidator(documentData: Data(document.body)),
                              base: suite.exam.baseURL)
            try await exercise(&api, suite: suite)
            #expect(api.operationIds.isSuperset(of: Self.examOperations),
                    "not exercised: \(Self.examOperations.subtracting(api.operationIds).sorted())")
            #expect(api.checked.count >= 70, "\(api.checked)")
        }
    }

    func exercise(_ api: inout Checked, suite: ExamFlowTests.Suite) async throws {
        _ = try await api.send("GET", "/openapi.json", expect: 200)
        _ = try await api.send("GET", "/health/ready", expect: 200)
        _ = try await api.send("GET", "/info", expect: 200)
        let officers = try await ExamFlowTests.officers(suite, tag: "Kontrak")
        let officer = officers.exam
        let formationId = suite.formationIds[0]
        let periodId = suite.periodId
        var applicants: [RegistrationJourney.Applicant] = []
        for serial in 921...926 {
            applicants.append(try await suite.registration.apply(serial: serial, formationId: formationId))
        }
        try await ExamFlowTests.administer(suite, applicants, officers: officers)
        try await ExamFlowTests.publish(suite, formationId: formationId, officers: officers)
        let known = await ExamFlowTests.waitForIntake(suite, applications: 6, finalResults: 6, publications: 1)
        try #require(known, "the exam intake did not catch up")
        let applicant = applicants[0].token
        let unknownId = UUID().uuidString.lowercased()

        // Sessions.
        let start = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 7 * 86_400).rounded(.down))
        let session = ExamJourney.sessionRequest(
            periodId: periodId, stage: "SKD", label: "Sesi Kontrak", startsAt: start, capacity: 10)
        _ = try await api.send("POST", "/v1/sessions", json: session, expect: 401)
        _ = try await api.send("POST", "/v1/sessions", json: session, token: applicant, expect: 403)
        var badStage = session
        badStage["stage"] = "SKX"
        _ = try await api.send("POST", "/v1/sessions", json: badStage, token: officer, expect: 400)
        var noSeats = session
        noSeats["capacity"] = 0
        let refusedCapacity = try await api.send("POST", "/v1/sessions", json: noSeats, token: officer, expect: 422)
        #expect(ExamJourney.problemFields(refusedCapacity) == ["capacity"])
        var otherPeriod = session
        otherPeriod["periodId"] = unknownId
        _ = try await api.send("POST", "/v1/sessions", json: otherPeriod, token: officer, expect: 404)
        let scheduled = try await api.send("POST", "/v1/sessions", json: session, token: officer, expect: 201)
        let sessionId = try #require(scheduled.json["sessionId"] as? String)
        _ = try await api.send("GET", "/v1/sessions?periodId=\(periodId)", token: officer, expect: 200)
        _ = try await api.send("GET", "/v1/sessions", token: officer, expect: 400)
        _ = try await api.send("GET", "/v1/sessions/\(sessionId)", token: officer, expect: 200)
        _ = try await api.send("GET", "/v1/sessions/\(sessionId)", token: applicant, expect: 403)
        _ = try await api.send("GET", "/v1/sessions/\(unknownId)", token: officer, expect: 404)
        _ = try await api.send("GET", "/v1/sessions/not-a-uuid", token: officer, expect: 400)
        _ = try await api.send("POST", "/v1/sessions/\(sessionId)/reschedule",
                               json: ["startsAt": ExamJourney.instant(start), "reason": "x"], token: officer,
                               expect: 422)
        let moved = try await api.send(
            "POST", "/v1/sessions/\(sessionId)/reschedule",
            json: ["startsAt": ExamJourney.instant(start.addingTimeInterval(86_400)),
                   "reason": "Gangguan listrik di lokasi tes."],
            token: officer, expect: 200)
        #expect(moved.json["startsAt"] as? String != scheduled.json["startsAt"] as? String)
        _ = try await api.send("POST", "/v1/sessions/\(unknownId)/reschedule",
                               json: ["startsAt": ExamJourney.instant(start), "reason": "Gangguan listrik."],
                               token: officer, expect: 404)

        // Seating and rosters.
        _ = try await api.send("POST", "/v1/periods/\(unknownId)/seating", json: ["stage": "SKD"], token: officer,
                               expect: 404)
        _ = try await api.send("POST", "/v1/periods/\(periodId)/seating", json: ["stage": "XYZ"], token: officer,
                               expect: 400)
        let seated = try await api.send("POST", "/v1/periods/\(periodId)/seating", json: ["stage": "SKD"],
                                        token: officer, expect: 200)
        #expect(seated.json["assigned"] as? Int == 6)
        let page = try await api.send("GET", "/v1/sessions/\(sessionId)/roster?limit=2", token: officer, expect: 200)
        let cursor = try #require(page.json["nextCursor"] as? String)
        _ = try await api.send(
            "GET", "/v1/sessions/\(sessionId)/roster?limit=2&cursor="
                + (cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? cursor),
            token: officer, expect: 200)
        _ = try await api.send("GET", "/v1/sessions/\(sessionId)/roster?limit=0", token: officer, expect: 400)
        _ = try await api.send("GET", "/v1/sessions/\(unknownId)/roster", token: officer, expect: 404)
        _ = try await api.send("GET", "/v1/sessions/\(sessionId)/roster", token: applicant, expect: 403)
        let numbers = try await suite.exam.participantNumbers(sessionIds: [sessionId], token: officer)
        let number = applicants.map { numbers[$0.applicationId.lowercased()] ?? "missing" }
        let (byScores, bySheet, byFile, absent, cheat, absentByFile) = (
            number[0], number[1], number[2], number[3], number[4], number[5])
        _ = try await api.send("GET", "/v1/me/exam-cards", token: applicant, expect: 200)
        _ = try await api.send("GET", "/v1/me/exam-cards", token: officer, expect: 403)
        _ = try await api.send("GET", "/v1/me/exam-cards", expect: 401)

        // Packages.
        var shortKey = ExamJourney.standardAnswerKey()
        shortKey["twk"] = Array(repeating: "A", count: 29)
        _ = try await api.send("POST", "/v1/exam-packages",
                               json: ["periodId": periodId, "code": "K-1", "answerKey": shortKey], token: officer,
                               expect: 422)
        let package = try await api.send(
            "POST", "/v1/exam-packages",
            json: ["periodId": periodId, "code": "K-1", "answerKey": ExamJourney.standardAnswerKey()], token: officer,
            expect: 201)
        let packageId = try #require(package.json["packageId"] as? String)
        _ = try await api.send(
            "POST", "/v1/exam-packages",
            json: ["periodId": periodId, "code": "K-1", "answerKey": ExamJourney.standardAnswerKey()], token: officer,
            expect: 409)
        _ = try await api.send(
            "POST", "/v1/exam-packages",
            json: ["periodId": unknownId, "code": "K-2", "answerKey": ExamJourney.standardAnswerKey()], token: officer,
            expect: 404)
        _ = try await api.send("GET", "/v1/exam-packages?periodId=\(periodId)", token: officer, expect: 200)
        _ = try await api.send("GET", "/v1/exam-packages", token: officer, expect: 400)

        // SKD results.
        let skd = { (number: String) in "/v1/participants/\(number)/skd-result" }
        _ = try await api.send("POST", skd(byScores), json: ["scores": ["twk": 155, "tiu": 140, "tkp": 190]],
                               token: officer, expect: 422)
        _ = try await api.send("POST", skd(byScores), json: [String: Any](), token: officer, expect: 422)
        _ = try await api.send("POST", skd(byScores), json: ["scores": ["twk": 120, "tiu": 140, "tkp": 190]],
                               token: applicant, expect: 403)
        _ = try await api.send("POST", skd(byScores), json: ["scores": ["twk": 120, "tiu": 140, "tkp": 190]],
                               token: officer, expect: 201)
        _ = try await api.send("POST", skd(byScores), json: ["scores": ["twk": 120, "tiu": 140, "tkp": 190]],
                               token: officer, expect: 409)
        _ = try await api.send("POST", skd("2699999999"), json: ["scores": ["twk": 120, "tiu": 140, "tkp": 190]],
                               token: officer, expect: 404)
        let sheet = ExamJourney.answerSheet(packageId: packageId, twkCorrect: 20, tiuCorrect: 25,
                                            tkpWeights: Array(repeating: 4, count: 45))
        var strangePackage = sheet
        strangePackage["packageId"] = unknownId
        _ = try await api.send("POST", skd(bySheet), json: ["answerSheet": strangePackage], token: officer,
                               expect: 422)
        var shortSheet = sheet
        shortSheet["tkp"] = Array(repeating: "A", count: 44)
        let wrongCount = try await api.send("POST", skd(bySheet), json: ["answerSheet": shortSheet], token: officer,
                                            expect: 422)
        #expect(ExamJourney.problemFields(wrongCount) == ["answers.tkp"])
        _ = try await api.send("POST", skd(bySheet), json: ["answerSheet": sheet], token: officer, expect: 201)

        // CAT file import.
        let file = ExamJourney.skdCSV(header: ["no_peserta", "twk", "tiu", "tkp", "keterangan"],
                                      rows: [[byFile, "90", "110", "175", ""], [absentByFile, "", "", "", "TH"]])
        _ = try await api.send("POST", "/v1/skd-imports", text: file, contentType: "text/plain", token: officer,
                               expect: 415)
        _ = try await api.send("POST", "/v1/skd-imports", text: file, token: applicant, expect: 403)
        _ = try await api.send("POST", "/v1/skd-imports", text: ExamJourney.skdCSV(rows: [[byFile, "90", "111", "175"]]),
                               token: officer, expect: 422)
        _ = try await api.send("POST", "/v1/skd-imports", text: ExamJourney.skdCSV(rows: [["2699999999", "90", "110", "175"]]),
                               token: officer, expect: 422)
        let imported = try await api.send("POST", "/v1/skd-imports", text: file, token: officer, expect: 201)
        #expect(imported.json["scored"] as? Int == 1)
        #expect(imported.json["absent"] as? Int == 1)

        // Absence and disqualification.
        _ = try await api.send("POST", "/v1/participants/\(absent)/absence", json: ["stage": "SKD"], token: officer,
                               expect: 201)
        _ = try await api.send("POST", "/v1/participants/\(absent)/absence", json: ["stage": "SKD"], token: officer,
                               expect: 409)
        _ = try await api.send("POST", "/v1/participants/\(absent)/absence", json: ["stage": "later"], token: officer,
                               expect: 400)
        _ = try await api.send("POST", "/v1/participants/2699999999/absence", json: ["stage": "SKD"], token: officer,
                               expect: 404)
        _ = try await api.send("POST", "/v1/participants/\(cheat)/disqualification",
                               json: ["stage": "SKD", "reasonCode": "proxy-taker", "reason": "Joki"], token: officer,
                               expect: 422)
        _ = try await api.send("POST", "/v1/participants/\(cheat)/disqualification",
                               json: ["stage": "SKD", "reasonCode": "proxy-taker",
                                      "reason": "Peserta digantikan orang lain (joki), wajah tidak cocok."],
                               token: officer, expect: 201)
        _ = try await api.send("POST", "/v1/participants/\(cheat)/disqualification",
                               json: ["stage": "SKD", "reasonCode": "proxy-taker",
                                      "reason": "Peserta digantikan orang lain (joki), wajah tidak cocok."],
                               token: officer, expect: 409)

        // The SKD ranking.
        _ = try await api.send("GET", "/v1/formations/\(formationId)/skd-ranking", token: officer, expect: 200)
        _ = try await api.send("GET", "/v1/formations/\(unknownId)/skd-ranking", token: officer, expect: 404)
        _ = try await api.send("GET", "/v1/formations/\(formationId)/skd-ranking", token: applicant, expect: 403)
        _ = try await api.send("POST", "/v1/periods/\(periodId)/final-results", token: officer, expect: 409)
        _ = try await api.send("POST", "/v1/formations/\(formationId)/skd-ranking", token: officer, expect: 201)
        _ = try await api.send("POST", "/v1/formations/\(formationId)/skd-ranking", token: officer, expect: 409)
        _ = try await api.send("POST", "/v1/formations/\(unknownId)/skd-ranking", token: officer, expect: 404)
        _ = try await api.send("GET", "/v1/formations/\(formationId)/skd-ranking", token: officer, expect: 200)

        // The SKB scheme.
        _ = try await api.send("GET", "/v1/formations/\(formationId)/skb-scheme", token: officer, expect: 409)
        _ = try await api.send("GET", "/v1/formations/\(unknownId)/skb-scheme", token: officer, expect: 404)
        let cat = ExamJourney.schemeComponent("cat", weightPercent: "70", rawMaximum: "500")
        _ = try await api.send("PUT", "/v1/formations/\(formationId)/skb-scheme",
                               json: ["components": [cat, ExamJourney.schemeComponent("psikotes", weightPercent: "20")]],
                               token: officer, expect: 422)
        _ = try await api.send("PUT", "/v1/formations/\(formationId)/skb-scheme",
                               json: ["components": [cat, ExamJourney.schemeComponent("psikotes", weightPercent: "30")]],
                               token: applicant, expect: 403)
        _ = try await api.send("PUT", "/v1/formations/\(formationId)/skb-scheme",
                               json: ["components": [cat, ExamJourney.schemeComponent("psikotes", weightPercent: "30")]],
                               token: officer, expect: 200)
        _ = try await api.send("GET", "/v1/formations/\(formationId)/skb-scheme", token: officer, expect: 200)

        // SKB seating and results.
        let skb = { (number: String) in "/v1/participants/\(number)/skb-result" }
        let inputs = [ExamJourney.skbInput("cat", rawScore: "400"), ExamJourney.skbInput("psikotes", score: "70")]
        _ = try await api.send("POST", skb(byScores), json: ["components": inputs], token: officer, expect: 409)
        _ = try await api.send("POST", "/v1/periods/\(periodId)/final-results", token: officer, expect: 409)
        let skbSession = ExamJourney.sessionRequest(
            periodId: periodId, stage: "SKB", label: "SKB Kontrak", startsAt: start.addingTimeInterval(14 * 86_400),
            capacity: 5)
        _ = try await api.send("POST", "/v1/sessions", json: skbSession, token: officer, expect: 201)
        let skbSeated = try await api.send("POST", "/v1/periods/\(periodId)/seating", json: ["stage": "SKB"],
                                           token: officer, expect: 200)
        #expect(skbSeated.json["assigned"] as? Int == 3)
        _ = try await api.send("POST", skb(byScores),
                               json: ["components": [ExamJourney.skbInput("cat", rawScore: "501"),
                                                     ExamJourney.skbInput("psikotes", score: "70")]],
                               token: officer, expect: 422)
        _ = try await api.send("POST", skb(byScores), json: ["components": inputs], token: officer, expect: 201)
        _ = try await api.send("POST", skb(byScores), json: ["components": inputs], token: officer, expect: 409)
        _ = try await api.send("POST", skb(cheat), json: ["components": inputs], token: officer, expect: 409)
        _ = try await api.send("POST", skb(bySheet), json: ["components": inputs], token: officer, expect: 201)
        _ = try await api.send("PUT", "/v1/formations/\(formationId)/skb-scheme",
                               json: ["components": [cat, ExamJourney.schemeComponent("psikotes", weightPercent: "30")]],
                               token: officer, expect: 409)
        _ = try await api.send("POST", "/v1/participants/\(byFile)/absence", json: ["stage": "SKB"], token: officer,
                               expect: 201)
        _ = try await api.send("GET", "/v1/me/exam-cards", token: applicant, expect: 200)

        // Final results.
        _ = try await api.send("GET", "/v1/formations/\(formationId)/final-results", token: officer, expect: 404)
        _ = try await api.send("POST", "/v1/periods/\(unknownId)/final-results", token: officer, expect: 404)
        _ = try await api.send("POST", "/v1/periods/\(periodId)/final-results", token: applicant, expect: 403)
        _ = try await api.send("POST", "/v1/periods/\(periodId)/final-results", token: officer, expect: 201)
        _ = try await api.send("POST", "/v1/periods/\(periodId)/final-results", token: officer, expect: 409)
        _ = try await api.send("GET", "/v1/formations/\(formationId)/final-results", token: officer, expect: 200)
        _ = try await api.send("GET", "/v1/formations/\(formationId)/final-results", expect: 401)
    }
}
