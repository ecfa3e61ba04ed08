import Foundation

/// The configuration an exam-scoring process started by an end-to-end test or a benchmark needs besides its database
/// and broker: the registration service as identity provider (its JWKS, like ``VerificationSettings``) and as the
/// source of the age tie-break (`ASN_EXAM_REGISTRATION_URL`). Passing grades, agency level (`regional`) and score
/// decimals (2) stay at the service's defaults.
public enum ExamSettings {
    /// Environment variables of a test exam-scoring process (without database, broker and prefix).
    public static func environment(registrationURL: String) -> [String: String] {
        [
            "ASN_AUTH_JWKS_URL": "\(registrationURL)/.well-known/jwks.json",
            "ASN_EXAM_REGISTRATION_URL": registrationURL,
        ]
    }
}
