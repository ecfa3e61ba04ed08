import Foundation
import SuiteHarness
import TestSupport
import Testing

/// The last final tie-break (DOMAIN §3.3, older applicant first) as the exam service asks for it: registration orders
/// the tied applications by birth date and answers ranks only. No birth date is in the answer.
@Suite(.serialized) struct AgeOrderTests {
    static func bearer(_ token: String) -> [(String, String)] { [("Authorization", "Bearer \(token)")] }

    @Test func ranksTiedApplicationsOldestFirstWithoutRevealingDates() async throws {
        guard let brokers = TestEnvironment.kafkaBrokers() else {
            try TestEnvironment.skipUnlessCI(missing: TestEnvironment.kafkaBrokersVariable)
            return
        }
        try await TestPostgres.withFreshDatabase { _, url in
            let registration = try ServiceEnvironments.registration(
                postgres: url, brokers: brokers, prefix: ServiceEnvironments.uniquePrefix())
            try await registration.start()
            do {
                let journey = RegistrationJourney(baseURL: registration.baseURL)
                let admin = try await ServiceEnvironments.adminToken(on: registration.baseURL)
                let opened = try await journey.openPeriod(
                    TestApplicants.openPeriod(), formations: [TestApplicants.formation()], adminToken: admin)
                let formationId = opened.formationIds[0]
                // Born 1996, 1992, 1996 (the same day) and 1994: dense ranks by date are 1992 → 1, 1994 → 2 and
                // 1996 → 3 for both.
                let births = [(1996, 3, 14), (1992, 11, 2), (1996, 3, 14), (1994, 6, 30)]
                var applications: [String] = []
                for (offset, birth) in births.enumerated() {
                    let applicant = try await journey.draft(
                        serial: 7001 + offset, formationId: formationId, birthDate: birth)
                    applications.append(applicant.applicationId)
                }
                let officer = try await VerificationJourney(baseURL: registration.baseURL, registration: journey)
                    .officer("Petugas Ujian", roles: ["exam_officer"], adminToken: admin)

                let answer = try await TestHTTP.post(
                    "\(registration.baseURL)/internal/v1/age-order", json: ["applicationIds": applications],
                    headers: Self.bearer(officer.token))
                #expect(answer.status == 200, "\(answer.text)")
                let ranks = Dictionary(uniqueKeysWithValues: ((answer.json["ranks"] as? [[String: Any]]) ?? []).compactMap {
                    item -> (String, Int)? in
                    guard let id = item["applicationId"] as? String, let rank = item["rank"] as? Int else { return nil }
                    return (id.lowercased(), rank)
                })
                #expect(ranks == [
                    applications[1].lowercased(): 1, applications[3].lowercased(): 2,
                    applications[0].lowercased(): 3, applications[2].lowercased(): 3,
                ])
                // Ranks only: every item has exactly an application id and a rank (ids are random hex, so searching the
                // text for "1992" could match one by chance).
                let items = (answer.json["ranks"] as? [[String: Any]]) ?? []
                #expect(Set(answer.json.keys) == ["ranks"])
                #expect(items.count == 4 && items.allSatisfy { Set($0.keys) == ["applicationId", "rank"] },
                        "the answer must not carry birth dates")

                // Only exam officers and administrators may ask; applicants and anonymous callers may not.
                let applicant = try await journey.login(serial: 7001)
                let refused = try await TestHTTP.post(
                    "\(registration.baseURL)/internal/v1/age-order", json: ["applicationIds": applications],
                    headers: Self.bearer(applicant))
                #expect(refused.status == 403)
                let anonymous = try await TestHTTP.post(
                    "\(registration.baseURL)/internal/v1/age-order", json: ["applicationIds": applications])
                #expect(anonymous.status == 401)
                let empty = try await TestHTTP.post(
                    "\(registration.baseURL)/internal/v1/age-order", json: ["applicationIds": [String]()],
                    headers: Self.bearer(officer.token))
                #expect(empty.status == 400)
                #expect(((empty.json["errors"] as? [[String: Any]])?.first?["field"] as? String) == "applicationIds")
            } catch {
                await registration.stop()
                throw error
            }
            await registration.stop()
        }
    }
}
