/// Why a JSON Web Key Set (or a key for one) cannot be used to verify access tokens.
///
/// Callers loading a key set from configuration map this to a configuration error; the messages never repeat key
/// material.
public enum KeySetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not a JWKS (`{"keys": [...]}`).
    case notAKeySet
    /// A key carries private or symmetric material (`d`, `k`, RSA primes, or `kty` `oct`): a verifier must only
    /// ever hold public keys, and a shared secret would allow HS256 forgeries.
    case secretKeyMaterial(keyId: String?)
    /// A usable-looking key is broken (e.g. `x` is not 32 bytes of base64url).
    case invalidKey(keyId: String?, reason: String)
    /// Two keys share a `kid`, so tokens could not say which one signed them.
    case duplicateKeyId(String)
    /// No key in the set can verify EdDSA (Ed25519) signatures.
    case noUsableKeys

    public var description: String {
        switch self {
        case .notAKeySet:
            "JWKS: not a JSON Web Key Set (expected {\"keys\": [...]})"
        case .secretKeyMaterial(let keyId):
            "JWKS: key \(keyId ?? "without kid") contains private or symmetric key material; publish public keys only"
        case .invalidKey(let keyId, let reason):
            "JWKS: key \(keyId ?? "without kid") is invalid: \(reason)"
        case .duplicateKeyId(let keyId):
            "JWKS: more than one key has kid \(keyId)"
        case .noUsableKeys:
            "JWKS: no Ed25519 (OKP, EdDSA) signature key in the set"
        }
    }
}
