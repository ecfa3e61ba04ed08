public import Foundation

/// The public sent feedback on an ongoing selection (ARCHITECTURE §1). No personal data of the sender travels: no name,
/// e-mail, phone or account; the sender follows the answer with the random tracking code. The message is stored as
/// received after the service's screening and is not published unless answered publicly.
public struct FeedbackReceivedV1: RecruitmentEvent {
    public static let eventType = "asn.announcement.feedback-received.v1"
    public static let topic = RecruitmentTopic.announcement

    /// The feedback's id.
    public var feedbackId: UUID
    /// The period concerned, if any.
    public var periodId: UUID?
    /// The topic.
    public var category: FeedbackCategory
    /// What it refers to, e.g. an announcement number or a participant number.
    public var reference: String?
    /// The message.
    public var message: String
    /// A random code given to the sender to look up the answer.
    public var trackingCode: String

    /// Creates the value; each parameter is the property of the same name.
    public init(
        feedbackId: UUID,
        periodId: UUID? = nil,
        category: FeedbackCategory,
        reference: String? = nil,
        message: String,
        trackingCode: String
    ) {
        self.feedbackId = feedbackId
        self.periodId = periodId
        self.category = category
        self.reference = reference
        self.message = message
        self.trackingCode = trackingCode
    }

    /// Partition key: the feedback id.
    public var partitionKey: String { feedbackId.eventKey }

    /// Subject: `feedback/<feedback id>`.
    public var subject: String { "feedback/\(feedbackId.eventKey)" }
}

extension FeedbackReceivedV1 {
    public static var example: Self {
        FeedbackReceivedV1(
            feedbackId: CatalogueExamples.feedbackId,
            periodId: CatalogueExamples.periodId,
            category: .exam,
            reference: "Sesi 2, Politeknik Negeri Kupang",
            message: "Skor langsung di kanal daring tertinggal sekitar sepuluh menit dari layar di lokasi tes.",
            trackingCode: "FB-7K3Q-92XD"
        )
    }
}
