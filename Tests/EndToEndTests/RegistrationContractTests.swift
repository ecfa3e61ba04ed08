import Foundation
import SelectionSimulator
import SuiteHarness
import TestSupport
import Testing

/// Every operation of the registration API, with its successes and its typical failures, checked against the
/// service's own `/openapi.json`: what frontends code against is what the service answers.
@Suite(.serialized) struct RegistrationContractTests {
    /// Sends a request and validates the response against the document; returns it for further checks.
    struct Checked {
        let validator: OpenAPIValidator
        let base: String
        var checked: [String] = []

        mutating func send(_ method: String, _ path: String, json: Any? = nil, bytes: [UInt8]? = nil,
                           token: String? = nil, expect status: Int,
                           sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestHTTP.Response
        {
            var headers: [(String, String)] = token.map { [("Authorization", "Bearer \($0)")] } ?? []
            var body: [UInt8]?
            if let json {
                headers.append(("Content-Type", "application/json"))
                body = Array(try JSONSerialization.data(withJSONObject: json))
            } else if let bytes {
                headers.append(("Content-Type", "application/octet-stream"))
                body = bytes
            }
            let response = try await TestHTTP.send(method, base + path, headers: headers, body: body)
            #expect(response.status == status, "\(method) \(path): \(response.text)", sourceLocation: sourceLocation)
            do {
                try validator.validate(method: method, path: path, response: response)
            } catch {
                Issue.record("\(method) \(path) → \(response.status) does not match /openapi.json: \(error)",
                             sourceLocation: sourceLocation)
            }
            checked.append("\(method) \(path.split(separator: "?")[0]) \(response.status)")
            return response
        }
    }

    @Test func everyOperationAnswersAsDocumented() async throws {
        guard let brokers = TestEnvironment.kafkaBrokers() else {
            try TestEnvironment.skipUnlessCI(missing: TestEnvironment.kafkaBrokersVariable)
            return
        }
        try await TestPostgres.withFreshDatabase { _, url in
            let process = try ServiceProcess(name: "registration", environment: RegistrationSettings.environment().merging([
                "ASN_POSTGRES_URL": url, "ASN_KAFKA_BROKERS": brokers,
                "ASN_KAFKA_NAME_PREFIX": "e2e-\(UUID().uuidString.prefix(8).lowercased()).",
            ]) { _, new in new })
            try await process.start()
            defer { Task { await process.stop() } }
            let document = try await TestHTTP.get("\(process.baseURL)/openapi.json")
            #expect(document.status == 200)
            var api = Checked(validator: try OpenAPIValidator(documentData: Data(document.body)), base: process.baseURL)
            try await exercise(&api)
            await process.stop()
            #expect(api.checked.count >= 45, "\(api.checked)")
        }
    }

