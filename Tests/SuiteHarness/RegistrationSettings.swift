import Foundation

/// The configuration a registration process started by an end-to-end test or a benchmark needs besides its database
/// and broker: fixed test keys, the initial administrator (``TestApplicants/adminEmail``), a bcrypt cost that keeps
/// many test sign-ups and logins cheap, and a sign-up limit high enough for thousands of applicants from one address.
/// (Only failed logins are rate-limited, so successful test logins need no setting.)
public enum RegistrationSettings {
    /// bcrypt cost of the test processes: 4, the minimum, so that sign-ups and logins cost about a millisecond.
    /// Production keeps the default of 12. Benchmarks measure submissions and uploads, not password hashing.
    public static let bcryptCost = 4

    /// Environment variables of a test registration process (without database, broker and prefix).
    public static func environment() -> [String: String] {
        [
            "ASN_REGISTRATION_PERSONAL_DATA_KEY": Data(repeating: 7, count: 32).base64EncodedString(),
            "ASN_REGISTRATION_NIK_INDEX_KEY": Data(repeating: 9, count: 32).base64EncodedString(),
            "ASN_REGISTRATION_JWT_SIGNING_KEY": Data(repeating: 5, count: 32).base64EncodedString(),
            "ASN_REGISTRATION_BCRYPT_COST": String(bcryptCost),
            // Every test applicant signs up from 127.0.0.1; the service's default is 20 a minute per address.
            "ASN_REGISTRATION_SIGNUPS_PER_MINUTE": "100000",
            "ASN_REGISTRATION_INITIAL_ADMIN_EMAIL": TestApplicants.adminEmail,
            "ASN_REGISTRATION_INITIAL_ADMIN_PASSWORD": TestApplicants.adminPassword,
        ]
    }
}
