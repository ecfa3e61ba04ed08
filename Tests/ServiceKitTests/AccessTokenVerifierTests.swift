import Crypto
import Foundation
import HTTPTypes
import JWTKit
import Testing
@testable import ServiceKit

/// Access tokens verify only when an Ed25519 key of the JWKS signed them with EdDSA, for our issuer, in time.
@Suite struct AccessTokenVerifierTests {
    typealias Fixtures = TokenFixtures

    /// The error `verify` throws for `token`, or `nil` when it verifies.
    static func failure(_ verifier: AccessTokenVerifier, _ token: String) async -> AuthenticationError? {
        do {
            _ = try await verifier.verify(token)
            return nil
        } catch {
            return error
        }
    }

    @Test func aSignedTokenRoundTrips() async throws {
        let claims = Fixtures.claims(roles: [.verifier, .supervisor])
        let token = try await Fixtures.current.sign(claims)
        let identity = try await Fixtures.verifier(Fixtures.current).verify(token)
        #expect(identity.accountId == Fixtures.accountId)
        #expect(identity.roles == [.verifier, .supervisor])
        #expect(identity.name == "Maria Lopes")
        #expect(identity.tokenId == claims.jti.value)
        #expect(identity.expiresAt == claims.exp.value)
        #expect(!identity.description.contains("Maria"), "the display name stays out of logs")
    }

    @Test func aVerifierBuiltFromJWKSJSONVerifies() async throws {
        let verifier = try AccessTokenVerifier(jwksJSON: Fixtures.current.jwksJSON, issuer: Fixtures.issuer)
        #expect(verifier.keyIds == [Fixtures.current.publicKey.keyId])
        let identity = try await verifier.verify(try await Fixtures.current.sign(Fixtures.claims()))
        #expect(identity.roles == [.applicant])
    }

    @Test func anExpiredTokenIsRejected() async throws {
        let token = try await Fixtures.current.sign(
            Fixtures.claims(issuedAt: Date().addingTimeInterval(-7200), lifetime: 900))
        #expect(await Self.failure(Fixtures.verifier(Fixtures.current), token) == .expired)
    }

    @Test func clocksMayDisagreeByTheLeeway() async throws {
        let verifier = Fixtures.verifier(Fixtures.current)
        // Expired 10 s ago, valid from 10 s ahead: both within the 30 s leeway.
        let late = try await Fixtures.current.sign(Fixtures.claims(issuedAt: Date().addingTimeInterval(-910)))
        #expect(await Self.failure(verifier, late) == nil)
        let early = try await Fixtures.current.sign(Fixtures.claims(issuedAt: Date().addingTimeInterval(10)))
        #expect(await Self.failure(verifier, early) == nil)
    }

    @Test func aCachedTokenStillExpires() async throws {
        let verifier = Fixtures.verifier(Fixtures.current)
        // Expired 15 s ago: valid for 15 more seconds of leeway (room for a machine loaded by the whole suite), cached
        // by the first check.
        let token = try await Fixtures.current.sign(Fixtures.claims(issuedAt: Date().addingTimeInterval(-915)))
        #expect(await Self.failure(verifier, token) == nil)
        #expect(await Self.failure(verifier, token) == nil)
        try await Task.sleep(for: .seconds(16))
        #expect(await Self.failure(verifier, token) == .expired)
    }

    @Test func aTokenNotValidYetIsRejected() async throws {
        let token = try await Fixtures.current.sign(Fixtures.claims(notBefore: Date().addingTimeInterval(3600)))
        #expect(await Self.failure(Fixtures.verifier(Fixtures.current), token) == .notYetValid)
    }

