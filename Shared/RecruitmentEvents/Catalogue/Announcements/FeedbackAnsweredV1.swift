public import Foundation

/// An announcer answered public feedback.
public struct FeedbackAnsweredV1: RecruitmentEvent {
    public static let eventType = "asn.announcement.feedback-answered.v1"
    public static let topic = RecruitmentTopic.announcement

    /// The feedback answered.
    public var feedbackId: UUID
    /// The answer.
    public var answer: String
    /// Whether the question and answer are shown publicly.
    public var isPublic: Bool
    /// The announcer's account id.
    public var answeredBy: UUID

    /// Creates the value; each parameter is the property of the same name.
    public init(feedbackId: UUID, answer: String, isPublic: Bool, answeredBy: UUID) {
        self.feedbackId = feedbackId
        self.answer = answer
        self.isPublic = isPublic
        self.answeredBy = answeredBy
    }

    /// Partition key: the feedback id.
    public var partitionKey: String { feedbackId.eventKey }

    /// Subject: `feedback/<feedback id>`.
    public var subject: String { "feedback/\(feedbackId.eventKey)" }
}

extension FeedbackAnsweredV1 {
    public static var example: Self {
        FeedbackAnsweredV1(
            feedbackId: CatalogueExamples.feedbackId,
            answer: "Terima kasih. Skor resmi adalah yang tercatat di log transparansi; tayangan daring tertunda.",
            isPublic: true,
            answeredBy: CatalogueExamples.announcerId
        )
    }
}
