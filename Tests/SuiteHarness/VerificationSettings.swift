import Foundation

/// The configuration a verification process started by an end-to-end test or a benchmark needs besides its database
/// and broker: where the registration service is (JWKS and documents) and a one-second sampling of its gauges.
public enum VerificationSettings {
    /// Environment variables of a test verification process (without database, broker and prefix).
    public static func environment(registrationURL: String) -> [String: String] {
        [
            "ASN_AUTH_JWKS_URL": "\(registrationURL)/.well-known/jwks.json",
            "ASN_VERIFICATION_REGISTRATION_URL": registrationURL,
            "ASN_VERIFICATION_METRICS_INTERVAL_SECONDS": "1",
        ]
    }
}