    func exercise(_ api: inout Checked) async throws {
        let journey = RegistrationJourney(baseURL: api.base)
        _ = try await api.send("GET", "/openapi.json", expect: 200)
        _ = try await api.send("GET", "/health/ready", expect: 200)
        _ = try await api.send("GET", "/info", expect: 200)

        // Catalogue.
        let admin = try await journey.login(TestApplicants.adminEmail, password: TestApplicants.adminPassword)
        _ = try await api.send("POST", "/v1/admin/periods", json: TestApplicants.openPeriod(), expect: 401)
        var badPeriod = TestApplicants.openPeriod()
        badPeriod["timeZone"] = "Mars/Olympus"
        _ = try await api.send("POST", "/v1/admin/periods", json: badPeriod, token: admin, expect: 422)
        let period = try await api.send("POST", "/v1/admin/periods", json: TestApplicants.openPeriod(), token: admin,
                                        expect: 201)
        let periodId = try #require(period.json["periodId"] as? String)
        let formation = try await api.send("POST", "/v1/admin/periods/\(periodId)/formations",
                                           json: TestApplicants.formation(), token: admin, expect: 201)
        let formationId = try #require(formation.json["formationId"] as? String)
        let other = try await api.send("POST", "/v1/admin/periods/\(periodId)/formations",
                                       json: TestApplicants.formation(position: "Analis Data Ahli Pertama"),
                                       token: admin, expect: 201)
        let otherFormationId = try #require(other.json["formationId"] as? String)
        _ = try await api.send("POST", "/v1/admin/periods/\(UUID().uuidString)/formations",
                               json: TestApplicants.formation(), token: admin, expect: 404)
        _ = try await api.send("POST", "/v1/admin/periods/\(periodId)/deadline-extensions",
                               json: ["registrationClosesAt": "2020-01-01T00:00:00Z", "reason": "x"], token: admin,
                               expect: 422)
        _ = try await api.send("POST", "/v1/admin/periods/\(periodId)/deadline-extensions",
                               json: ["registrationClosesAt": ISO8601DateFormatter().string(
                                   from: Date().addingTimeInterval(2 * 86_400)), "reason": "Gangguan portal"],
                               token: admin, expect: 200)
        _ = try await api.send("GET", "/v1/periods", expect: 200)
        _ = try await api.send("GET", "/v1/periods?cursor=nope", expect: 400)
        _ = try await api.send("GET", "/v1/periods/\(periodId)", expect: 200)
        _ = try await api.send("GET", "/v1/periods/\(UUID().uuidString)", expect: 404)
        _ = try await api.send("GET", "/v1/periods/\(periodId)/formations", expect: 200)
        _ = try await api.send("GET", "/v1/formations/\(formationId)", expect: 200)

        // Identity.
        let signUp = TestApplicants.signUp(serial: 91)
        _ = try await api.send("POST", "/v1/accounts", json: signUp, expect: 201)
        _ = try await api.send("POST", "/v1/accounts", json: signUp, expect: 409)
        var bad = TestApplicants.signUp(serial: 92)
        bad["nik"] = "12"
        _ = try await api.send("POST", "/v1/accounts", json: bad, expect: 422)
        _ = try await api.send("POST", "/v1/accounts", json: ["nik": 5], expect: 400)
        let login = try await api.send("POST", "/v1/auth/token",
                                       json: ["username": signUp["email"]!, "password": TestApplicants.password(serial: 91)],
                                       expect: 200)
        let token = try #require(login.json["accessToken"] as? String)
        _ = try await api.send("POST", "/v1/auth/token", json: ["username": "x@example.org", "password": "wrong"],
                               expect: 401)
        _ = try await api.send("GET", "/.well-known/jwks.json", expect: 200)
        _ = try await api.send("GET", "/v1/me", token: token, expect: 200)
        _ = try await api.send("GET", "/v1/me", expect: 401)
        let officer = ["email": "verifikator@kupangkota.go.id", "displayName": "Yuliana Ndun", "roles": ["verifier"],
                       "password": "Verifikator-2026"] as [String: Any]
        _ = try await api.send("POST", "/v1/admin/officers", json: officer, token: token, expect: 403)
        _ = try await api.send("POST", "/v1/admin/officers", json: officer, token: admin, expect: 201)
        _ = try await api.send("POST", "/v1/admin/officers", json: officer, token: admin, expect: 409)
        _ = try await api.send("GET", "/v1/admin/officers", token: admin, expect: 200)
        let verifier = try await journey.login("verifikator@kupangkota.go.id", password: "Verifikator-2026")

        // Applications and documents.
        _ = try await api.send("POST", "/v1/applications", json: ["formationId": UUID().uuidString], token: token,
                               expect: 422)
        let started = try await api.send("POST", "/v1/applications", json: ["formationId": formationId], token: token,
                                         expect: 201)
        let applicationId = try #require(started.json["applicationId"] as? String)
        _ = try await api.send("POST", "/v1/applications", json: ["formationId": formationId], token: token,
                               expect: 409)
        _ = try await api.send("GET", "/v1/applications", token: token, expect: 200)
        _ = try await api.send("PUT", "/v1/applications/\(applicationId)/formation",
                               json: ["formationId": otherFormationId], token: token, expect: 200)
        _ = try await api.send("PUT", "/v1/applications/\(applicationId)/formation",
                               json: ["formationId": formationId], token: token, expect: 200)
        _ = try await api.send("PUT", "/v1/applications/\(applicationId)/documents/ijazah",
                               bytes: SampleDocuments.jpeg("not a pdf"), token: token, expect: 415)
        _ = try await api.send("PUT", "/v1/applications/\(applicationId)/documents/ijazah",
                               bytes: SampleDocuments.pdf("big", size: 819_201), token: token, expect: 413)
        _ = try await api.send("PUT", "/v1/applications/\(applicationId)/documents/unknown-document",
                               bytes: SampleDocuments.pdf("x"), token: token, expect: 404)
        _ = try await api.send("PUT", "/v1/applications/\(applicationId)/documents/ijazah",
                               bytes: Array("%PDF-1.4 cut off".utf8), token: token, expect: 422)
        _ = try await api.send("POST", "/v1/applications/\(applicationId)/submission",
                               json: TestApplicants.submission(), token: token, expect: 422)
        for (code, isPDF) in TestApplicants.nationalDocuments {
            _ = try await api.send("PUT", "/v1/applications/\(applicationId)/documents/\(code)",
                                   bytes: isPDF ? SampleDocuments.pdf(code) : SampleDocuments.jpeg(code), token: token,
                                   expect: 201)
        }
        _ = try await api.send("GET", "/v1/applications/\(applicationId)/documents/ijazah", token: token, expect: 200)
        _ = try await api.send("GET", "/v1/applications/\(applicationId)/documents/ijazah", token: verifier,
                               expect: 200)
        _ = try await api.send("GET", "/v1/applications/\(applicationId)/card", token: token, expect: 409)
        _ = try await api.send("POST", "/v1/applications/\(applicationId)/withdrawal", json: [:] as [String: Any],
                               token: token, expect: 409)
        _ = try await api.send("POST", "/v1/applications/\(applicationId)/submission",
                               json: TestApplicants.submission(), token: token, expect: 201)
        _ = try await api.send("POST", "/v1/applications/\(applicationId)/submission",
                               json: TestApplicants.submission(), token: token, expect: 409)
        _ = try await api.send("GET", "/v1/applications/\(applicationId)/card", token: token, expect: 200)
        let view = try await api.send("GET", "/v1/applications/\(applicationId)", token: token, expect: 200)
        _ = try await api.send("GET", "/v1/applications/\(applicationId)", token: admin, expect: 200)
        _ = try await api.send("GET", "/v1/applications/\(UUID().uuidString)", token: token, expect: 404)
        let documentId = try #require(
            (view.json["documents"] as? [[String: Any]])?.first?["documentId"] as? String)
        _ = try await api.send("GET", "/internal/v1/documents/\(documentId)", token: verifier, expect: 200)
        _ = try await api.send("GET", "/internal/v1/documents/\(documentId)", token: token, expect: 403)
        _ = try await api.send("GET", "/internal/v1/documents/\(UUID().uuidString)", token: verifier, expect: 404)
        _ = try await api.send("POST", "/v1/applications/\(applicationId)/withdrawal",
                               json: ["note": "Mengundurkan diri"], token: token, expect: 200)
        _ = try await api.send("POST", "/v1/applications/\(applicationId)/withdrawal", json: [:] as [String: Any],
                               token: token, expect: 409)
    }
}
