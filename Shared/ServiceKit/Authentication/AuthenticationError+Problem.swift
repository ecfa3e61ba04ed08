import HTTPTypes

extension AuthenticationError: ProblemConvertible {
    /// The realm named in `WWW-Authenticate` challenges.
    static let realm = "asn-recruitment"

    /// 401 problems carry a `WWW-Authenticate: Bearer` challenge (RFC 6750 §3); 403 names the roles required.
    public var problem: Problem {
        switch self {
        case .missingToken:
            return Self.unauthorized(
                type: "/problems/unauthenticated", title: "Authentication required",
                detail: "Send an access token as `Authorization: Bearer <token>`.", error: nil)
        case .malformedToken:
            return Self.invalidToken("The access token is malformed.")
        case .invalidSignature:
            return Self.invalidToken("The access token is not signed by a trusted key.")
        case .expired:
            return Self.unauthorized(
                type: "/problems/token-expired", title: "Access token expired",
                detail: "The access token has expired; sign in again.", error: "The access token expired")
        case .notYetValid:
            return Self.invalidToken("The access token is not valid yet.")
        case .wrongIssuer:
            return Self.invalidToken("The access token was issued by an untrusted issuer.")
        case .wrongAudience:
            return Self.invalidToken("The access token is not meant for this service.")
        case .forbidden(let roles):
            let names = roles.map(\.rawValue).joined(separator: ", ")
            return Problem(
                type: "/problems/forbidden", title: "Not allowed", status: .forbidden,
                detail: roles.isEmpty
                    ? "Your account may not perform this action."
                    : "This action requires one of the roles: \(names).")
        }
    }

    private static func invalidToken(_ detail: String) -> Problem {
        unauthorized(type: "/problems/invalid-token", title: "Invalid access token", detail: detail, error: detail)
    }

    /// A 401 problem with its challenge; `error` adds `error="invalid_token"` and a description (fixed texts only).
    private static func unauthorized(type: String, title: String, detail: String, error: String?) -> Problem {
        var problem = Problem(type: type, title: title, status: .unauthorized, detail: detail)
        var challenge = #"Bearer realm="\#(realm)""#
        if let error {
            let description = error.hasSuffix(".") ? String(error.dropLast()) : error
            challenge += #", error="invalid_token", error_description="\#(description)""#
        }
        problem.headers[.wwwAuthenticate] = challenge
        return problem
    }
}
