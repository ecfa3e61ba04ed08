public import Foundation
public import JWTKit

/// The claims of an access token (RFC 7519 registered claims plus `roles` and `name`).
///
/// `sub` is the account id as a lowercase UUID string. Times are whole seconds since 1970. Unknown role names are
/// dropped when decoding (an external issuer may know roles this suite does not), never an error.
public struct AccessClaims: JWTPayload, Equatable {
    /// How far clocks of issuer and verifier may disagree when checking `exp` and `nbf`.
    public static let leeway: TimeInterval = 30

    /// Issuer: who minted the token; verifiers require their configured issuer.
    public var iss: IssuerClaim
    /// Subject: the account id, lowercase UUID.
    public var sub: SubjectClaim
    /// Audience, when the issuer restricts where the token may be used.
    public var aud: AudienceClaim?
    /// Expiry.
    public var exp: ExpirationClaim
    /// Issue time.
    public var iat: IssuedAtClaim
    /// Not valid before.
    public var nbf: NotBeforeClaim?
    /// Token id, unique per token.
    public var jti: IDClaim
    /// The roles the account holds.
    public var roles: [Role]
    /// Display name of the account holder, for greeting; not used for decisions.
    public var name: String?

    /// Claims for `accountId`; `notBefore` defaults to `issuedAt`.
    public init(
        issuer: String, accountId: UUID, audience: [String]? = nil, issuedAt: Date, expiresAt: Date,
        notBefore: Date? = nil, tokenId: String, roles: [Role], name: String?
    ) {
        self.iss = IssuerClaim(value: issuer)
        self.sub = SubjectClaim(value: accountId.uuidString.lowercased())
        self.aud = audience.map { AudienceClaim(value: $0) }
        self.exp = ExpirationClaim(value: expiresAt)
        self.iat = IssuedAtClaim(value: issuedAt)
        self.nbf = NotBeforeClaim(value: notBefore ?? issuedAt)
        self.jti = IDClaim(value: tokenId)
        self.roles = roles
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, exp, iat, nbf, jti, roles, name
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.iss = try container.decode(IssuerClaim.self, forKey: .iss)
        self.sub = try container.decode(SubjectClaim.self, forKey: .sub)
        self.aud = try container.decodeIfPresent(AudienceClaim.self, forKey: .aud)
        self.exp = try container.decode(ExpirationClaim.self, forKey: .exp)
        self.iat = try container.decode(IssuedAtClaim.self, forKey: .iat)
        self.nbf = try container.decodeIfPresent(NotBeforeClaim.self, forKey: .nbf)
        self.jti = try container.decode(IDClaim.self, forKey: .jti)
        let roleNames = try container.decodeIfPresent([String].self, forKey: .roles) ?? []
        self.roles = roleNames.compactMap(Role.init(rawValue:))
        self.name = try container.decodeIfPresent(String.self, forKey: .name)
    }

    /// Called by jwt-kit once the signature is valid: the token must be within its validity window now.
    public func verify(using algorithm: some JWTAlgorithm) async throws {
        try verifyValidity(at: Date())
    }

    /// Checks `exp` and `nbf` against `now`, allowing ``leeway`` either side.
    public func verifyValidity(at now: Date, leeway: TimeInterval = Self.leeway) throws(AuthenticationError) {
        guard now < exp.value.addingTimeInterval(leeway) else { throw .expired }
        if let nbf, now < nbf.value.addingTimeInterval(-leeway) { throw .notYetValid }
    }

    /// Checks that the token was minted by `expected` (exact string comparison, as RFC 7519 asks).
    public func verifyIssuer(_ expected: String) throws(AuthenticationError) {
        guard iss.value == expected else { throw .wrongIssuer }
    }

    /// Checks that `aud` names `expected`.
    public func verifyAudience(includes expected: String) throws(AuthenticationError) {
        guard aud?.value.contains(expected) == true else { throw .wrongAudience }
    }
}
