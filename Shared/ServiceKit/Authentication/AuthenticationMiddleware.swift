import Foundation
public import Hummingbird
import HTTPTypes
import Logging

/// Authenticates requests that carry `Authorization: Bearer <jwt>`.
///
/// Without the header the request passes on unauthenticated (routes that need an identity call
/// ``ServiceRequestContext/requireIdentity()`` or `requireRole(...)`); with it the token must
/// verify, or the request ends in a 401 problem with a `WWW-Authenticate` challenge. The token is never logged.
public struct AuthenticationMiddleware: RouterMiddleware {
    public typealias Context = ServiceRequestContext
    let verifier: AccessTokenVerifier

    public init(verifier: AccessTokenVerifier) {
        self.verifier = verifier
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let values = request.headers[values: .authorization]
        guard !values.isEmpty else { return try await next(request, context) }
        guard values.count == 1, let token = Self.bearerToken(values[0]) else {
            throw AuthenticationError.malformedToken
        }
        let identity = try await verifier.verify(token)
        var context = context
        context.identity = identity
        context.logger[metadataKey: "account_id"] = .string(identity.accountId.uuidString.lowercased())
        return try await next(request, context)
    }

    /// The token of a `Bearer` credential (scheme case-insensitive, RFC 7235), or `nil`.
    static func bearerToken(_ value: String) -> String? {
        // `Bearer <token>`, the scheme in any case, the token without spaces (RFC 6750 §2.1), compared on the bytes:
        // this runs on every authenticated request.
        let bytes = value.utf8
        let space = UInt8(ascii: " ")
        guard let schemeEnd = bytes.firstIndex(of: space),
              bytes[..<schemeEnd].count == 6,
              zip(bytes[..<schemeEnd], "bearer".utf8).allSatisfy({ $0 | 0x20 == $1 })
        else { return nil }
        let rest = bytes[schemeEnd...].drop { $0 == space }
        let token = rest.prefix { $0 != space }
        guard !token.isEmpty, rest[token.endIndex...].allSatisfy({ $0 == space }) else { return nil }
        return String(Substring(token))
    }
}
