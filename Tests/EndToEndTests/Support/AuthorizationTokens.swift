import Crypto
import Foundation

/// Access tokens that must not open anything, made from a real token of the registration service: expired (signed
/// with the test signing key of ``RegistrationSettings``, so only the expiry is wrong), forged (the same claims signed
/// by another Ed25519 key under the same `kid`), tampered (more roles in the payload, the original signature) and
/// unsigned (`alg: none`).
struct AuthorizationTokens {
    /// Why a token was refused, as the suite's 401 problems name it.
    enum Flaw: String, CaseIterable, Sendable {
        case expired, forged, tampered, unsigned
    }

    /// A compact JWT taken apart (header and payload decoded, signature kept as sent).
    struct Parts {
        var header: [String: Any]
        var payload: [String: Any]
        var signature: String

        init(_ token: String) throws {
            let pieces = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard pieces.count == 3,
                  let header = Self.object(pieces[0]), let payload = Self.object(pieces[1])
            else { throw TokenFormatError(token: token) }
            self.header = header
            self.payload = payload
            self.signature = pieces[2]
        }

        static func object(_ part: String) -> [String: Any]? {
            TokenBase64URL.decode(part).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        }
    }

    struct TokenFormatError: Error, CustomStringConvertible {
        var token: String
        var description: String { "not a compact JWT: \(token.prefix(20))…" }
    }

    /// The bad tokens, each derived from `valid` (a token of the strongest account, the administrator).
    let bad: [Flaw: String]
    /// `valid`'s claims signed again with the test signing key: must be accepted, which proves the expired token is
    /// refused for its expiry and not for how this file signs.
    let resigned: String

    /// - Parameter signingSeed: the 32-byte seed of the registration service's signing key.
    init(valid: String, signingSeed: Data, now: Date = Date()) throws {
        let parts = try Parts(valid)
        let testKey = try Curve25519.Signing.PrivateKey(rawRepresentation: signingSeed)
        let strangerKey = Curve25519.Signing.PrivateKey()

        var expired = parts.payload
        let past = Int(now.timeIntervalSince1970) - 7_200
        expired["iat"] = past
        expired["nbf"] = past
        expired["exp"] = past + 3_600  // an hour ago: far beyond the verifiers' 30 s of leeway
        expired["jti"] = UUID().uuidString.lowercased()

        var tampered = parts.payload
        tampered["roles"] = ["applicant", "verifier", "supervisor", "exam_officer", "announcer", "admin"]
        let tamperedToken = try Self.encode(parts.header) + "." + Self.encode(tampered) + "." + parts.signature

        var unsignedHeader = parts.header
        unsignedHeader["alg"] = "none"
        let unsigned = try Self.encode(unsignedHeader) + "." + Self.encode(parts.payload) + "."

        bad = [
            .expired: try Self.sign(header: parts.header, payload: expired, with: testKey),
            .forged: try Self.sign(header: parts.header, payload: parts.payload, with: strangerKey),
            .tampered: tamperedToken,
            .unsigned: unsigned,
        ]
        resigned = try Self.sign(header: parts.header, payload: parts.payload, with: testKey)
    }

    /// The `iss` of `token`'s payload.
    static func issuer(of token: String) throws -> String? {
        try Parts(token).payload["iss"] as? String
    }

    static func sign(header: [String: Any], payload: [String: Any], with key: Curve25519.Signing.PrivateKey) throws
        -> String
    {
        let input = try encode(header) + "." + encode(payload)
        let signature = try key.signature(for: Data(input.utf8))
        return input + "." + TokenBase64URL.encode(signature)
    }

    static func encode(_ object: [String: Any]) throws -> String {
        TokenBase64URL.encode(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }
}

/// Unpadded base64url (RFC 7515 §2).
enum TokenBase64URL {
    static func encode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
