import Foundation
import SuiteHarness
import TestSupport
import Testing

/// The walking skeleton across two real executables, the real PostgreSQL and the real broker:
/// registration → event store + outbox → Kafka → announcements' projection → public count per formation.
@Suite(.serialized) struct WalkingSkeletonTests {
    static let adminToken = "e2e-admin-token"

    @Test func registrationsBecomePublicCountsPerFormation() async throws {
        guard let brokers = TestEnvironment.kafkaBrokers() else {
            try TestEnvironment.skipUnlessCI(missing: TestEnvironment.kafkaBrokersVariable)
            return
        }
        try await TestPostgres.withFreshDatabase { _, registrationURL in
            try await TestPostgres.withFreshDatabase { _, announcementsURL in
                let prefix = "e2e-\(UUID().uuidString.prefix(8).lowercased())."
                let registration = try ServiceProcess(name: "registration", environment: [
                    "ASN_POSTGRES_URL": registrationURL, "ASN_KAFKA_BROKERS": brokers, "ASN_KAFKA_NAME_PREFIX": prefix,
                    "ASN_REGISTRATION_PERSONAL_DATA_KEY": Data(repeating: 7, count: 32).base64EncodedString(),
                    "ASN_REGISTRATION_NIK_INDEX_KEY": Data(repeating: 9, count: 32).base64EncodedString(),
                    "ASN_REGISTRATION_ADMIN_TOKEN": Self.adminToken,
                ])
                let announcements = try ServiceProcess(name: "announcements", environment: [
                    "ASN_POSTGRES_URL": announcementsURL, "ASN_KAFKA_BROKERS": brokers, "ASN_KAFKA_NAME_PREFIX": prefix,
                ])
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
        let admin = [("Authorization", "Bearer \(Self.adminToken)")]
        let period = try await TestHTTP.post("\(registration)/v1/admin/periods", json: TestApplicants.openPeriod(), headers: admin)
        try #require(period.status == 201, "\(period.text)")
        let periodId = try #require(period.json["periodId"] as? String)
        var formations: [String] = []
        for position in ["Pranata Komputer Ahli Pertama", "Analis Kebijakan Ahli Pertama"] {
            let response = try await TestHTTP.post(
                "\(registration)/v1/admin/periods/\(periodId)/formations",
                json: TestApplicants.formation(position: position), headers: admin)
            try #require(response.status == 201, "\(response.text)")
            formations.append(try #require(response.json["formationId"] as? String))
        }

        // 5 applicants for the first formation, 2 for the second.
        for serial in 1...7 {
            let formation = serial <= 5 ? formations[0] : formations[1]
            let response = try await TestHTTP.post(
                "\(registration)/v1/registrations",
                json: TestApplicants.registration(formationId: formation, serial: serial, female: serial % 2 == 0))
            try #require(response.status == 201, "\(response.text)")
            #expect((response.json["registrationNumber"] as? String)?.hasPrefix("ASN-26-") == true)
        }

        // Bad input: a clear problem naming the field, and nothing written.
        var invalid = TestApplicants.registration(formationId: formations[0], serial: 100)
        invalid["nik"] = "5371029907950001"
        let badNIK = try await TestHTTP.post("\(registration)/v1/registrations", json: invalid)
        #expect(badNIK.status == 422)
        #expect(badNIK.header("Content-Type") == "application/problem+json")
        #expect(((badNIK.json["errors"] as? [[String: Any]])?.first?["field"] as? String) == "nik")

        let duplicate = try await TestHTTP.post(
            "\(registration)/v1/registrations", json: TestApplicants.registration(formationId: formations[0], serial: 1))
        #expect(duplicate.status == 409)

        let malformed = try await TestHTTP.send(
            "POST", "\(registration)/v1/registrations", headers: [("Content-Type", "application/json")],
            body: Array("{\"nik\": ".utf8))
        #expect(malformed.status == 400)
        #expect(((malformed.json["errors"] as? [[String: Any]])?.first?["field"] as? String) == "body")

        // The counts arrive in the announcements service through Kafka.
        try await eventually("formation counts") {
            let first = try await TestHTTP.get("\(announcements)/v1/formations/\(formations[0])/counts")
            let second = try await TestHTTP.get("\(announcements)/v1/formations/\(formations[1])/counts")
            return first.json["applicants"] as? Int == 5 && second.json["applicants"] as? Int == 2
        }
        let list = try await TestHTTP.get("\(announcements)/v1/formations/counts?periodId=\(periodId)")
        #expect((list.json["items"] as? [[String: Any]])?.count == 2)

        // No personal data on the public side.
        for serial in 1...7 {
            let body = TestApplicants.registration(formationId: formations[0], serial: serial)
            #expect(!list.text.contains(body["nik"] as! String))
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
