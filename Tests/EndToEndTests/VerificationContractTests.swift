import Foundation
import SuiteHarness
import TestSupport
import Testing

/// Every operation of the verification API, with its successes and typical failures, checked against the service's
/// own `/openapi.json` (registration runs beside it as the identity provider and document store).
@Suite(.serialized) struct VerificationContractTests {
    typealias Checked = RegistrationContractTests.Checked

    @Test func everyOperationAnswersAsDocumented() async throws {
        try await VerificationFlowTests().withSuite { suite in
            let document = try await TestHTTP.get("\(suite.verification.baseURL)/openapi.json")
            #expect(document.status == 200)
            var api = Checked(
                validator: try OpenAPIValidator(documentData: Data(document.body)), base: suite.verification.baseURL)
            try await exercise(&api, suite: suite)
            #expect(api.checked.count >= 40, "\(api.checked)")
            let operations = Set(api.checked.map { $0.split(separator: " ").prefix(2).joined(separator: " ") })
            #expect(operations.count >= 22, "\(operations.sorted())")
        }
    }

    func exercise(_ api: inout Checked, suite: VerificationFlowTests.Suite) async throws {
        let journey = suite.verification
        _ = try await api.send("GET", "/openapi.json", expect: 200)
        _ = try await api.send("GET", "/health/ready", expect: 200)
        _ = try await api.send("GET", "/info", expect: 200)
        let verifier = try await journey.officer("Kontrak Verifikator", roles: ["verifier"], adminToken: suite.admin)
        let supervisor = try await journey.officer("Kontrak Pengawas", roles: ["supervisor"], adminToken: suite.admin)
        let ms = try await suite.registration.apply(serial: 631, formationId: suite.formationId)
        let tms = try await suite.registration.apply(serial: 632, formationId: suite.formationId)
        let msCase = try #require(try await journey.caseOf(application: ms.applicationId, token: verifier.token)["caseId"] as? String)
        let tmsCase = try #require(try await journey.caseOf(application: tms.applicationId, token: verifier.token)["caseId"] as? String)

        // Work lists.
        _ = try await api.send("GET", "/v1/reason-codes", expect: 200)
        _ = try await api.send("GET", "/v1/queue", expect: 401)
        _ = try await api.send("GET", "/v1/queue", token: ms.token, expect: 403)
        let page = try await api.send("GET", "/v1/queue?limit=1", token: verifier.token, expect: 200)
        let next = try #require(page.json["nextCursor"] as? String)
        _ = try await api.send("GET", "/v1/queue?limit=1&cursor=\(next)", token: verifier.token, expect: 200)
        _ = try await api.send("GET", "/v1/queue?cursor=nope", token: verifier.token, expect: 400)
        _ = try await api.send("GET", "/v1/queue?limit=0", token: verifier.token, expect: 400)
        _ = try await api.send("GET", "/v1/queue?formationId=\(suite.formationId)", token: verifier.token, expect: 200)
        _ = try await api.send("GET", "/v1/queue/formations", token: verifier.token, expect: 200)
        _ = try await api.send("GET", "/v1/countersignatures", token: verifier.token, expect: 403)
        _ = try await api.send("GET", "/v1/countersignatures", token: supervisor.token, expect: 200)
        _ = try await api.send("GET", "/v1/objections?status=sometimes", token: supervisor.token, expect: 400)
        _ = try await api.send("GET", "/v1/integrity-alerts", token: supervisor.token, expect: 200)

        // One case.
        _ = try await api.send("GET", "/v1/cases", token: verifier.token, expect: 400)
        _ = try await api.send("GET", "/v1/cases?applicationId=\(ms.applicationId)", token: verifier.token, expect: 200)
        _ = try await api.send("GET", "/v1/cases/\(msCase)", token: verifier.token, expect: 200)
        _ = try await api.send("GET", "/v1/cases/\(UUID().uuidString)", token: verifier.token, expect: 404)
        _ = try await api.send("GET", "/v1/cases/not-a-uuid", token: verifier.token, expect: 400)
        _ = try await api.send("POST", "/v1/cases/\(msCase)/release", token: verifier.token, expect: 409)
        _ = try await api.send("POST", "/v1/cases/\(msCase)/claim", token: supervisor.token, expect: 403)
        let claimed = try await api.send("POST", "/v1/cases/\(msCase)/claim", token: verifier.token, expect: 200)
        _ = try await api.send("POST", "/v1/cases/\(msCase)/release", token: verifier.token, expect: 200)
        _ = try await api.send("POST", "/v1/cases/\(msCase)/conflicts", json: ["relationship": "cousin"],
                               token: supervisor.token, expect: 400)
        _ = try await api.send("POST", "/v1/cases/\(msCase)/conflicts", json: ["relationship": "personal"],
                               token: supervisor.token, expect: 201)
        _ = try await api.send("POST", "/v1/cases/\(msCase)/claim", token: verifier.token, expect: 200)
        let documents = VerificationJourney.documentIds(claimed.json)
        _ = try await api.send("PUT", "/v1/cases/\(msCase)/documents/\(documents[0])/review",
                               json: ["verdict": "valid"], token: verifier.token, expect: 409)
        _ = try await api.send("GET", "/v1/cases/\(msCase)/documents/\(UUID().uuidString)", token: verifier.token,
                               expect: 404)
        for id in documents {
            _ = try await api.send("GET", "/v1/cases/\(msCase)/documents/\(id)", token: verifier.token, expect: 200)
        }
        _ = try await api.send("PUT", "/v1/cases/\(msCase)/documents/\(documents[0])/review",
                               json: ["verdict": "invalid"], token: verifier.token, expect: 422)
        for id in documents {
            _ = try await api.send("PUT", "/v1/cases/\(msCase)/documents/\(id)/review",
                                   json: ["verdict": "valid", "note": "Sesuai."], token: verifier.token, expect: 200)
        }
        _ = try await api.send("POST", "/v1/cases/\(msCase)/decision", json: ["outcome": "maybe"],
                               token: verifier.token, expect: 400)
        _ = try await api.send("POST", "/v1/cases/\(msCase)/decision", json: ["outcome": "MS"],
                               token: verifier.token, expect: 201)
        _ = try await api.send("POST", "/v1/cases/\(msCase)/countersignature", token: supervisor.token, expect: 409)

        _ = try await journey.review(caseId: tmsCase, token: verifier.token, invalid: ["ktp"])
        _ = try await api.send("POST", "/v1/cases/\(tmsCase)/decision",
                               json: ["outcome": "TMS", "unmetRequirements": [[
                                   "requirementCode": "ktp", "reasonCode": "unreadable", "explanation": "Buram.",
                               ]]], token: verifier.token, expect: 201)
        _ = try await api.send("POST", "/v1/cases/\(tmsCase)/return", json: ["reason": " "], token: supervisor.token,
                               expect: 422)
        _ = try await api.send("POST", "/v1/formations/\(suite.formationId)/administrative-results",
                               token: supervisor.token, expect: 409)
        _ = try await api.send("GET", "/v1/countersignatures", token: supervisor.token, expect: 200)
        _ = try await api.send("POST", "/v1/cases/\(tmsCase)/countersignature", token: supervisor.token, expect: 201)
        _ = try await api.send("GET", "/v1/cases/\(tmsCase)/history", token: supervisor.token, expect: 200)

        // Publication and objection.
        _ = try await api.send("GET", "/v1/formations/\(suite.formationId)/administrative-results",
                               token: supervisor.token, expect: 200)
        _ = try await api.send("POST", "/v1/formations/\(UUID().uuidString)/administrative-results",
                               token: supervisor.token, expect: 404)
        _ = try await api.send("POST", "/v1/formations/\(suite.formationId)/administrative-results",
                               json: ["round": "initial"], token: verifier.token, expect: 403)
        _ = try await api.send("POST", "/v1/formations/\(suite.formationId)/administrative-results",
                               json: ["round": "initial"], token: supervisor.token, expect: 201)
        _ = try await api.send("GET", "/v1/applications/\(tms.applicationId)/verification", token: tms.token,
                               expect: 200)
        _ = try await api.send("GET", "/v1/applications/\(tms.applicationId)/verification", token: ms.token,
                               expect: 404)
        _ = try await api.send("POST", "/v1/applications/\(tms.applicationId)/objection",
                               json: ["disputedRequirementCodes": [], "reason": "x"], token: tms.token, expect: 422)
        _ = try await api.send("POST", "/v1/applications/\(tms.applicationId)/objection",
                               json: ["disputedRequirementCodes": ["ktp"], "reason": "KTP saya jelas."],
                               token: tms.token, expect: 201)
        _ = try await api.send("GET", "/v1/objections", token: supervisor.token, expect: 200)
        _ = try await api.send("GET", "/v1/objections?status=overdue", token: supervisor.token, expect: 200)
        _ = try await api.send("POST", "/v1/cases/\(tmsCase)/objection/resolution",
                               json: ["outcome": "rejected", "answer": ""], token: supervisor.token, expect: 422)
        _ = try await api.send("POST", "/v1/cases/\(tmsCase)/objection/resolution",
                               json: ["outcome": "rejected", "answer": "KTP memang buram."], token: supervisor.token,
                               expect: 201)
        _ = try await api.send("POST", "/v1/cases/\(tmsCase)/objection/resolution",
                               json: ["outcome": "upheld", "answer": "Lagi."], token: supervisor.token, expect: 409)
    }
}
