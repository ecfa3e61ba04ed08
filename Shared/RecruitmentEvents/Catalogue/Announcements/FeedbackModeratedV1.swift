public import Foundation

/// An announcer moderated public feedback: published it in the public list, or rejected it with a reason the sender
/// reads with the tracking code. Only feedback still waiting for moderation can be moderated, once.
public struct FeedbackModeratedV1: RecruitmentEvent {
    public static let eventType = "asn.announcement.feedback-moderated.v1"
    public static let topic = RecruitmentTopic.announcement

    /// The feedback moderated.
    public var feedbackId: UUID
    /// Published or rejected.
    public var decision: FeedbackModerationDecision
    /// Why, in words fit for the public (required for a rejection).
    public var publicReason: String?
    /// The announcer's account id.
    public var moderatedBy: UUID

    /// Creates the value; each parameter is the property of the same name.
    public init(feedbackId: UUID, decision: FeedbackModerationDecision, publicReason: String? = nil,
                moderatedBy: UUID) {
        self.feedbackId = feedbackId
        self.decision = decision
        self.publicReason = publicReason
        self.moderatedBy = moderatedBy
    }

    /// Partition key: the feedback id.
    public var partitionKey: String { feedbackId.eventKey }

    /// Subject: `feedback/<feedback id>`.
    public var subject: String { "feedback/\(feedbackId.eventKey)" }
}

extension FeedbackModeratedV1 {
    public static var example: Self {
        FeedbackModeratedV1(
            feedbackId: CatalogueExamples.feedbackId,
            decision: .published,
            publicReason: "Masukan tentang penayangan skor langsung; relevan bagi semua peserta.",
            moderatedBy: CatalogueExamples.announcerId
        )
    }
}
