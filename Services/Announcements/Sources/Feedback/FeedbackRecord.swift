import Foundation
import PostgresNIO
import RecruitmentEvents

/// One row of the `feedback` table, and the views cut from it.
struct FeedbackRecord: Sendable, Equatable {
    var feedbackId: UUID
    var sequence: Int64
    var trackingCode: String
    var periodId: UUID?
    var category: FeedbackCategory
    var reference: String?
    var message: String
    var state: FeedbackState
    var isListed: Bool
    var publicReason: String?
    var moderatedAt: Date?
    var answer: String?
    var answerIsPublic: Bool?
    var answeredAt: Date?
    var receivedAt: Date
    var streamVersion: Int64

    /// The columns read, in the order ``init(row:)`` decodes them.
    static let columns = """
        feedback_id, sequence, tracking_code, period_id, category, reference, message, state, listed, public_reason,
        moderated_at, answer, answer_is_public, answered_at, received_at, stream_version
        """

    init(row: PostgresRow) throws {
        let (id, sequence, code, period, category, reference, message, state, listed, reason, moderatedAt, answer,
             answerIsPublic, answeredAt, receivedAt, version) = try row.decode(
            (UUID, Int64, String, UUID?, String, String?, String, String, Bool, String?, Date?, String?, Bool?, Date?,
             Date, Int64).self)
        feedbackId = id
        self.sequence = sequence
        trackingCode = code
        periodId = period
        self.category = FeedbackCategory(rawValue: category) ?? .other
        self.reference = reference
        self.message = message
        self.state = FeedbackState(rawValue: state) ?? .received
        isListed = listed
        publicReason = reason
        self.moderatedAt = moderatedAt
        self.answer = answer
        self.answerIsPublic = answerIsPublic
        self.answeredAt = answeredAt
        self.receivedAt = receivedAt
        streamVersion = version
    }

    var statusView: FeedbackStatusView {
        FeedbackStatusView(
            trackingCode: trackingCode, category: category, periodId: periodId, reference: reference,
            message: message, state: state, isListed: isListed, publicReason: publicReason, answer: answer,
            answeredAt: answeredAt, receivedAt: receivedAt)
    }

    var publicItem: PublicFeedbackItem {
        let shown = answerIsPublic == true
        return PublicFeedbackItem(
            feedbackId: feedbackId, category: category, periodId: periodId, reference: reference, message: message,
            state: state, receivedAt: receivedAt, answer: shown ? answer : nil, answeredAt: shown ? answeredAt : nil)
    }

    var moderationItem: ModerationFeedbackItem {
        ModerationFeedbackItem(
            feedbackId: feedbackId, category: category, periodId: periodId, reference: reference, message: message,
            state: state, isListed: isListed, receivedAt: receivedAt, publicReason: publicReason,
            moderatedAt: moderatedAt, answer: answer, answerIsPublic: answerIsPublic, answeredAt: answeredAt)
    }
}
