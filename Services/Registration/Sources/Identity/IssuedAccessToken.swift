public import Foundation
public import ServiceKit

/// The answer to a successful login: `{"accessToken", "tokenType", "expiresIn", "expiresAt", "roles"}`.
///
/// Its description leaves the token out, so logging the value cannot leak it.
public struct IssuedAccessToken: Codable, Sendable, Equatable, CustomStringConvertible {
    /// The compact JWT, to send as `Authorization: Bearer <accessToken>`.
    public var accessToken: String
    /// Always `Bearer`.
    public var tokenType: String
    /// Seconds until the token expires, counted from its issue time.
    public var expiresIn: Int
    /// When the token expires.
    public var expiresAt: Date
    /// The roles the token grants.
    public var roles: [Role]

    public init(accessToken: String, tokenType: String = "Bearer", expiresIn: Int, expiresAt: Date, roles: [Role]) {
        self.accessToken = accessToken
        self.tokenType = tokenType
        self.expiresIn = expiresIn
        self.expiresAt = expiresAt
        self.roles = roles
    }

    public var description: String {
        "IssuedAccessToken(tokenType: \(tokenType), expiresIn: \(expiresIn), roles: \(roles.map(\.rawValue)))"
    }
}
