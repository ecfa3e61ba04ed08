public import Foundation

/// An exam officer scheduled a CAT session at a test site (DOMAIN §1.6: 110 items in 100 minutes for the SKD, several
/// sessions a day; sites at BKN offices, "mandiri" sites and abroad).
public struct ExamSessionScheduledV1: RecruitmentEvent {
    public static let eventType = "asn.exam.session-scheduled.v1"
    public static let topic = RecruitmentTopic.exam

    /// The session's id.
    public var sessionId: UUID
    /// The period.
    public var periodId: UUID
    /// SKD or SKB.
    public var stage: ExamStage
    /// The test site.
    public var site: ExamSite
    /// The session's label on cards and screens, e.g. "Sesi 2".
    public var label: String
    /// Start (UTC).
    public var startsAt: Date
    /// Regular duration in minutes (100 for the SKD).
    public var durationMinutes: Int
    /// Seats available.
    public var capacity: Int

    /// Creates the value; each parameter is the property of the same name.
    public init(
        sessionId: UUID,
        periodId: UUID,
        stage: ExamStage,
        site: ExamSite,
        label: String,
        startsAt: Date,
        durationMinutes: Int,
        capacity: Int
    ) {
        self.sessionId = sessionId
        self.periodId = periodId
        self.stage = stage
        self.site = site
        self.label = label
        self.startsAt = startsAt
        self.durationMinutes = durationMinutes
        self.capacity = capacity
    }

    /// Partition key: the session id.
    public var partitionKey: String { sessionId.eventKey }

    /// Subject: `exam-session/<session id>`.
    public var subject: String { "exam-session/\(sessionId.eventKey)" }
}

extension ExamSessionScheduledV1 {
    public static var example: Self {
        ExamSessionScheduledV1(
            sessionId: CatalogueExamples.skdSessionId,
            periodId: CatalogueExamples.periodId,
            stage: .skd,
            site: CatalogueExamples.skdSite,
            label: "Sesi 2",
            startsAt: CatalogueExamples.instant("2024-10-21T02:30:00.000Z"),
            durationMinutes: 100,
            capacity: 250
        )
    }
}
