import Foundation
import RecruitmentEvents

/// One row of a formation's SKD results as published: participant number, scores, rank and code with its reason. No
/// applicant id, no personal data; the name is joined from the submission when shown.
struct PublicSkdRow: Codable, Sendable, Equatable {
    var participantNumber: String
    var scores: SkdScores?
    var rank: Int?
    var code: SkdResultCode
    var reason: SkdRankingReason
    var reasonDetail: String?

    init(_ row: SkdRankingRow) {
        participantNumber = row.participantNumber
        scores = row.scores
        rank = row.rank
        code = row.code
        reason = row.reason
        reasonDetail = row.reasonDetail
    }
}

/// One row of a formation's final results as published (DOMAIN §3.2-3.3): integrated score, rank, code, the
/// tie-break that decided and, after optimisation, the formation filled.
struct PublicFinalRow: Codable, Sendable, Equatable {
    var participantNumber: String
    var skdScores: SkdScores?
    var skdScore100: ExactDecimal?
    var skbScore100: ExactDecimal?
    var integratedScore: ExactDecimal?
    var rank: Int?
    var code: FinalResultCode
    var tieBreak: FinalTieBreak?
    var placedFormationId: UUID?

    init(_ row: FinalResultRow) {
        participantNumber = row.participantNumber
        skdScores = row.skdScores
        skdScore100 = row.skdScore100
        skbScore100 = row.skbScore100
        integratedScore = row.integratedScore
        rank = row.rank
        code = row.code
        tieBreak = row.tieBreak
        placedFormationId = row.placedFormationId
    }
}

/// A requirement a TMS names, as the public sees it: the requirement and the reason code, never the verifier's free
/// text (it is written for the applicant and may quote their documents).
struct PublicUnmetRequirement: Codable, Sendable, Equatable {
    var requirementCode: String
    var reasonCode: RequirementFailureReason
}
