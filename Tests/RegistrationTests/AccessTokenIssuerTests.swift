import Foundation
import ServiceKit
import Testing
@testable import Registration

/// The identity provider's tokens: EdDSA JWTs with roles, a JWKS of public keys only, and key rotation.
@Suite struct AccessTokenIssuerTests {
    static let issuerName = "https://registration.asn.test"
    static let currentSeed = Data((0..<32).map { UInt8($0) }).base64EncodedString()
    static let previousSeed = Data((0..<32).map { UInt8(255 - $0) }).base64EncodedString()
    static let accountId = UUID(uuidString: "9F1E2D3C-4B5A-4678-9123-456789ABCDEF")!
    /// A fixed instant with a fractional second, to show times are whole seconds.
    static let now = Date(timeIntervalSince1970: 1_900_000_000.75)

    static func issuer(seed: String = currentSeed, previous: [String] = [], lifetime: Duration = .seconds(900))
        throws -> AccessTokenIssuer
    {
        try AccessTokenIssuer(
            privateKeyBase64: seed, issuer: issuerName, lifetime: lifetime, previousPublicKeysBase64: previous)
    }

    static func failure(_ verifier: AccessTokenVerifier, _ token: String) async -> AuthenticationError? {
        do {
            _ = try await verifier.verify(token)
            return nil
        } catch {
            return error
        }
    }

    /// The JSON object in segment `index` of a compact JWT.
    static func segment(_ token: String, _ index: Int) throws -> [String: Any] {
        var text = String(token.split(separator: ".")[index])
            .replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        text += String(repeating: "=", count: (4 - text.count % 4) % 4)
        let data = try #require(Data(base64Encoded: text))
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func anIssuedTokenVerifies() async throws {
        let issuer = try Self.issuer()
        let issued = try await issuer.issue(
            accountId: Self.accountId, roles: [.verifier, .supervisor], name: "Yohanes Bria", now: Date())
        #expect(issued.tokenType == "Bearer")
        #expect(issued.expiresIn == 900)
        #expect(issued.roles == [.verifier, .supervisor])
        let identity = try await issuer.verifier().verify(issued.accessToken)
        #expect(identity.accountId == Self.accountId)
        #expect(identity.roles == [.verifier, .supervisor])
        #expect(identity.name == "Yohanes Bria")
        #expect(identity.expiresAt == issued.expiresAt)
        // Every token has its own id.
        let again = try await issuer.issue(accountId: Self.accountId, roles: [.verifier], name: nil, now: Date())
        #expect(try await issuer.verifier().verify(again.accessToken).tokenId != identity.tokenId)
    }

    @Test func theTokenCarriesTheDocumentedHeaderAndClaims() async throws {
        let issuer = try Self.issuer()
        let issued = try await issuer.issue(
            accountId: Self.accountId, roles: [.examOfficer], name: "Yohanes Bria", now: Self.now)
        let header = try Self.segment(issued.accessToken, 0)
        #expect(header["alg"] as? String == "EdDSA")
        #expect(header["typ"] as? String == "JWT")
        #expect(header["kid"] as? String == issuer.signingKey.keyId)
        #expect(issuer.signingKey.keyId == issuer.signingKey.thumbprint)

        let claims = try Self.segment(issued.accessToken, 1)
        #expect(Set(claims.keys) == ["iss", "sub", "exp", "iat", "nbf", "jti", "roles", "name"])
        #expect(claims["iss"] as? String == Self.issuerName)
        #expect(claims["sub"] as? String == "9f1e2d3c-4b5a-4678-9123-456789abcdef")
        #expect(claims["roles"] as? [String] == ["exam_officer"])
        #expect(claims["name"] as? String == "Yohanes Bria")
        #expect((claims["jti"] as? String)?.isEmpty == false)
        // Whole seconds since 1970.
        #expect(claims["iat"] as? Int == 1_900_000_000)
        #expect(claims["nbf"] as? Int == 1_900_000_000)
        #expect(claims["exp"] as? Int == 1_900_000_900)
        #expect(issued.expiresAt == Date(timeIntervalSince1970: 1_900_000_900))
    }

    @Test func theLoginResponseEncodesTheDocumentedFields() async throws {
        let issued = try await Self.issuer().issue(
            accountId: Self.accountId, roles: [.applicant], name: nil, now: Self.now)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(issued)) as? [String: Any]
        #expect(Set(json?.keys ?? [:].keys) == ["accessToken", "tokenType", "expiresIn", "expiresAt", "roles"])
        #expect(json?["tokenType"] as? String == "Bearer")
        #expect(json?["expiresIn"] as? Int == 900)
        #expect(json?["roles"] as? [String] == ["applicant"])
        #expect(try JSONDecoder().decode(IssuedAccessToken.self, from: JSONEncoder().encode(issued)) == issued)
        // Logging the value cannot leak the token.
        #expect(!issued.description.contains(issued.accessToken))
        #expect(!"\(issued)".contains(issued.accessToken.prefix(20)))
    }

