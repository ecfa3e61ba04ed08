import Foundation
import RecruitmentEvents

/// `POST /v1/feedback`: anyone's feedback or complaint. No name, e-mail or phone: the answer reaches the sender through
/// the tracking code in the receipt.
struct SubmitFeedbackRequest: Codable, Sendable, Equatable {
    /// What it is about.
    var category: FeedbackCategory
    /// The selection period concerned, if any.
    var periodId: UUID?
    /// What it refers to, e.g. an announcement number or a participant number (at most 200 characters).
    var reference: String?
    /// The feedback itself: 10 to 2000 characters, without personal data.
    var message: String
}

/// `POST /internal/v1/feedback/{feedbackId}/moderation`: publish or reject received feedback.
struct ModerateFeedbackRequest: Codable, Sendable, Equatable {
    /// `published` or `rejected`.
    var state: FeedbackModerationDecision
    /// Why, in words fit for the public (5 to 500 characters; required for a rejection).
    var publicReason: String?
}

/// `POST /internal/v1/feedback/{feedbackId}/answer`: the official answer.
struct AnswerFeedbackRequest: Codable, Sendable, Equatable {
    /// The answer: 5 to 4000 characters.
    var answer: String
    /// Whether the question and the answer are shown in the public list (the sender always sees the answer).
    var isPublic: Bool
}
