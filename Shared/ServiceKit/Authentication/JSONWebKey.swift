/// One entry of a JWKS as it appears on the wire (RFC 7517, RFC 8037 for `OKP`).
///
/// Besides the public members it decodes every member that would carry secret material, so such keys can be refused
/// rather than silently accepted.
struct JSONWebKey: Codable, Sendable, Equatable {
    var kty: String?
    var crv: String?
    var x: String?
    var kid: String?
    var use: String?
    var alg: String?
    var keyOperations: [String]?

    // Secret members: only ever decoded, to refuse them.
    var d: String?
    var k: String?
    var p: String?
    var q: String?
    var dp: String?
    var dq: String?
    var qi: String?

    /// Whether the entry holds private or symmetric key material.
    var hasSecretMaterial: Bool {
        kty == "oct" || [d, k, p, q, dp, dq, qi].contains { $0 != nil }
    }

    /// Whether the entry is an Ed25519 key meant for verifying EdDSA signatures (keys for anything else are skipped).
    var isEdDSASignatureKey: Bool {
        kty == "OKP" && crv == "Ed25519" && (alg == nil || alg == "EdDSA") && (use == nil || use == "sig")
            && (keyOperations == nil || keyOperations?.contains("verify") == true)
    }

    enum CodingKeys: String, CodingKey {
        case kty, crv, x, kid, use, alg, keyOperations = "key_ops", d, k, p, q, dp, dq, qi
    }
}
