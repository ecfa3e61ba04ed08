public import Foundation

/// One applicant of a formation's SKD ranking (DOMAIN §3.1).
public struct SkdRankingRow: Sendable, Hashable, Codable {
    /// The application.
    public var applicationId: UUID
    /// The applicant.
    public var applicantId: UUID
    /// The exam participant number (published).
    public var participantNumber: String
    /// The SKD scores; absent for TH and DIS.
    public var scores: SkdScores?
    /// 1-based rank among those who met the passing grade (fully tied rows share a rank); absent for TL, TH, DIS.
    public var rank: Int?
    /// P/L, P, TL, TH or DIS.
    public var code: SkdResultCode
    /// Why the row got its code.
    public var reason: SkdRankingReason
    /// Human-readable detail, e.g. "TWK 60 < 65".
    public var reasonDetail: String?

    /// Creates the value; each parameter is the property of the same name.
    public init(
        applicationId: UUID,
        applicantId: UUID,
        participantNumber: String,
        scores: SkdScores? = nil,
        rank: Int? = nil,
        code: SkdResultCode,
        reason: SkdRankingReason,
        reasonDetail: String? = nil
    ) {
        self.applicationId = applicationId
        self.applicantId = applicantId
        self.participantNumber = participantNumber
        self.scores = scores
        self.rank = rank
        self.code = code
        self.reason = reason
        self.reasonDetail = reasonDetail
    }
}
