import Foundation
import SuiteHarness

/// The configuration of the real executables in the end-to-end tests.
enum ServiceEnvironments {
    static func uniquePrefix() -> String { "e2e-\(UUID().uuidString.prefix(8).lowercased())." }

    /// A registration process with the test keys, the initial administrator (``TestApplicants/adminEmail``), bcrypt
    /// cost 4 (cheap sign-ups in tests) and the highest login rate per client (every applicant logs in from
    /// 127.0.0.1): see ``RegistrationSettings``.
    static func registration(postgres: String, brokers: String, prefix: String, extra: [String: String] = [:],
                             binaryDirectory: URL? = nil) throws -> ServiceProcess
    {
        try ServiceProcess(name: "registration", environment: RegistrationSettings.environment().merging([
            "ASN_POSTGRES_URL": postgres, "ASN_KAFKA_BROKERS": brokers, "ASN_KAFKA_NAME_PREFIX": prefix,
        ]) { _, new in new }.merging(extra) { _, new in new }, binaryDirectory: binaryDirectory)
    }

    /// A verification process that trusts `registration`'s JWKS and fetches documents from it; `extra` overrides.
    static func verification(postgres: String, brokers: String, prefix: String, registration: String,
                             extra: [String: String] = [:], binaryDirectory: URL? = nil) throws -> ServiceProcess
    {
        try ServiceProcess(name: "verification", environment: VerificationSettings.environment(
            registrationURL: registration
        ).merging([
            "ASN_POSTGRES_URL": postgres, "ASN_KAFKA_BROKERS": brokers, "ASN_KAFKA_NAME_PREFIX": prefix,
        ]) { _, new in new }.merging(extra) { _, new in new }, binaryDirectory: binaryDirectory)
    }

    /// An exam-scoring process that trusts `registration`'s JWKS and asks it for the age tie-break (see
    /// ``ExamSettings``); `extra` overrides (e.g. `ASN_EXAM_AGENCY_LEVEL`).
    static func examScoring(postgres: String, brokers: String, prefix: String, registration: String,
                            extra: [String: String] = [:], binaryDirectory: URL? = nil) throws -> ServiceProcess
    {
        try ServiceProcess(name: "exam-scoring", environment: ExamSettings.environment(
            registrationURL: registration
        ).merging([
            "ASN_POSTGRES_URL": postgres, "ASN_KAFKA_BROKERS": brokers, "ASN_KAFKA_NAME_PREFIX": prefix,
        ]) { _, new in new }.merging(extra) { _, new in new }, binaryDirectory: binaryDirectory)
    }

    /// An announcements process that trusts `registration`'s JWKS (for announcers) and signs its log with the test
    /// key (see ``AnnouncementsSettings``); `extra` overrides.
    static func announcements(postgres: String, brokers: String, prefix: String,
                              registration: String = "http://127.0.0.1:9", extra: [String: String] = [:],
                              binaryDirectory: URL? = nil) throws -> ServiceProcess
    {
        try ServiceProcess(name: "announcements", environment: AnnouncementsSettings.environment(
            registrationURL: registration
        ).merging([
            "ASN_POSTGRES_URL": postgres, "ASN_KAFKA_BROKERS": brokers, "ASN_KAFKA_NAME_PREFIX": prefix,
        ]) { _, new in new }.merging(extra) { _, new in new }, binaryDirectory: binaryDirectory)
    }

    /// Logs in as the initial administrator the registration process was configured with.
    static func adminToken(on registration: String) async throws -> String {
        try await RegistrationJourney(baseURL: registration)
            .login(TestApplicants.adminEmail, password: TestApplicants.adminPassword)
    }

    /// Opens a period with one formation through the admin API (as the initial administrator); returns the formation
    /// id.
    static func openFormation(on registration: String) async throws -> String {
        let journey = RegistrationJourney(baseURL: registration)
        let opened = try await journey.openPeriod(
            TestApplicants.openPeriod(), formations: [TestApplicants.formation()],
            adminToken: try await adminToken(on: registration))
        return opened.formationIds[0]
    }
}
