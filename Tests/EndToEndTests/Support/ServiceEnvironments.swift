import Foundation
import SuiteHarness

/// The configuration of the real executables in the failure-mode tests.
enum ServiceEnvironments {
    static let adminToken = "e2e-admin-token"
    static var admin: [(String, String)] { [("Authorization", "Bearer \(adminToken)")] }

    static func uniquePrefix() -> String { "e2e-\(UUID().uuidString.prefix(8).lowercased())." }

    static func registration(postgres: String, brokers: String, prefix: String) throws -> ServiceProcess {
        try ServiceProcess(name: "registration", environment: [
            "ASN_POSTGRES_URL": postgres, "ASN_KAFKA_BROKERS": brokers, "ASN_KAFKA_NAME_PREFIX": prefix,
            "ASN_REGISTRATION_PERSONAL_DATA_KEY": Data(repeating: 7, count: 32).base64EncodedString(),
            "ASN_REGISTRATION_NIK_INDEX_KEY": Data(repeating: 9, count: 32).base64EncodedString(),
            "ASN_REGISTRATION_ADMIN_TOKEN": adminToken,
        ])
    }

    static func announcements(postgres: String, brokers: String, prefix: String) throws -> ServiceProcess {
        try ServiceProcess(name: "announcements", environment: [
            "ASN_POSTGRES_URL": postgres, "ASN_KAFKA_BROKERS": brokers, "ASN_KAFKA_NAME_PREFIX": prefix,
        ])
    }

    /// Opens a period with one formation through the admin API; returns the formation id.
    static func openFormation(on registration: String) async throws -> String {
        let period = try await TestHTTP.post(
            "\(registration)/v1/admin/periods", json: TestApplicants.openPeriod(), headers: admin)
        guard period.status == 201, let periodId = period.json["periodId"] as? String else {
            throw UnexpectedResponse(status: period.status, body: period.text)
        }
        let formation = try await TestHTTP.post(
            "\(registration)/v1/admin/periods/\(periodId)/formations", json: TestApplicants.formation(), headers: admin)
        guard formation.status == 201, let formationId = formation.json["formationId"] as? String else {
            throw UnexpectedResponse(status: formation.status, body: formation.text)
        }
        return formationId
    }
}

struct UnexpectedResponse: Error, CustomStringConvertible {
    var status: Int
    var body: String
    var description: String { "unexpected response \(status): \(body)" }
}
