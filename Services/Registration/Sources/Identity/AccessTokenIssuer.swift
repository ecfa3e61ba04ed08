import Crypto
public import Foundation
import JWTKit
public import ServiceKit

/// Issues the suite's short-lived access tokens: EdDSA (Ed25519) JWTs with the account's roles, and publishes the
/// JWKS every service verifies them with.
///
/// The header is `{"alg": "EdDSA", "kid": <RFC 7638 thumbprint of the public key>, "typ": "JWT"}`; the claims are
/// ``AccessClaims``. During a key rotation the previous public keys stay in the JWKS (after the current one) so
/// tokens they signed keep verifying until they expire.
public struct AccessTokenIssuer: Sendable {
    /// The `iss` of every token.
    public let issuer: String
    /// How long a token is valid, in whole seconds.
    public let lifetimeSeconds: Int
    /// The `aud` of every token, if set.
    public let audience: [String]?
    /// The public half of the signing key.
    public let signingKey: PublicSigningKey
    /// The keys the JWKS publishes: the signing key first, then the previous keys still trusted.
    public let publishedKeys: [PublicSigningKey]
    private let keys: Task<JWTKeyCollection, Never>

    /// - Parameters:
    ///   - privateKeyBase64: base64 of the 32-byte Ed25519 private key seed (from configuration, a secret).
    ///   - issuer: the `iss` claim, e.g. the registration service's public URL.
    ///   - lifetime: token lifetime; whole seconds, at least one.
    ///   - previousPublicKeysBase64: base64 of the 32-byte public keys of earlier signing keys, still published.
    ///   - audience: an optional `aud` claim.
    public init(
        privateKeyBase64: String, issuer: String, lifetime: Duration = .seconds(900),
        previousPublicKeysBase64: [String] = [], audience: [String]? = nil
    ) throws(AccessTokenIssuerError) {
        guard let seed = Data(base64Encoded: privateKeyBase64.trimmingCharacters(in: .whitespacesAndNewlines)),
              seed.count == 32, let privateKey = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        else { throw .invalidSigningKey }
        guard !issuer.isEmpty else { throw .emptyIssuer }
        let seconds = lifetime.components.seconds
        guard seconds >= 1, seconds <= Int64(Int32.max) else { throw .invalidLifetime }

        let current: PublicSigningKey
        do {
            current = try PublicSigningKey(rawRepresentation: privateKey.publicKey.rawRepresentation)
        } catch {
            throw .invalidSigningKey
        }
        var published = [current]
        for (index, text) in previousPublicKeysBase64.enumerated() {
            let key: PublicSigningKey
            do {
                key = try PublicSigningKey(base64: text)
            } catch {
                throw .invalidPreviousPublicKey(index: index)
            }
            if !published.contains(where: { $0.keyId == key.keyId }) { published.append(key) }
        }

        self.issuer = issuer
        self.lifetimeSeconds = Int(seconds)
        self.audience = audience
        self.signingKey = current
        self.publishedKeys = published
        let kid = JWKIdentifier(string: current.keyId)
        let signer = EdDSA.PrivateKey(backing: privateKey)
        self.keys = Task {
            let collection = JWTKeyCollection()
            await collection.add(eddsa: signer, kid: kid)
            return collection
        }
    }

    /// A signed token for `accountId` valid from `now` (rounded down to the second) for the configured lifetime.
    public func issue(accountId: UUID, roles: [Role], name: String?, now: Date = Date()) async throws(
        AccessTokenIssuerError
    ) -> IssuedAccessToken {
        let issuedAt = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let expiresAt = issuedAt.addingTimeInterval(TimeInterval(lifetimeSeconds))
        let claims = AccessClaims(
            issuer: issuer, accountId: accountId, audience: audience, issuedAt: issuedAt, expiresAt: expiresAt,
            notBefore: issuedAt, tokenId: UUID().uuidString.lowercased(), roles: roles, name: name)
        let token: String
        do {
            token = try await keys.value.sign(claims, kid: JWKIdentifier(string: signingKey.keyId))
        } catch {
            throw .signingFailed
        }
        return IssuedAccessToken(
            accessToken: token, expiresIn: lifetimeSeconds, expiresAt: expiresAt, roles: roles)
    }

    /// The JWKS (RFC 7517, OKP keys per RFC 8037) to serve at `/.well-known/jwks.json`: public keys only.
    public var jwksJSON: String { PublicSigningKey.jwksJSON(for: publishedKeys) }

    /// A verifier trusting the published keys and this issuer, for checking tokens in process.
    public func verifier() -> AccessTokenVerifier {
        AccessTokenVerifier(keys: publishedKeys, issuer: issuer, audience: audience?.first)
    }
}
