import Foundation
import JWTKit
import Synchronization

/// Verifies access tokens against a JWKS of Ed25519 public keys and an expected issuer.
///
/// Only `EdDSA` tokens whose `kid` names a key in the set are considered: `alg` `none`, HMAC, RSA or ECDSA tokens
/// are rejected before any key is used, so no algorithm confusion is possible. The key set can be replaced at run
/// time (rotation: publish the new and the previous key, then drop the previous one once its tokens have expired).
public final class AccessTokenVerifier: Sendable {
    /// The longest token accepted; anything longer is malformed.
    public static let maximumTokenLength = 8192

    /// The issuer (`iss`) tokens must carry.
    public let issuer: String
    /// The audience (`aud`) tokens must name, if any is required.
    public let audience: String?
    private let ring: Mutex<VerificationKeyRing>
    /// Tokens already verified, until they expire: a client sends the same token with every request, and checking its
    /// signature and claims again would cost an Ed25519 verification and two JSON decodes each time. Emptied when the
    /// keys change, so a token of a removed key stops working at once.
    private let verified = Mutex<[String: AuthenticatedIdentity]>([:])
    /// Called when a token names a `kid` the ring does not hold (a key rotation the verifier has not seen yet).
    private let unknownKeyHandler = Mutex<(@Sendable () -> Void)?>(nil)
    static let maximumCachedTokens = 50_000

    /// A verifier trusting the keys of `jwksJSON`, which must hold public Ed25519 keys only.
    public convenience init(jwksJSON: String, issuer: String, audience: String? = nil) throws(KeySetError) {
        let keys = try PublicSigningKey.keys(fromJWKS: jwksJSON)
        self.init(keys: keys, issuer: issuer, audience: audience)
    }

    /// A verifier trusting `keys` (of keys sharing a `kid` the first wins).
    public init(keys: [PublicSigningKey], issuer: String, audience: String? = nil) {
        self.issuer = issuer
        self.audience = audience
        self.ring = Mutex(VerificationKeyRing(keys: keys))
    }

    /// Replaces the trusted keys with those of `jwksJSON`; on error the current keys stay in place.
    public func replaceKeys(jwksJSON: String) throws(KeySetError) {
        replaceKeys(try PublicSigningKey.keys(fromJWKS: jwksJSON))
    }

    /// Replaces the trusted keys.
    public func replaceKeys(_ keys: [PublicSigningKey]) {
        let ring = VerificationKeyRing(keys: keys)
        self.ring.withLock { $0 = ring }
        verified.withLock { $0.removeAll() }
    }

    /// Registers `handler` to be called whenever a token names a key id that is not trusted: a remote key set
    /// (``JWKSRefresher``) uses it to fetch the issuer's keys again after a rotation instead of waiting for its
    /// next scheduled refresh. The handler must return quickly; the token is refused either way.
    public func onUnknownKey(_ handler: @escaping @Sendable () -> Void) {
        unknownKeyHandler.withLock { $0 = handler }
    }

    /// The `kid`s currently trusted, sorted.
    public var keyIds: [String] { ring.withLock { $0.keys.keys.sorted() } }

    /// The identity in `token` (the compact JWT, without `Bearer `), if the token is well-formed, signed by a
    /// trusted key with EdDSA, from the expected issuer (and audience) and within its validity window.
    public func verify(_ token: String) async throws(AuthenticationError) -> AuthenticatedIdentity {
        guard !token.isEmpty else { throw .missingToken }
        guard token.utf8.count <= Self.maximumTokenLength else { throw .malformedToken }
        let now = Date()
        if let known = verified.withLock({ $0[token] }) {
            guard now < known.expiresAt.addingTimeInterval(AccessClaims.leeway) else {
                verified.withLock { _ = $0.removeValue(forKey: token) }
                throw .expired
            }
            return known
        }
        let identity = try await verifyUncached(token)
        verified.withLock { cache in
            if cache.count >= Self.maximumCachedTokens {
                cache = cache.filter { now < $0.value.expiresAt.addingTimeInterval(AccessClaims.leeway) }
                if cache.count >= Self.maximumCachedTokens { cache.removeAll() }
            }
            cache[token] = identity
        }
        return identity
    }

    /// The full check: structure, algorithm, key, signature and claims.
    private func verifyUncached(_ token: String) async throws(AuthenticationError) -> AuthenticatedIdentity {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }),
              let headerJSON = Base64URL.decode(parts[0]),
              let header = try? JSONDecoder().decode(JOSEHeader.self, from: headerJSON)
        else { throw .malformedToken }
        guard let alg = header.alg, header.crit == nil else { throw .malformedToken }
        // Only EdDSA: `none`, HMAC (keyed with a public key), RSA or ECDSA never reach a key.
        guard alg == "EdDSA" else { throw .invalidSignature }

        let ring = self.ring.withLock { $0 }
        // The kid must name a trusted key: jwt-kit would otherwise fall back to a default key.
        guard let kid = header.kid, ring.keys[kid] != nil else {
            if header.kid != nil, let handler = unknownKeyHandler.withLock({ $0 }) { handler() }
            throw .invalidSignature
        }

        let claims: AccessClaims
        do {
            claims = try await ring.collection.value.verify(token, as: AccessClaims.self)
        } catch let error as AuthenticationError {
            throw error
        } catch let error as JWTError where error.errorType == .signatureVerificationFailed {
            throw .invalidSignature
        } catch {
            throw .malformedToken
        }
        try claims.verifyIssuer(issuer)
        if let audience { try claims.verifyAudience(includes: audience) }
        return try AuthenticatedIdentity(claims: claims)
    }
}
