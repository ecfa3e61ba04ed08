import Foundation
import SelectionSimulator

/// The applicant's and the administrator's paths through the registration API, over HTTP only: used by the end-to-end
/// tests, the benchmarks and the demo seed, so each of them exercises the real public contract.
public struct RegistrationJourney: Sendable {
    /// Base URL of the registration service, e.g. `http://127.0.0.1:8081`.
    public let baseURL: String

    public init(baseURL: String) {
        self.baseURL = baseURL
    }

    /// A non-2xx answer where success was expected.
    public struct Failure: Error, CustomStringConvertible {
        public var step: String
        public var status: Int
        public var body: String
        public var description: String { "\(step): HTTP \(status): \(body)" }
    }

    /// What one applicant ended with.
    public struct Applicant: Sendable {
        public var serial: Int
        public var applicantId: String
        public var applicationId: String
        public var token: String
        public var registrationNumber: String?
    }

    static func bearer(_ token: String) -> [(String, String)] { [("Authorization", "Bearer \(token)")] }

    func expect(_ response: TestHTTP.Response, _ status: Int, _ step: String) throws -> [String: Any] {
        guard response.status == status else { throw Failure(step: step, status: response.status, body: response.text) }
        return response.json
    }

    /// Logs in (e-mail address or NIK) and returns the access token.
    public func login(_ username: String, password: String) async throws -> String {
        let response = try await TestHTTP.post(
            "\(baseURL)/v1/auth/token", json: ["username": username, "password": password])
        guard let token = try expect(response, 200, "login")["accessToken"] as? String else {
            throw Failure(step: "login", status: response.status, body: response.text)
        }
        return token
    }

    /// Opens `period` (see ``TestApplicants/openPeriod(now:)``) and publishes `formations` in it; returns the period
    /// id and the formation ids in order.
    public func openPeriod(_ period: [String: Any], formations: [[String: Any]], adminToken: String) async throws
        -> (periodId: String, formationIds: [String])
    {
        let opened = try expect(
            try await TestHTTP.post("\(baseURL)/v1/admin/periods", json: period, headers: Self.bearer(adminToken)),
            201, "open period")
        guard let periodId = opened["periodId"] as? String else {
            throw Failure(step: "open period", status: 201, body: "\(opened)")
        }
        var formationIds: [String] = []
        for formation in formations {
            let published = try expect(
                try await TestHTTP.post("\(baseURL)/v1/admin/periods/\(periodId)/formations", json: formation,
                                        headers: Self.bearer(adminToken)),
                201, "publish formation")
            guard let id = published["formationId"] as? String else {
                throw Failure(step: "publish formation", status: 201, body: "\(published)")
            }
            formationIds.append(id)
        }
        return (periodId, formationIds)
    }

    /// Signs up applicant `serial` and logs in; returns the applicant id and token.
    public func signUp(serial: Int, female: Bool = false) async throws -> (applicantId: String, token: String) {
        let body = TestApplicants.signUp(serial: serial, female: female)
        let created = try expect(try await TestHTTP.post("\(baseURL)/v1/accounts", json: body), 201, "sign up")
        guard let applicantId = created["applicantId"] as? String else {
            throw Failure(step: "sign up", status: 201, body: "\(created)")
        }
        let token = try await login(body["email"] as! String, password: TestApplicants.password(serial: serial))
        return (applicantId, token)
    }

    /// Creates the account of applicant `serial` (`POST /v1/accounts`) without logging in; returns the applicant id.
    /// `birthDate` goes into the NIK as well, so varying it keeps NIKs unique above serial 9,999.
    public func createAccount(serial: Int, female: Bool = false,
                              birthDate: (year: Int, month: Int, day: Int) = (1995, 7, 5)) async throws -> String
    {
        let body = TestApplicants.signUp(serial: serial, female: female, birthDate: birthDate)
        let created = try expect(try await TestHTTP.post("\(baseURL)/v1/accounts", json: body), 201, "sign up")
        guard let applicantId = created["applicantId"] as? String else {
            throw Failure(step: "sign up", status: 201, body: "\(created)")
        }
        return applicantId
    }

