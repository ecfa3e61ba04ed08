/// Why a request is not authenticated (401) or not allowed (403).
///
/// No case carries the token or anything taken from it, so the error can be logged and answered safely.
public enum AuthenticationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `Authorization: Bearer` token where one is required.
    case missingToken
    /// The header or the token is not well-formed (not `Bearer <jwt>`, not three base64url parts, bad claims).
    case malformedToken
    /// The token is not signed by a trusted EdDSA key: unknown `kid`, another algorithm (`none`, `HS256`, …), or a
    /// signature that does not match.
    case invalidSignature
    /// The token's `exp` has passed.
    case expired
    /// The token's `nbf` lies in the future.
    case notYetValid
    /// The token was minted by another issuer.
    case wrongIssuer
    /// The token is meant for another audience.
    case wrongAudience
    /// Authenticated, but without any of the roles the action requires.
    case forbidden(required: [Role])

    public var description: String {
        switch self {
        case .missingToken: "no bearer token"
        case .malformedToken: "malformed bearer token"
        case .invalidSignature: "token not signed by a trusted key"
        case .expired: "token expired"
        case .notYetValid: "token not yet valid"
        case .wrongIssuer: "token from another issuer"
        case .wrongAudience: "token for another audience"
        case .forbidden(let roles): "requires one of the roles \(roles.map(\.rawValue).joined(separator: ", "))"
        }
    }
}
