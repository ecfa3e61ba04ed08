public import Foundation

/// The agency published the administrative results of a formation (or, without ``formationId``, of a whole period):
/// every final decision it covers is now public, and the initial round opens the objection window (DOMAIN §1.4, §1.5;
/// announcements are staggered per agency, §5.5). The counts let consumers check they hold every decision of the round.
public struct AdministrativeResultsPublishedV1: RecruitmentEvent {
    public static let eventType = "asn.verification.administrative-results-published.v1"
    public static let topic = RecruitmentTopic.verification

    /// The publication's id.
    public var publicationId: UUID
    /// The period.
    public var periodId: UUID
    /// The formation whose results these are; absent when the publication covers the whole period.
    public var formationId: UUID?
    /// Initial or after objections.
    public var round: AdministrativeAnnouncementRound
    /// Applications with MS in this round.
    public var msCount: Int
    /// Applications with TMS in this round.
    public var tmsCount: Int
    /// The objection window; present for the initial round only.
    public var objectionWindow: ObjectionWindow?
    /// The officer who published.
    public var publishedBy: UUID

    /// Creates the value; each parameter is the property of the same name.
    public init(
        publicationId: UUID,
        periodId: UUID,
        formationId: UUID? = nil,
        round: AdministrativeAnnouncementRound,
        msCount: Int,
        tmsCount: Int,
        objectionWindow: ObjectionWindow? = nil,
        publishedBy: UUID
    ) {
        self.publicationId = publicationId
        self.periodId = periodId
        self.formationId = formationId
        self.round = round
        self.msCount = msCount
        self.tmsCount = tmsCount
        self.objectionWindow = objectionWindow
        self.publishedBy = publishedBy
    }

    /// Partition key: the period id.
    public var partitionKey: String { periodId.eventKey }

    /// Subject: `period/<period id>`.
    public var subject: String { "period/\(periodId.eventKey)" }
}

extension AdministrativeResultsPublishedV1 {
    public static var example: Self {
        AdministrativeResultsPublishedV1(
            publicationId: CatalogueExamples.publicationId,
            periodId: CatalogueExamples.periodId,
            formationId: CatalogueExamples.formationId,
            round: .initial,
            msCount: 302,
            tmsCount: 55,
            objectionWindow: ObjectionWindow(
                opensAt: CatalogueExamples.instant("2024-09-19T02:00:00.000Z"),
                closesAt: CatalogueExamples.instant("2024-09-22T15:59:59.000Z"),
                answersDueAt: CatalogueExamples.instant("2024-09-29T15:59:59.000Z")
            ),
            publishedBy: CatalogueExamples.supervisorId
        )
    }
}