    /// Logs applicant `serial` in (by e-mail address, as created by ``createAccount(serial:female:birthDate:)``).
    public func login(serial: Int) async throws -> String {
        try await login(TestApplicants.signUp(serial: serial)["email"] as! String,
                        password: TestApplicants.password(serial: serial))
    }

    /// Signs up applicant `serial` with `birthDate` and logs in; returns the applicant id and token.
    public func signUp(serial: Int, female: Bool = false, birthDate: (year: Int, month: Int, day: Int)) async throws
        -> (applicantId: String, token: String)
    {
        let applicantId = try await createAccount(serial: serial, female: female, birthDate: birthDate)
        return (applicantId, try await login(serial: serial))
    }

    /// Everything up to (not including) the submission: sign up, log in, start an application for `formationId`,
    /// upload every national document. The result has no registration number yet.
    public func draft(serial: Int, formationId: String, female: Bool = false,
                      birthDate: (year: Int, month: Int, day: Int) = (1995, 7, 5)) async throws -> Applicant
    {
        let (applicantId, token) = try await signUp(serial: serial, female: female, birthDate: birthDate)
        let applicationId = try await start(formationId: formationId, token: token)
        try await uploadNationalDocuments(applicationId: applicationId, token: token, marker: "\(serial)")
        return Applicant(serial: serial, applicantId: applicantId, applicationId: applicationId, token: token,
                         registrationNumber: nil)
    }

    /// Starts an application for `formationId`; returns its id.
    public func start(formationId: String, token: String) async throws -> String {
        let started = try expect(
            try await TestHTTP.post("\(baseURL)/v1/applications", json: ["formationId": formationId],
                                    headers: Self.bearer(token)),
            201, "start application")
        guard let id = started["applicationId"] as? String else {
            throw Failure(step: "start application", status: 201, body: "\(started)")
        }
        return id
    }

    /// Uploads `bytes` for `requirementCode`.
    public func upload(_ bytes: [UInt8], requirementCode: String, applicationId: String, token: String,
                       contentType: String = "application/octet-stream") async throws -> TestHTTP.Response
    {
        try await TestHTTP.send(
            "PUT", "\(baseURL)/v1/applications/\(applicationId)/documents/\(requirementCode)",
            headers: Self.bearer(token) + [("Content-Type", contentType)], body: bytes)
    }

    /// Uploads a generated file for every document the national default list requires (DOMAIN §1.3).
    public func uploadNationalDocuments(applicationId: String, token: String, marker: String) async throws {
        for (code, isPDF) in TestApplicants.nationalDocuments {
            let bytes = isPDF ? SampleDocuments.pdf("\(code) \(marker)") : SampleDocuments.jpeg("\(code) \(marker)")
            _ = try expect(try await upload(bytes, requirementCode: code, applicationId: applicationId, token: token),
                           201, "upload \(code)")
        }
    }

    /// Submits the application; returns the whole response (201 with the registration card on success).
    public func submit(applicationId: String, token: String) async throws -> TestHTTP.Response {
        try await TestHTTP.post(
            "\(baseURL)/v1/applications/\(applicationId)/submission", json: TestApplicants.submission(),
            headers: Self.bearer(token))
    }

    /// The whole path for one applicant: sign up, log in, start, upload every national document, submit.
    public func apply(serial: Int, formationId: String, female: Bool = false) async throws -> Applicant {
        let (applicantId, token) = try await signUp(serial: serial, female: female)
        let applicationId = try await start(formationId: formationId, token: token)
        try await uploadNationalDocuments(applicationId: applicationId, token: token, marker: "\(serial)")
        let card = try expect(try await submit(applicationId: applicationId, token: token), 201, "submit")
        return Applicant(serial: serial, applicantId: applicantId, applicationId: applicationId, token: token,
                         registrationNumber: card["registrationNumber"] as? String)
    }
}
