import Foundation
import Hummingbird
import ServiceKit

/// Which results a listing or a stream wants: one session, one test site, or both (nothing: all of them).
struct ScoreboardFilter: Sendable, Equatable {
    var sessionId: UUID?
    var siteCode: String?

    /// Site codes are short identifiers of the exam service (e.g. `KPG-01`).
    static let maximumSiteCodeLength = 64

    init(sessionId: UUID? = nil, siteCode: String? = nil) {
        self.sessionId = sessionId
        self.siteCode = siteCode
    }

    /// Reads `sessionId` and `siteCode` from the query; a 400 problem naming the field when one is malformed.
    init(_ request: Request) throws {
        sessionId = try request.uuidQueryParameter("sessionId")
        if let raw = request.uri.queryParameters["siteCode"] {
            let code = String(raw)
            guard !code.isEmpty, code.count <= Self.maximumSiteCodeLength,
                  code.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) })
            else {
                throw Problem.invalidField(
                    "siteCode", code: "format",
                    "siteCode must be 1-\(Self.maximumSiteCodeLength) letters, digits, '-', '_' or '.'")
            }
            siteCode = code
        }
    }

    /// Whether `result` belongs to what is asked for.
    func matches(sessionId: UUID?, siteCode: String?) -> Bool {
        if let wanted = self.sessionId, wanted != sessionId { return false }
        if let wanted = self.siteCode, wanted != siteCode { return false }
        return true
    }
}
