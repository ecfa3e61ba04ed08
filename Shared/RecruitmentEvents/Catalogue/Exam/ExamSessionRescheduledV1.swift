public import Foundation

/// A scheduled session moved (schedules changed repeatedly in 2023 and 2024, DOMAIN §5.5). Assigned candidates keep
/// their
/// seats.
public struct ExamSessionRescheduledV1: RecruitmentEvent {
    public static let eventType = "asn.exam.session-rescheduled.v1"
    public static let topic = RecruitmentTopic.exam

    /// The session.
    public var sessionId: UUID
    /// The start before the change (UTC).
    public var previousStartsAt: Date
    /// The new start (UTC).
    public var startsAt: Date
    /// The public reason.
    public var reason: String

    /// Creates the value; each parameter is the property of the same name.
    public init(sessionId: UUID, previousStartsAt: Date, startsAt: Date, reason: String) {
        self.sessionId = sessionId
        self.previousStartsAt = previousStartsAt
        self.startsAt = startsAt
        self.reason = reason
    }

    /// Partition key: the session id.
    public var partitionKey: String { sessionId.eventKey }

    /// Subject: `exam-session/<session id>`.
    public var subject: String { "exam-session/\(sessionId.eventKey)" }
}

extension ExamSessionRescheduledV1 {
    public static var example: Self {
        ExamSessionRescheduledV1(
            sessionId: CatalogueExamples.skdSessionId,
            previousStartsAt: CatalogueExamples.instant("2024-10-21T02:30:00.000Z"),
            startsAt: CatalogueExamples.instant("2024-10-22T02:30:00.000Z"),
            reason: "Gangguan listrik di lokasi tes Politeknik Negeri Kupang."
        )
    }
}
