public import Foundation

/// One applicant of a formation's final result list (DOMAIN §3.2, §3.3, §1.9).
public struct FinalResultRow: Sendable, Hashable, Codable {
    /// The application.
    public var applicationId: UUID
    /// The applicant.
    public var applicantId: UUID
    /// The exam participant number (published).
    public var participantNumber: String
    /// The SKD scores, if the applicant sat the SKD.
    public var skdScores: SkdScores?
    /// SKD on 0–100: total / 550 × 100, e.g. 442 → `80.36`.
    public var skdScore100: ExactDecimal?
    /// SKB on 0–100: the weighted sum of its components.
    public var skbScore100: ExactDecimal?
    /// 0.4 × SKD₁₀₀ + 0.6 × SKB₁₀₀ (weights of the event); absent for P/TH, TMS, APS.
    public var integratedScore: ExactDecimal?
    /// 1-based final rank within the formation; absent when no integrated score.
    public var rank: Int?
    /// P/L, P/L-1, P/L-2, P/TL, P/TH, TMS, TMS-1 or APS.
    public var code: FinalResultCode
    /// Set when the integrated score equals that of the row ranked just above: the criterion that decided.
    public var tieBreak: FinalTieBreak?
    /// For P/L-1 and P/L-2: the formation whose empty post the applicant fills (DOMAIN §1.9).
    public var placedFormationId: UUID?

    /// Creates the value; each parameter is the property of the same name.
    public init(
        applicationId: UUID,
        applicantId: UUID,
        participantNumber: String,
        skdScores: SkdScores? = nil,
        skdScore100: ExactDecimal? = nil,
        skbScore100: ExactDecimal? = nil,
        integratedScore: ExactDecimal? = nil,
        rank: Int? = nil,
        code: FinalResultCode,
        tieBreak: FinalTieBreak? = nil,
        placedFormationId: UUID? = nil
    ) {
        self.applicationId = applicationId
        self.applicantId = applicantId
        self.participantNumber = participantNumber
        self.skdScores = skdScores
        self.skdScore100 = skdScore100
        self.skbScore100 = skbScore100
        self.integratedScore = integratedScore
        self.rank = rank
        self.code = code
        self.tieBreak = tieBreak
        self.placedFormationId = placedFormationId
    }
}