    @Test func aTokenSignedByAnotherKeyIsRejected() async throws {
        let verifier = Fixtures.verifier(Fixtures.current)
        // Claiming the trusted kid, signed by another key.
        let forged = try await Fixtures.stranger.sign(Fixtures.claims(), kid: Fixtures.current.publicKey.keyId)
        #expect(await Self.failure(verifier, forged) == .invalidSignature)
        // Naming its own, unknown kid: jwt-kit must not fall back to the trusted key.
        let unknown = try await Fixtures.stranger.sign(Fixtures.claims())
        #expect(await Self.failure(verifier, unknown) == .invalidSignature)
        // Without any kid.
        let noKid = try Fixtures.current.signRaw(
            header: #"{"alg":"EdDSA","typ":"JWT"}"#, payload: Fixtures.payloadJSON())
        #expect(await Self.failure(verifier, noKid) == .invalidSignature)
    }

    @Test func anUnsecuredTokenIsRejected() async throws {
        let verifier = Fixtures.verifier(Fixtures.current)
        let kid = Fixtures.current.publicKey.keyId
        for alg in ["none", "None", "NONE"] {
            let header = Fixtures.b64(#"{"alg":"\#(alg)","typ":"JWT","kid":"\#(kid)"}"#)
            let unsigned = header + "." + Fixtures.b64(Fixtures.payloadJSON(roles: ["admin"])) + "."
            #expect(await Self.failure(verifier, unsigned) != nil)
            // Even with something in the signature position.
            #expect(await Self.failure(verifier, unsigned + "AAAA") == .invalidSignature)
        }
    }

    @Test func anHMACTokenKeyedWithThePublicKeyIsRejected() async throws {
        let verifier = Fixtures.verifier(Fixtures.current)
        let publicKey = Fixtures.current.publicKey
        // The classic confusion: HS256 with the public key (raw, or as published) as the shared secret.
        for secret in [publicKey.rawRepresentation, Data(publicKey.x.utf8), Data(Fixtures.current.jwksJSON.utf8)] {
            let input = Fixtures.b64(#"{"alg":"HS256","typ":"JWT","kid":"\#(publicKey.keyId)"}"#) + "."
                + Fixtures.b64(Fixtures.payloadJSON(roles: ["admin"]))
            let mac = HMAC<SHA256>.authenticationCode(for: Data(input.utf8), using: SymmetricKey(data: secret))
            #expect(await Self.failure(verifier, input + "." + Base64URL.encode(mac)) == .invalidSignature)
        }
        // And a genuine EdDSA signature under a header that claims another algorithm.
        let relabelled = try Fixtures.current.signRaw(
            header: #"{"alg":"HS256","kid":"\#(publicKey.keyId)"}"#, payload: Fixtures.payloadJSON())
        #expect(await Self.failure(verifier, relabelled) == .invalidSignature)
    }

    @Test func aTokenFromAnotherIssuerIsRejected() async throws {
        let token = try await Fixtures.current.sign(Fixtures.claims(issuer: "https://evil.example"))
        #expect(await Self.failure(Fixtures.verifier(Fixtures.current), token) == .wrongIssuer)
    }

    @Test func theAudienceIsCheckedWhenRequired() async throws {
        let verifier = AccessTokenVerifier(
            keys: [Fixtures.current.publicKey], issuer: Fixtures.issuer, audience: "exam-scoring")
        let forUs = try await Fixtures.current.sign(Fixtures.claims(audience: ["exam-scoring", "announcements"]))
        #expect(await Self.failure(verifier, forUs) == nil)
        let forOthers = try await Fixtures.current.sign(Fixtures.claims(audience: ["announcements"]))
        #expect(await Self.failure(verifier, forOthers) == .wrongAudience)
        let forAnyone = try await Fixtures.current.sign(Fixtures.claims())
        #expect(await Self.failure(verifier, forAnyone) == .wrongAudience)
    }

    @Test func aTamperedPayloadIsRejected() async throws {
        let token = try await Fixtures.current.sign(Fixtures.claims(roles: [.applicant]))
        let parts = token.split(separator: ".").map(String.init)
        let payloadJSON = try #require(Base64URL.decode(parts[1]))
        var payload = try #require(JSONSerialization.jsonObject(with: payloadJSON) as? [String: Any])
        payload["roles"] = ["admin"]
        let tampered = parts[0] + "." + Base64URL.encode(try JSONSerialization.data(withJSONObject: payload)) + "."
            + parts[2]
        #expect(await Self.failure(Fixtures.verifier(Fixtures.current), tampered) == .invalidSignature)
        // A flipped signature byte.
        var signature = try #require(Base64URL.decode(parts[2]))
        signature[0] ^= 0x01
        let flipped = parts[0] + "." + parts[1] + "." + Base64URL.encode(signature)
        #expect(await Self.failure(Fixtures.verifier(Fixtures.current), flipped) == .invalidSignature)
    }

    @Test(arguments: ["", "abc", "a.b", "a.b.c.d", "a..c", "!!!.e30.sig", "e30.e30.e30", "eyJhbGciOiJFZERTQSJ9.e30"])
    func aMalformedTokenIsRejected(token: String) async {
        let failure = await Self.failure(Fixtures.verifier(Fixtures.current), token)
        #expect(failure == (token.isEmpty ? .missingToken : .malformedToken))
    }

    @Test func anOversizeTokenIsMalformed() async throws {
        let claims = Fixtures.claims(name: String(repeating: "x", count: AccessTokenVerifier.maximumTokenLength))
        let token = try await Fixtures.current.sign(claims)
        #expect(await Self.failure(Fixtures.verifier(Fixtures.current), token) == .malformedToken)
    }

    @Test func signedButUnusableClaimsAreMalformed() async throws {
        let verifier = Fixtures.verifier(Fixtures.current)
        let header = #"{"alg":"EdDSA","kid":"\#(Fixtures.current.publicKey.keyId)"}"#
        let notUUID = try Fixtures.current.signRaw(header: header, payload: Fixtures.payloadJSON(sub: "maria"))
        #expect(await Self.failure(verifier, notUUID) == .malformedToken)
        let noExpiry = try Fixtures.current.signRaw(header: header, payload: #"{"iss":"\#(Fixtures.issuer)"}"#)
        #expect(await Self.failure(verifier, noExpiry) == .malformedToken)
        let critical = try Fixtures.current.signRaw(
            header: #"{"alg":"EdDSA","kid":"\#(Fixtures.current.publicKey.keyId)","crit":["exp"]}"#,
            payload: Fixtures.payloadJSON())
        #expect(await Self.failure(verifier, critical) == .malformedToken)
    }

    @Test func unknownRolesAreDropped() async throws {
        let token = try Fixtures.current.signRaw(
            header: #"{"alg":"EdDSA","kid":"\#(Fixtures.current.publicKey.keyId)"}"#,
            payload: Fixtures.payloadJSON(roles: ["admin", "superuser", "exam_officer"]))
        let identity = try await Fixtures.verifier(Fixtures.current).verify(token)
        #expect(identity.roles == [.admin, .examOfficer])
    }

    // MARK: Key sets

    @Test func theKeyIdIsTheRFC7638Thumbprint() throws {
        // RFC 8037 appendix A.1 and A.3.
        let x = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
        let key = try PublicSigningKey(rawRepresentation: try #require(Base64URL.decode(x)))
        #expect(key.x == x)
        #expect(key.keyId == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k")
        #expect(key.thumbprint == key.keyId)
    }

    @Test func thePublishedKeySetHoldsPublicKeysOnly() throws {
        let json = PublicSigningKey.jwksJSON(for: [Fixtures.current.publicKey, Fixtures.previous.publicKey])
        let document = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let keys = try #require(document["keys"] as? [[String: Any]])
        #expect(keys.count == 2)
        for key in keys {
            #expect(Set(key.keys) == ["kty", "crv", "x", "kid", "use", "alg"])
            #expect(key["kty"] as? String == "OKP")
            #expect(key["crv"] as? String == "Ed25519")
            #expect(key["alg"] as? String == "EdDSA")
            #expect(key["use"] as? String == "sig")
        }
        let kids = keys.map { $0["kid"] as? String }
        #expect(kids == [Fixtures.current.publicKey.keyId, Fixtures.previous.publicKey.keyId])
        #expect(try PublicSigningKey.keys(fromJWKS: json) == [Fixtures.current.publicKey, Fixtures.previous.publicKey])
    }

    @Test func aKeySetWithSecretMaterialIsRefused() throws {
        let x = Fixtures.current.publicKey.x
        let seed = Base64URL.encode(Fixtures.current.privateKey.rawRepresentation)
        let privateOKP = #"{"keys":[{"kty":"OKP","crv":"Ed25519","x":"\#(x)","d":"\#(seed)","kid":"k1"}]}"#
        #expect(throws: KeySetError.secretKeyMaterial(keyId: "k1")) {
            try AccessTokenVerifier(jwksJSON: privateOKP, issuer: Fixtures.issuer)
        }
        let symmetric = #"{"keys":[{"kty":"oct","k":"c2VjcmV0","alg":"HS256","kid":"h1"}]}"#
        #expect(throws: KeySetError.secretKeyMaterial(keyId: "h1")) {
            try AccessTokenVerifier(jwksJSON: symmetric, issuer: Fixtures.issuer)
        }
        // A secret anywhere in the set refuses the whole set, even next to a good key.
        let mixed = #"{"keys":[\#(Self.okp(x, kid: "good")),{"kty":"oct","k":"c2VjcmV0"}]}"#
        #expect(throws: KeySetError.secretKeyMaterial(keyId: nil)) {
            try PublicSigningKey.keys(fromJWKS: mixed)
        }
    }

    @Test func keysThatCannotVerifyEdDSAAreSkipped() throws {
        let x = Fixtures.current.publicKey.x
        let rsa = #"{"kty":"RSA","n":"0vx7agoebGcQSuu","e":"AQAB","alg":"RS256","kid":"r1"}"#
        let encryption = #"{"kty":"OKP","crv":"Ed25519","x":"\#(x)","use":"enc","kid":"e1"}"#
        let otherAlg = #"{"kty":"OKP","crv":"Ed25519","x":"\#(x)","alg":"ES256","kid":"e2"}"#
        let x25519 = #"{"kty":"OKP","crv":"X25519","x":"\#(x)","kid":"e3"}"#
        let keys = try PublicSigningKey.keys(
            fromJWKS: #"{"keys":[\#(rsa),\#(encryption),\#(otherAlg),\#(x25519),\#(Self.okp(x, kid: "ok"))]}"#)
        #expect(keys.map(\.keyId) == ["ok"])
        #expect(throws: KeySetError.noUsableKeys) { try PublicSigningKey.keys(fromJWKS: #"{"keys":[\#(rsa)]}"#) }
        #expect(throws: KeySetError.noUsableKeys) { try PublicSigningKey.keys(fromJWKS: #"{"keys":[]}"#) }
    }

    @Test func aBrokenKeySetIsRefused() throws {
        #expect(throws: KeySetError.notAKeySet) { try PublicSigningKey.keys(fromJWKS: "not json") }
        #expect(throws: KeySetError.notAKeySet) { try PublicSigningKey.keys(fromJWKS: #"[{"kty":"OKP"}]"#) }
        let short = Base64URL.encode(Data(repeating: 1, count: 31))
        #expect(throws: KeySetError.invalidKey(keyId: "s", reason: "an Ed25519 public key is 32 bytes")) {
            try PublicSigningKey.keys(fromJWKS: #"{"keys":[\#(Self.okp(short, kid: "s"))]}"#)
        }
        let x = Fixtures.current.publicKey.x
        #expect(throws: KeySetError.duplicateKeyId("d")) {
            try PublicSigningKey.keys(fromJWKS: #"{"keys":[\#(Self.okp(x, kid: "d")),\#(Self.okp(x, kid: "d"))]}"#)
        }
        // Without a kid, a key is known by its thumbprint.
        let unnamed = try PublicSigningKey.keys(fromJWKS: #"{"keys":[{"kty":"OKP","crv":"Ed25519","x":"\#(x)"}]}"#)
        #expect(unnamed.map(\.keyId) == [Fixtures.current.publicKey.thumbprint])
    }

    @Test func tokensOfThePreviousKeyVerifyDuringARotation() async throws {
        let verifier = try AccessTokenVerifier(jwksJSON: Fixtures.previous.jwksJSON, issuer: Fixtures.issuer)
        let old = try await Fixtures.previous.sign(Fixtures.claims())
        let new = try await Fixtures.current.sign(Fixtures.claims())
        #expect(await Self.failure(verifier, old) == nil)
        #expect(await Self.failure(verifier, new) == .invalidSignature)

        // Rotation: the JWKS publishes the current key and the previous one.
        try verifier.replaceKeys(
            jwksJSON: PublicSigningKey.jwksJSON(for: [Fixtures.current.publicKey, Fixtures.previous.publicKey]))
        #expect(verifier.keyIds.count == 2)
        #expect(await Self.failure(verifier, old) == nil)
        #expect(await Self.failure(verifier, new) == nil)

        // A refused key set leaves the trusted keys in place.
        #expect(throws: KeySetError.notAKeySet) { try verifier.replaceKeys(jwksJSON: "{}") }
        #expect(await Self.failure(verifier, old) == nil)

        // Once the previous key's tokens have expired it is dropped.
        try verifier.replaceKeys(jwksJSON: Fixtures.current.jwksJSON)
        #expect(await Self.failure(verifier, old) == .invalidSignature)
        #expect(await Self.failure(verifier, new) == nil)
    }

    // MARK: Problems

    @Test func unauthenticatedProblemsChallengeForABearerToken() {
        let cases: [(AuthenticationError, String)] = [
            (.missingToken, "/problems/unauthenticated"), (.malformedToken, "/problems/invalid-token"),
            (.invalidSignature, "/problems/invalid-token"), (.expired, "/problems/token-expired"),
            (.notYetValid, "/problems/invalid-token"), (.wrongIssuer, "/problems/invalid-token"),
            (.wrongAudience, "/problems/invalid-token"),
        ]
        for (error, type) in cases {
            let problem = error.problem
            #expect(problem.status == .unauthorized)
            #expect(problem.type == type)
            let challenge = problem.headers[.wwwAuthenticate]
            #expect(challenge?.hasPrefix(#"Bearer realm="asn-recruitment""#) == true, "\(error)")
            #expect((challenge?.contains(#"error="invalid_token""#) == true) == (error != .missingToken))
        }
        let forbidden = AuthenticationError.forbidden(required: [.verifier, .supervisor]).problem
        #expect(forbidden.status == .forbidden)
        #expect(forbidden.type == "/problems/forbidden")
        #expect(forbidden.detail?.contains("verifier, supervisor") == true)
        #expect(forbidden.headers[.wwwAuthenticate] == nil)
    }

    static func okp(_ x: String, kid: String) -> String {
        #"{"kty":"OKP","crv":"Ed25519","x":"\#(x)","kid":"\#(kid)","use":"sig","alg":"EdDSA"}"#
    }
}
