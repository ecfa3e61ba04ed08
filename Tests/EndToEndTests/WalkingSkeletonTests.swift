import Foundation
import SuiteHarness
import TestSupport
import Testing

/// The walking skeleton across two real executables, the real PostgreSQL and the real broker: an applicant signs up,
/// starts an application, uploads the documents and submits → event store + outbox → Kafka → announcements'
/// projection → public count per formation. Only submissions count; drafts do not.
@Suite(.serialized) struct WalkingSkeletonTests {
    @Test func submissionsBecomePublicCountsPerFormation() async throws {
        guard let brokers = TestEnvironment.kafkaBrokers() else {
            try TestEnvironment.skipUnlessCI(missing: TestEnvironment.kafkaBrokersVariable)
            return
        }
        try await TestPostgres.withFreshDatabase { _, registrationURL in
            try await TestPostgres.withFreshDatabase { _, announcementsURL in
                let prefix = ServiceEnvironments.uniquePrefix()
                let registration = try ServiceEnvironments.registration(
                    postgres: registrationURL, brokers: brokers, prefix: prefix)
                let announcements = try ServiceEnvironments.announcements(
                    postgres: announcementsURL, brokers: brokers, prefix: prefix)
                try await registration.start()
                try await announcements.start()
                defer { Task { await registration.stop(); await announcements.stop() } }
                try await exercise(registration: registration.baseURL, announcements: announcements.baseURL)
                await registration.stop()
                await announcements.stop()
                #expect(registration.terminationStatus == 0, "registration did not shut down cleanly")
                #expect(announcements.terminationStatus == 0, "announcements did not shut down cleanly")
            }
        }
    }

    func exercise(registration: String, announcements: String) async throws {
        let journey = RegistrationJourney(baseURL: registration)
        let adminToken = try await ServiceEnvironments.adminToken(on: registration)
        let (periodId, formations) = try await journey.openPeriod(
            TestApplicants.openPeriod(),
            formations: ["Pranata Komputer Ahli Pertama", "Analis Kebijakan Ahli Pertama"].map {
                TestApplicants.formation(position: $0)
            },
            adminToken: adminToken)
        try #require(formations.count == 2)

        // A draft that is never submitted: started and complete, but not counted.
        let draft = try await journey.draft(serial: 8, formationId: formations[0], female: true)

        // 5 applicants submit for the first formation, 2 for the second.
        for serial in 1...7 {
            let formation = serial <= 5 ? formations[0] : formations[1]
            let applicant = try await journey.apply(serial: serial, formationId: formation, female: serial % 2 == 0)
            #expect(applicant.registrationNumber?.hasPrefix("ASN-26-") == true, "\(applicant)")
        }

        // Bad input at sign-up: a clear problem naming the field, and nothing written.
        var invalid = TestApplicants.signUp(serial: 100)
        invalid["nik"] = "5371029907950001"
        let badNIK = try await TestHTTP.post("\(registration)/v1/accounts", json: invalid)
        #expect(badNIK.status == 422)
        #expect(badNIK.header("Content-Type") == "application/problem+json")
        #expect(((badNIK.json["errors"] as? [[String: Any]])?.first?["field"] as? String) == "nik")
        let notCreated = try await TestHTTP.post(
            "\(registration)/v1/auth/token",
            json: ["username": invalid["email"] as! String, "password": TestApplicants.password(serial: 100)])
        #expect(notCreated.status == 401, "the refused sign-up created an account: \(notCreated.text)")

        // A second account for a registered NIK (other e-mail address, KK and phone): 409, naming the NIK.
        var duplicate = TestApplicants.signUp(serial: 101)
        duplicate["nik"] = TestApplicants.signUp(serial: 1)["nik"]
        let secondAccount = try await TestHTTP.post("\(registration)/v1/accounts", json: duplicate)
        #expect(secondAccount.status == 409, "\(secondAccount.text)")
        #expect(secondAccount.header("Content-Type") == "application/problem+json")
        #expect(secondAccount.json["type"] as? String == "/problems/duplicate-account")
        #expect(((secondAccount.json["errors"] as? [[String: Any]])?.first?["field"] as? String) == "nik")

        // Malformed JSON: 400 naming the body, at sign-up and at submission.
        let malformed = try await TestHTTP.send(
            "POST", "\(registration)/v1/accounts", headers: [("Content-Type", "application/json")],
            body: Array("{\"nik\": ".utf8))
        #expect(malformed.status == 400)
        #expect(malformed.header("Content-Type") == "application/problem+json")
        #expect(((malformed.json["errors"] as? [[String: Any]])?.first?["field"] as? String) == "body")
        let malformedSubmission = try await TestHTTP.send(
            "POST", "\(registration)/v1/applications/\(draft.applicationId)/submission",
            headers: [("Content-Type", "application/json"), ("Authorization", "Bearer \(draft.token)")],
            body: Array("{\"education\": ".utf8))
        #expect(malformedSubmission.status == 400)
        #expect(((malformedSubmission.json["errors"] as? [[String: Any]])?.first?["field"] as? String) == "body")

        // The counts arrive in the announcements service through Kafka.
        try await eventually("formation counts") {
            let first = try await TestHTTP.get("\(announcements)/v1/formations/\(formations[0])/counts")
            let second = try await TestHTTP.get("\(announcements)/v1/formations/\(formations[1])/counts")
            return first.json["applicants"] as? Int == 5 && second.json["applicants"] as? Int == 2
        }
        // Everything registration wrote is published by now; the draft still does not count.
        try await eventually("registration's outbox drained") {
            let outbox = try await TestHTTP.get("\(registration)/info").json["outbox"] as? [String: Any]
            return outbox?["unpublished"] as? Int == 0
        }
        try await Task.sleep(for: .seconds(1))
        let settled = try await TestHTTP.get("\(announcements)/v1/formations/\(formations[0])/counts")
        #expect(settled.json["applicants"] as? Int == 5, "a draft was counted: \(settled.text)")

        let list = try await TestHTTP.get("\(announcements)/v1/formations/counts?periodId=\(periodId)")
        #expect((list.json["items"] as? [[String: Any]])?.count == 2)

        // No personal data on the public side.
        for serial in 1...8 {
            let body = TestApplicants.signUp(serial: serial, female: serial % 2 == 0)
            #expect(!list.text.contains(body["nik"] as! String))
            #expect(!list.text.contains(body["kkNumber"] as! String))
            #expect(!list.text.contains(body["email"] as! String))
        }
    }

    func eventually(_ what: String, timeout: Duration = .seconds(30), _ check: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if (try? await check()) == true { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("\(what) did not converge within \(timeout)")
    }
}
