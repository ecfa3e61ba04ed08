import Foundation

/// The public keys tokens are verified with (RFC 7517 JWK Set, RFC 8037 OKP keys), as `GET /.well-known/jwks.json`
/// serves them. Describes the response; the issuer renders it.
struct JWKSView: Codable, Sendable {
    struct Key: Codable, Sendable {
        /// Always `OKP`.
        var kty: String
        /// Always `Ed25519`.
        var crv: String
        /// The public key, base64url.
        var x: String
        /// The key id (RFC 7638 thumbprint), the `kid` of the tokens it signed.
        var kid: String
        /// Always `sig`.
        var use: String
        /// Always `EdDSA`.
        var alg: String
    }

    /// The current key first, then keys kept during a rotation.
    var keys: [Key]
}
