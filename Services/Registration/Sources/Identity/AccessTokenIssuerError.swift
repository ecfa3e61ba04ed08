/// Why an ``AccessTokenIssuer`` cannot be created or cannot sign; the caller maps creation errors to a configuration
/// error. Messages never repeat key material.
public enum AccessTokenIssuerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The signing key is not the base64 of 32 bytes (an Ed25519 private key seed).
    case invalidSigningKey
    /// A previous public key (by position, from 0) is not the base64 of a 32-byte Ed25519 public key.
    case invalidPreviousPublicKey(index: Int)
    /// The issuer string is empty.
    case emptyIssuer
    /// The token lifetime is not at least one second.
    case invalidLifetime
    /// Signing a token failed (not expected with a valid key).
    case signingFailed

    public var description: String {
        switch self {
        case .invalidSigningKey: "token signing key: expected the base64 of a 32-byte Ed25519 private key seed"
        case .invalidPreviousPublicKey(let index):
            "previous token key #\(index): expected the base64 of a 32-byte Ed25519 public key"
        case .emptyIssuer: "token issuer: must not be empty"
        case .invalidLifetime: "token lifetime: must be at least one second"
        case .signingFailed: "access token could not be signed"
        }
    }
}
