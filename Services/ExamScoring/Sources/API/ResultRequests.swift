import ExamScoringRules
import Foundation
import RecruitmentEvents

/// `POST /v1/participants/{number}/skd-result`: exactly one of `scores` (sub-scores from a CAT system) or
/// `answerSheet` (scored here against the package's answer key).
struct SkdResultRequest: Decodable, Sendable {
    struct Scores: Decodable, Sendable {
        var twk: Int
        var tiu: Int
        var tkp: Int
    }

    struct AnswerSheet: Decodable, Sendable {
        var packageId: UUID
        var twk: [SkdOption?]
        var tiu: [SkdOption?]
        var tkp: [SkdOption?]

        var sheet: SkdAnswerSheet { SkdAnswerSheet(twk: twk, tiu: tiu, tkp: tkp) }
    }

    var sessionId: UUID?
    var scores: Scores?
    var answerSheet: AnswerSheet?
}

/// `POST /v1/participants/{number}/absence`: the candidate did not attend (TH at the SKD, P/TH at the SKB).
struct AbsenceRequest: Decodable, Sendable {
    var stage: ExamStage
}

/// `POST /v1/participants/{number}/disqualification`: DIS for cheating (DOMAIN §5.3), with the public reason.
struct DisqualificationRequest: Decodable, Sendable {
    var stage: ExamStage
    var reasonCode: DisqualificationReason
    var reason: String
}

/// `POST /v1/participants/{number}/skb-result`: one entry per component of the formation's SKB scheme.
struct SkbResultRequest: Decodable, Sendable {
    var components: [SkbComponentInput]
}