    @Test func aTokenIssuedLongAgoHasExpired() async throws {
        let issuer = try Self.issuer()
        let issued = try await issuer.issue(
            accountId: Self.accountId, roles: [.applicant], name: nil, now: Date().addingTimeInterval(-86_400))
        #expect(await Self.failure(issuer.verifier(), issued.accessToken) == .expired)
    }

    @Test func aTokenOfAnotherKeyOrIssuerIsRejected() async throws {
        let ours = try Self.issuer()
        let otherKey = try Self.issuer(seed: Self.previousSeed)
        let token = try await otherKey.issue(accountId: Self.accountId, roles: [.admin], name: nil, now: Date())
        #expect(await Self.failure(ours.verifier(), token.accessToken) == .invalidSignature)

        let otherIssuer = try AccessTokenIssuer(privateKeyBase64: Self.currentSeed, issuer: "https://elsewhere.test")
        let foreign = try await otherIssuer.issue(accountId: Self.accountId, roles: [.admin], name: nil, now: Date())
        #expect(await Self.failure(ours.verifier(), foreign.accessToken) == .wrongIssuer)
    }

    @Test func theJWKSPublishesTheCurrentAndPreviousPublicKeysOnly() throws {
        let previous = try Self.issuer(seed: Self.previousSeed)
        let previousPublic = previous.signingKey.rawRepresentation.base64EncodedString()
        let issuer = try Self.issuer(previous: [previousPublic])
        let document = try #require(
            JSONSerialization.jsonObject(with: Data(issuer.jwksJSON.utf8)) as? [String: Any])
        let keys = try #require(document["keys"] as? [[String: Any]])
        #expect(keys.map { $0["kid"] as? String } == [issuer.signingKey.keyId, previous.signingKey.keyId])
        for key in keys {
            #expect(key["d"] == nil, "no private part")
            #expect(Set(key.keys) == ["kty", "crv", "x", "kid", "use", "alg"])
            #expect(key["kty"] as? String == "OKP")
            #expect(key["crv"] as? String == "Ed25519")
            #expect(key["use"] as? String == "sig")
            #expect(key["alg"] as? String == "EdDSA")
        }
        #expect(!issuer.jwksJSON.contains(Self.currentSeed))
        // Other services build their verifier from exactly this document.
        let verifier = try AccessTokenVerifier(jwksJSON: issuer.jwksJSON, issuer: Self.issuerName)
        #expect(verifier.keyIds == [issuer.signingKey.keyId, previous.signingKey.keyId].sorted())
        // The current key listed again as "previous" is published once.
        let repeated = try Self.issuer(previous: [issuer.signingKey.rawRepresentation.base64EncodedString()])
        #expect(repeated.publishedKeys.count == 1)
    }

    @Test func tokensOfThePreviousKeyVerifyDuringARotation() async throws {
        let before = try Self.issuer(seed: Self.previousSeed)
        let oldToken = try await before.issue(accountId: Self.accountId, roles: [.announcer], name: nil, now: Date())

        let after = try Self.issuer(previous: [before.signingKey.rawRepresentation.base64EncodedString()])
        let newToken = try await after.issue(accountId: Self.accountId, roles: [.announcer], name: nil, now: Date())

        // A service that fetched the JWKS published during the rotation accepts both.
        let verifier = try AccessTokenVerifier(jwksJSON: after.jwksJSON, issuer: Self.issuerName)
        #expect(try await verifier.verify(oldToken.accessToken).roles == [.announcer])
        #expect(try await verifier.verify(newToken.accessToken).roles == [.announcer])
        #expect(await Self.failure(after.verifier(), oldToken.accessToken) == nil)

        // After the rotation the previous key is no longer published, and its tokens no longer verify.
        let done = try Self.issuer()
        try verifier.replaceKeys(jwksJSON: done.jwksJSON)
        #expect(await Self.failure(verifier, oldToken.accessToken) == .invalidSignature)
        #expect(await Self.failure(verifier, newToken.accessToken) == nil)
    }

    @Test func badKeyConfigurationIsATypedError() throws {
        #expect(throws: AccessTokenIssuerError.invalidSigningKey) {
            try AccessTokenIssuer(privateKeyBase64: "not base64!", issuer: Self.issuerName)
        }
        #expect(throws: AccessTokenIssuerError.invalidSigningKey) {
            try AccessTokenIssuer(
                privateKeyBase64: Data(repeating: 1, count: 31).base64EncodedString(), issuer: Self.issuerName)
        }
        #expect(throws: AccessTokenIssuerError.invalidPreviousPublicKey(index: 1)) {
            try Self.issuer(previous: [Data(repeating: 2, count: 32).base64EncodedString(), "AAAA"])
        }
        #expect(throws: AccessTokenIssuerError.emptyIssuer) {
            try AccessTokenIssuer(privateKeyBase64: Self.currentSeed, issuer: "")
        }
        #expect(throws: AccessTokenIssuerError.invalidLifetime) { try Self.issuer(lifetime: .zero) }
        // The message names the problem, never the key.
        #expect(!AccessTokenIssuerError.invalidSigningKey.description.contains(Self.currentSeed))
    }
}
