import Crypto
import Foundation
import JWTKit
@testable import ServiceKit

/// Ed25519 keys and tokens for the authentication tests, signed with jwt-kit or assembled by hand.
enum TokenFixtures {
    static let issuer = "https://registration.asn.test"
    static let accountId = UUID(uuidString: "5D0C6F5E-1B7A-4C4B-9A39-0D9C3B4E2F11")!

    /// A signing key and the public key (with RFC 7638 kid) a verifier trusts it by.
    struct Signer: Sendable {
        let privateKey: Curve25519.Signing.PrivateKey
        let publicKey: PublicSigningKey

        init(seed: UInt8) {
            privateKey = try! Curve25519.Signing.PrivateKey(rawRepresentation: Data(repeating: seed, count: 32))
            publicKey = try! PublicSigningKey(rawRepresentation: privateKey.publicKey.rawRepresentation)
        }

        /// A token signed with jwt-kit, naming `kid` (by default this key's).
        func sign(_ claims: AccessClaims, kid: String? = nil) async throws -> String {
            let keys = JWTKeyCollection()
            let kid = JWKIdentifier(string: kid ?? publicKey.keyId)
            await keys.add(eddsa: EdDSA.PrivateKey(backing: privateKey), kid: kid)
            return try await keys.sign(claims, kid: kid)
        }

        /// A token from raw header and payload JSON, signed with this key's Ed25519 signature.
        func signRaw(header: String, payload: String) throws -> String {
            let input = TokenFixtures.b64(header) + "." + TokenFixtures.b64(payload)
            let signature = try privateKey.signature(for: Data(input.utf8))
            return input + "." + Base64URL.encode(signature)
        }

        var jwksJSON: String { PublicSigningKey.jwksJSON(for: [publicKey]) }
    }

    static let current = Signer(seed: 1)
    static let previous = Signer(seed: 2)
    static let stranger = Signer(seed: 3)

    static func claims(
        roles: [Role] = [.applicant], issuedAt: Date = Date(), lifetime: TimeInterval = 900, notBefore: Date? = nil,
        issuer: String = issuer, audience: [String]? = nil, name: String? = "Maria Lopes"
    ) -> AccessClaims {
        let issuedAt = Date(timeIntervalSince1970: issuedAt.timeIntervalSince1970.rounded(.down))
        return AccessClaims(
            issuer: issuer, accountId: accountId, audience: audience, issuedAt: issuedAt,
            expiresAt: issuedAt.addingTimeInterval(lifetime), notBefore: notBefore, tokenId: UUID().uuidString,
            roles: roles, name: name)
    }

    /// Valid claims as raw JSON, for hand-built tokens.
    static func payloadJSON(roles: [String] = ["applicant"], sub: String? = nil, issuer: String = issuer) -> String {
        let now = Int(Date().timeIntervalSince1970)
        let roleList = roles.map { "\"\($0)\"" }.joined(separator: ",")
        return #"{"iss":"\#(issuer)","sub":"\#(sub ?? accountId.uuidString.lowercased())","iat":\#(now),"nbf":\#(now),"#
            + #""exp":\#(now + 900),"jti":"t-1","roles":[\#(roleList)]}"#
    }

    static func b64(_ json: String) -> String { Base64URL.encode(Data(json.utf8)) }

    static func verifier(_ signers: Signer...) -> AccessTokenVerifier {
        AccessTokenVerifier(keys: signers.map(\.publicKey), issuer: issuer)
    }
}
