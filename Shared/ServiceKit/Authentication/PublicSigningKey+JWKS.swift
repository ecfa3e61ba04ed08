import Foundation

extension PublicSigningKey {
    /// The JWKS document publishing `keys` (RFC 7517 / RFC 8037): one OKP entry per key with `kty`, `crv`, `x`,
    /// `kid`, `use` and `alg`, in the given order (current key first during a rotation).
    public static func jwksJSON(for keys: [PublicSigningKey]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let document = JSONWebKeySet(keys: keys.map(\.jwk))
        // Strings only: encoding cannot fail.
        return String(decoding: (try? encoder.encode(document)) ?? Data(#"{"keys":[]}"#.utf8), as: UTF8.self)
    }

    /// The Ed25519 signature keys of a JWKS document.
    ///
    /// Keys that cannot verify EdDSA (RSA or EC keys an external issuer also publishes, `use` `enc`, another `alg`)
    /// are skipped; any key with private or symmetric material makes the whole set refused, as does a set without a
    /// single usable key. A key without `kid` gets its RFC 7638 thumbprint.
    public static func keys(fromJWKS json: String) throws(KeySetError) -> [PublicSigningKey] {
        guard let document = try? JSONDecoder().decode(JSONWebKeySet.self, from: Data(json.utf8)) else {
            throw .notAKeySet
        }
        var keys: [PublicSigningKey] = []
        var seen: Set<String> = []
        for entry in document.keys {
            guard !entry.hasSecretMaterial else { throw .secretKeyMaterial(keyId: entry.kid) }
            guard entry.isEdDSASignatureKey else { continue }
            guard let x = entry.x, let raw = Base64URL.decode(x) else {
                throw .invalidKey(keyId: entry.kid, reason: "x is not base64url")
            }
            let key = try PublicSigningKey(rawRepresentation: raw, keyId: entry.kid)
            guard seen.insert(key.keyId).inserted else { throw .duplicateKeyId(key.keyId) }
            keys.append(key)
        }
        guard !keys.isEmpty else { throw .noUsableKeys }
        return keys
    }
}
