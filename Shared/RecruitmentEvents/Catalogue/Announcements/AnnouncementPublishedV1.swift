public import Foundation

/// An official announcement (pengumuman) was published and appended to the transparency log (ARCHITECTURE §7; DOMAIN
/// §5.1: results appear as per-agency announcement letters). A correction is a new announcement that names the one it
/// corrects.
public struct AnnouncementPublishedV1: RecruitmentEvent {
    public static let eventType = "asn.announcement.announcement-published.v1"
    public static let topic = RecruitmentTopic.announcement

    /// The announcement's id.
    public var announcementId: UUID
    /// The period it concerns, if any.
    public var periodId: UUID?
    /// The official letter number.
    public var number: String
    /// What it announces.
    public var kind: AnnouncementKind
    /// The title.
    public var title: String
    /// The date printed on the letter.
    public var dated: CalendarDate
    /// The published full text.
    public var body: PublishedDocumentReference
    /// The announcement this one corrects (ralat), if any.
    public var correctsAnnouncementId: UUID?
    /// Its leaf index in the transparency log, once appended.
    public var logIndex: Int64?
    /// The announcer's account id.
    public var publishedBy: UUID

    /// Creates the value; each parameter is the property of the same name.
    public init(
        announcementId: UUID,
        periodId: UUID? = nil,
        number: String,
        kind: AnnouncementKind,
        title: String,
        dated: CalendarDate,
        body: PublishedDocumentReference,
        correctsAnnouncementId: UUID? = nil,
        logIndex: Int64? = nil,
        publishedBy: UUID
    ) {
        self.announcementId = announcementId
        self.periodId = periodId
        self.number = number
        self.kind = kind
        self.title = title
        self.dated = dated
        self.body = body
        self.correctsAnnouncementId = correctsAnnouncementId
        self.logIndex = logIndex
        self.publishedBy = publishedBy
    }

    /// Partition key: the announcement id.
    public var partitionKey: String { announcementId.eventKey }

    /// Subject: `announcement/<announcement id>`.
    public var subject: String { "announcement/\(announcementId.eventKey)" }
}

extension AnnouncementPublishedV1 {
    public static var example: Self {
        AnnouncementPublishedV1(
            announcementId: CatalogueExamples.announcementId,
            periodId: CatalogueExamples.periodId,
            number: "800/415/BKPSDM/IX/2024",
            kind: .administrativeResults,
            title: "Ralat Pengumuman Hasil Seleksi Administrasi CPNS Pemerintah Kota Kupang Tahun Anggaran 2024",
            dated: CatalogueExamples.date("2024-09-20"),
            body: PublishedDocumentReference(
                url: URL(string: "https://bkpsdm.kupangkota.go.id/pengumuman/2024/800-415-bkpsdm-ix-2024.pdf")!,
                mediaType: .pdf,
                sha256: CatalogueExamples.announcementBodySha256
            ),
            correctsAnnouncementId: CatalogueExamples.correctedAnnouncementId,
            logIndex: 4212,
            publishedBy: CatalogueExamples.announcerId
        )
    }
}
