import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Gives every request a correlation id (the caller's `X-Correlation-ID` when it is sane, a new UUID otherwise),
/// puts it on the request logger and echoes it in the response.
struct CorrelationMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    static let header = HTTPField.Name("X-Correlation-ID")!
    static let traceparent = HTTPField.Name("traceparent")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        let offered = request.headers[Self.header]
        let id = offered.flatMap(Self.sanitized) ?? UUID().uuidString.lowercased()
        context.correlationId = id
        context.traceparent = request.headers[Self.traceparent].flatMap(Self.validTraceparent)
        context.logger[metadataKey: "correlation_id"] = .string(id)
        var response = try await next(request, context)
        response.headers[Self.header] = id
        return response
    }

    /// Accepts 1-64 characters of `[A-Za-z0-9._-]`; anything else is replaced, never logged.
    static func sanitized(_ value: String) -> String? {
        guard (1...64).contains(value.utf8.count),
              value.utf8.allSatisfy({ $0 == 0x2D || $0 == 0x2E || $0 == 0x5F || (0x30...0x39).contains($0)
                  || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
        else { return nil }
        return value
    }

    /// Accepts a version-00 W3C traceparent (`00-<32 hex>-<16 hex>-<2 hex>`).
    static func validTraceparent(_ value: String) -> String? {
        let parts = value.split(separator: "-")
        guard parts.count == 4, parts[0] == "00", parts[1].count == 32, parts[2].count == 16, parts[3].count == 2,
              parts.dropFirst().allSatisfy({ $0.allSatisfy(\.isHexDigit) })
        else { return nil }
        return value
    }
}
