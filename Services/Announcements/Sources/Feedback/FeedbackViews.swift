import Foundation
import RecruitmentEvents

/// The answer to `POST /v1/feedback`: keep the tracking code to read the answer later.
struct FeedbackReceipt: Codable, Sendable, Equatable {
    var feedbackId: UUID
    /// `FB-XXXX-XXXX-XXXX`: the only way back to this feedback (`GET /v1/feedback/{trackingCode}`).
    var trackingCode: String
    var state: FeedbackState
}

/// `GET /v1/feedback/{trackingCode}`: what the sender sees of their own feedback.
struct FeedbackStatusView: Codable, Sendable, Equatable {
    var trackingCode: String
    var category: FeedbackCategory
    var periodId: UUID?
    var reference: String?
    var message: String
    var state: FeedbackState
    /// Whether the feedback is shown in the public list.
    var isListed: Bool
    /// The moderator's public reason, if any (e.g. why it was rejected).
    var publicReason: String?
    /// The official answer, public or not.
    var answer: String?
    var answeredAt: Date?
    var receivedAt: Date
}

/// One item of `GET /v1/feedback`: published feedback with its official answer, if that is public.
struct PublicFeedbackItem: Codable, Sendable, Equatable {
    var feedbackId: UUID
    var category: FeedbackCategory
    var periodId: UUID?
    var reference: String?
    var message: String
    var state: FeedbackState
    var receivedAt: Date
    /// The official answer, when given publicly.
    var answer: String?
    var answeredAt: Date?
}

/// One item of the announcers' moderation queue (`GET /internal/v1/feedback`), and the result of their actions.
struct ModerationFeedbackItem: Codable, Sendable, Equatable {
    var feedbackId: UUID
    var category: FeedbackCategory
    var periodId: UUID?
    var reference: String?
    var message: String
    var state: FeedbackState
    var isListed: Bool
    var receivedAt: Date
    var publicReason: String?
    var moderatedAt: Date?
    var answer: String?
    var answerIsPublic: Bool?
    var answeredAt: Date?
}
