import Foundation

/// The officers' and applicants' paths through the verification API, over HTTP only: used by the end-to-end tests and
/// the benchmarks, so both exercise the real public contract.
public struct VerificationJourney: Sendable {
    /// Base URL of the verification service.
    public let baseURL: String
    /// The registration service, where officer accounts are created and everyone logs in.
    public let registration: RegistrationJourney

    public init(baseURL: String, registration: RegistrationJourney) {
        self.baseURL = baseURL
        self.registration = registration
    }

    static func bearer(_ token: String) -> [(String, String)] { [("Authorization", "Bearer \(token)")] }

    /// Creates an officer account with `roles` (as the initial administrator) and logs it in; returns id and token.
    public func officer(_ name: String, roles: [String], adminToken: String) async throws
        -> (officerId: String, token: String)
    {
        let email = "\(name.lowercased().replacingOccurrences(of: " ", with: "."))@kupangkota.go.id"
        let password = "Petugas-\(name.count)-Kupang-2026"
        let created = try registration.expect(
            try await TestHTTP.post(
                "\(registration.baseURL)/v1/admin/officers",
                json: ["email": email, "displayName": name, "roles": roles, "password": password],
                headers: Self.bearer(adminToken)),
            201, "create officer \(name)")
        guard let id = created["officerId"] as? String else {
            throw RegistrationJourney.Failure(step: "create officer", status: 201, body: "\(created)")
        }
        return (id, try await registration.login(email, password: password))
    }

    /// The case of `applicationId`, once the intake projection has opened it (polled for up to `timeout`).
    public func caseOf(application applicationId: String, token: String, timeout: Duration = .seconds(30))
        async throws -> [String: Any]
    {
        let deadline = ContinuousClock.now + timeout
        while true {
            let response = try await get("/v1/cases?applicationId=\(applicationId)", token: token)
            if let items = response.json["items"] as? [[String: Any]], let first = items.first { return first }
            guard ContinuousClock.now < deadline else {
                throw RegistrationJourney.Failure(step: "case of \(applicationId)", status: response.status,
                                                  body: response.text)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    public func get(_ path: String, token: String) async throws -> TestHTTP.Response {
        try await TestHTTP.get("\(baseURL)\(path)", headers: Self.bearer(token))
    }

    public func post(_ path: String, json: Any = [String: Any](), token: String) async throws -> TestHTTP.Response {
        try await TestHTTP.post("\(baseURL)\(path)", json: json, headers: Self.bearer(token))
    }

    public func put(_ path: String, json: Any, token: String) async throws -> TestHTTP.Response {
        let body = try JSONSerialization.data(withJSONObject: json)
        return try await TestHTTP.send(
            "PUT", "\(baseURL)\(path)", headers: Self.bearer(token) + [("Content-Type", "application/json")],
            body: Array(body))
    }

    /// The document ids of a case, in the order listed.
    public static func documentIds(_ caseView: [String: Any]) -> [String] {
        ((caseView["documents"] as? [[String: Any]]) ?? []).compactMap { $0["documentId"] as? String }
    }

    /// Claims the case, opens every document and records a verdict on each: all valid, or `invalid` for the
    /// requirement codes given (reason `unreadable`). Returns the case after the last verdict.
    public func review(caseId: String, token: String, invalid: Set<String> = []) async throws -> [String: Any] {
        _ = try registration.expect(try await post("/v1/cases/\(caseId)/claim", token: token), 200, "claim")
        var last: [String: Any] = [:]
        let current = try registration.expect(try await get("/v1/cases/\(caseId)", token: token), 200, "read case")
        for document in (current["documents"] as? [[String: Any]]) ?? [] {
            guard let id = document["documentId"] as? String, let code = document["requirementCode"] as? String else {
                continue
            }
            _ = try registration.expect(
                try await get("/v1/cases/\(caseId)/documents/\(id)", token: token), 200, "open \(code)")
            let verdict: [String: Any] = invalid.contains(code)
                ? ["verdict": "invalid", "reasonCode": "unreadable", "note": "Halaman tidak terbaca."]
                : ["verdict": "valid"]
            last = try registration.expect(
                try await put("/v1/cases/\(caseId)/documents/\(id)/review", json: verdict, token: token),
                200, "review \(code)")
        }
        return last
    }

    /// Records the decision of a reviewed case: MS, or TMS naming `unmet` (reason `unreadable`).
    public func decide(caseId: String, token: String, unmet: [String] = []) async throws -> TestHTTP.Response {
        let body: [String: Any] = unmet.isEmpty
            ? ["outcome": "MS"]
            : ["outcome": "TMS", "unmetRequirements": unmet.map {
                ["requirementCode": $0, "reasonCode": "unreadable", "explanation": "Dokumen \($0) tidak terbaca."]
            }]
        return try await post("/v1/cases/\(caseId)/decision", json: body, token: token)
    }
}
