public import Foundation
import JWTKit

/// Who made a request, from a verified access token.
///
/// Its description names the account and roles only: the display name stays out of logs.
public struct AuthenticatedIdentity: Sendable, Equatable, CustomStringConvertible {
    /// The account id (the token's `sub`).
    public var accountId: UUID
    /// The roles the account holds.
    public var roles: Set<Role>
    /// Display name, if the token carried one.
    public var name: String?
    /// The token's `jti`.
    public var tokenId: String
    /// When the token expires.
    public var expiresAt: Date

    public init(accountId: UUID, roles: Set<Role>, name: String?, tokenId: String, expiresAt: Date) {
        self.accountId = accountId
        self.roles = roles
        self.name = name
        self.tokenId = tokenId
        self.expiresAt = expiresAt
    }

    /// The identity in verified claims; a `sub` that is not a UUID makes the token malformed.
    public init(claims: AccessClaims) throws(AuthenticationError) {
        guard let accountId = UUID(uuidString: claims.sub.value) else { throw .malformedToken }
        self.init(accountId: accountId, roles: Set(claims.roles), name: claims.name, tokenId: claims.jti.value,
                  expiresAt: claims.exp.value)
    }

    /// Whether the identity holds at least one of `roles`.
    public func hasAny(of roles: some Sequence<Role>) -> Bool {
        roles.contains { self.roles.contains($0) }
    }

    public var description: String {
        "account \(accountId.uuidString.lowercased()) roles [\(roles.map(\.rawValue).sorted().joined(separator: ","))]"
    }
}
