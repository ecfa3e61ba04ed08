import Crypto
public import Foundation
import JWTKit

/// An Ed25519 public key that verifies access tokens, with the `kid` tokens name it by.
///
/// The default `kid` is the key's RFC 7638 JWK thumbprint, so it is stable and derived from the key alone; keys read
/// from an external issuer's JWKS keep the `kid` published there.
public struct PublicSigningKey: Sendable, Hashable, CustomStringConvertible {
    /// The 32 raw bytes of the Ed25519 public key.
    public let rawRepresentation: Data
    /// The key id (`kid`) tokens signed with this key carry in their header.
    public let keyId: String

    /// A key from its 32 raw bytes; `keyId` defaults to the RFC 7638 thumbprint.
    public init(rawRepresentation: Data, keyId: String? = nil) throws(KeySetError) {
        guard rawRepresentation.count == 32,
              (try? Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation)) != nil
        else { throw .invalidKey(keyId: keyId, reason: "an Ed25519 public key is 32 bytes") }
        self.rawRepresentation = rawRepresentation
        self.keyId = keyId ?? Self.thumbprint(x: Base64URL.encode(rawRepresentation))
    }

    /// A key from the standard base64 of its 32 raw bytes (the form configuration uses).
    public init(base64 text: String, keyId: String? = nil) throws(KeySetError) {
        guard let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw .invalidKey(keyId: keyId, reason: "not base64")
        }
        try self.init(rawRepresentation: raw, keyId: keyId)
    }

    /// The key as the base64url `x` member of an OKP JWK (RFC 8037).
    public var x: String { Base64URL.encode(rawRepresentation) }

    /// The RFC 7638 JWK thumbprint (SHA-256, base64url) of this key, whatever its `keyId`.
    public var thumbprint: String { Self.thumbprint(x: x) }

    /// RFC 7638: SHA-256 over the required members in lexicographic order, without whitespace.
    static func thumbprint(x: String) -> String {
        let canonical = #"{"crv":"Ed25519","kty":"OKP","x":"\#(x)"}"#
        return Base64URL.encode(SHA256.hash(data: Data(canonical.utf8)))
    }

    /// The public JWK: `kty` OKP, `crv` Ed25519, `x`, `kid`, `use` sig, `alg` EdDSA — never a private part.
    var jwk: JSONWebKey {
        JSONWebKey(kty: "OKP", crv: "Ed25519", x: x, kid: keyId, use: "sig", alg: "EdDSA")
    }

    /// The key in jwt-kit's form.
    var eddsaKey: EdDSA.PublicKey {
        // The raw bytes were validated on creation.
        EdDSA.PublicKey(backing: try! Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation))
    }

    public var description: String { "Ed25519 public key \(keyId)" }
}
