import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ServiceKit

/// Guards the administrative API with the bootstrap administrator's bearer token (`ASN_REGISTRATION_ADMIN_TOKEN`).
///
/// This is the initial administrator from configuration; officer accounts with roles and short-lived tokens replace
/// it for day-to-day work. With no token configured the administrative API is closed.
struct AdminTokenMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    /// SHA-256 of the configured token, so comparisons take the same time whatever the input.
    let expectedDigest: Data?

    init(token: String?) {
        self.expectedDigest = token.flatMap { $0.isEmpty ? nil : Data(SHA256.hash(data: Data($0.utf8))) }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let expectedDigest else {
            throw Problem(type: "/problems/admin-disabled", title: "Administration is disabled", status: .forbidden,
                          detail: "No administrator token is configured on this server.")
        }
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw Self.unauthorized("Send the administrator token as `Authorization: Bearer <token>`.")
        }
        let offered = Data(SHA256.hash(data: Data(header.dropFirst("Bearer ".count).utf8)))
        // Digests of equal length: comparing them leaks nothing about the token itself.
        guard offered == expectedDigest else {
            throw Self.unauthorized("The administrator token is not valid.")
        }
        var context = context
        context.logger[metadataKey: "actor"] = "bootstrap-admin"
        return try await next(request, context)
    }

    static func unauthorized(_ detail: String) -> Problem {
        Problem(type: "/problems/unauthorized", title: "Authentication required", status: .unauthorized, detail: detail,
                errors: [FieldIssue(field: "authorization", code: "invalid-token", message: detail)])
    }
}
