import Foundation

/// The configuration an announcements process started by an end-to-end test or a benchmark needs besides its database
/// and broker: the registration service as identity provider for announcers (its JWKS) and a fixed key for the
/// transparency log's checkpoints, signed every second so that tests need not wait.
public enum AnnouncementsSettings {
    /// The Ed25519 seed (base64) test processes sign checkpoints with.
    public static let logSigningKey = Data((0..<32).map { UInt8($0) }).base64EncodedString()

    /// Environment variables of a test announcements process (without database, broker and prefix).
    public static func environment(registrationURL: String = "http://127.0.0.1:9") -> [String: String] {
        [
            "ASN_AUTH_JWKS_URL": "\(registrationURL)/.well-known/jwks.json",
            "ASN_LOG_SIGNING_KEY": logSigningKey,
            "ASN_LOG_CHECKPOINT_INTERVAL": "1",
        ]
    }
}
