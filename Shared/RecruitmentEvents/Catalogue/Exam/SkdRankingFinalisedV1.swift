public import Foundation

/// The SKD ranking of one formation was finalised (DOMAIN §3.1): among those who met the passing grade, ranked by
/// total,
/// then TKP, TIU, TWK; the top 3 × quota go to the SKB (P/L), fully tied applicants at the boundary all go. No age or
/// other personal data is needed here.
public struct SkdRankingFinalisedV1: RecruitmentEvent {
    public static let eventType = "asn.exam.skd-ranking-finalised.v1"
    public static let topic = RecruitmentTopic.exam

    /// The ranking's id.
    public var rankingId: UUID
    /// The period.
    public var periodId: UUID
    /// The formation.
    public var formationId: UUID
    /// Its kind.
    public var formationKind: FormationKind
    /// The number of posts.
    public var quota: Int
    /// 3 × quota: the last rank that goes to the SKB.
    public var skbPlaces: Int
    /// The passing grade applied.
    public var passingGrade: SkdPassingGrade
    /// Every applicant of the formation with a result code, ranked rows first.
    public var rows: [SkdRankingRow]
    /// When a large formation's rows are split over several events (each Kafka message stays well under the broker's
    /// size limit), this event's 1-based part; absent when one event carries every row. Parts share the id and
    /// everything but `rows`, and follow each other in the formation's stream; a consumer has the whole list once it
    /// holds parts 1 through ``parts``.
    public var part: Int?
    /// The number of parts, when split.
    public var parts: Int?

    /// Creates the value; each parameter is the property of the same name.
    public init(
        rankingId: UUID,
        periodId: UUID,
        formationId: UUID,
        formationKind: FormationKind,
        quota: Int,
        skbPlaces: Int,
        passingGrade: SkdPassingGrade,
        rows: [SkdRankingRow],
        part: Int? = nil,
        parts: Int? = nil
    ) {
        self.rankingId = rankingId
        self.periodId = periodId
        self.formationId = formationId
        self.formationKind = formationKind
        self.quota = quota
        self.skbPlaces = skbPlaces
        self.passingGrade = passingGrade
        self.rows = rows
        self.part = part
        self.parts = parts
    }

    /// Partition key: the formation id.
    public var partitionKey: String { formationId.eventKey }

    /// Subject: `formation/<formation id>`.
    public var subject: String { "formation/\(formationId.eventKey)" }
}

extension SkdRankingFinalisedV1 {
    public static var example: Self {
        SkdRankingFinalisedV1(
            rankingId: CatalogueExamples.skdRankingId,
            periodId: CatalogueExamples.periodId,
            formationId: CatalogueExamples.formationId,
            formationKind: .umum,
            quota: 1,
            skbPlaces: 3,
            passingGrade: CatalogueExamples.generalPassingGrade,
            rows: [
                SkdRankingRow(
                    applicationId: CatalogueExamples.mariaApplicationId,
                    applicantId: CatalogueExamples.mariaApplicantId,
                    participantNumber: CatalogueExamples.mariaParticipantNumber,
                    scores: CatalogueExamples.mariaSkdScores,
                    rank: 1,
                    code: .passedToSkb,
                    reason: .withinCutOff
                ),
                SkdRankingRow(
                    applicationId: CatalogueExamples.yohanesApplicationId,
                    applicantId: CatalogueExamples.yohanesApplicantId,
                    participantNumber: "2453710100211",
                    scores: SkdScores(twk: 110, tiu: 125, tkp: 188, total: 423),
                    rank: 2,
                    code: .passedToSkb,
                    reason: .withinCutOff
                ),
                SkdRankingRow(
                    applicationId: CatalogueExamples.dominggusApplicationId,
                    applicantId: CatalogueExamples.dominggusApplicantId,
                    participantNumber: "2453710100105",
                    scores: SkdScores(twk: 85, tiu: 125, tkp: 188, total: 398),
                    rank: 3,
                    code: .passedToSkb,
                    reason: .withinCutOff
                ),
                SkdRankingRow(
                    applicationId: CatalogueExamples.esterApplicationId,
                    applicantId: CatalogueExamples.esterApplicantId,
                    participantNumber: "2453710100377",
                    scores: SkdScores(twk: 85, tiu: 125, tkp: 188, total: 398),
                    rank: 3,
                    code: .passedToSkb,
                    reason: .tiedAtCutOff,
                    reasonDetail: "Sama persis dengan peringkat 3 (total, TKP, TIU, TWK)."
                ),
                SkdRankingRow(
                    applicationId: CatalogueExamples.yakobusApplicationId,
                    applicantId: CatalogueExamples.yakobusApplicantId,
                    participantNumber: "2453710100263",
                    scores: SkdScores(twk: 90, tiu: 120, tkp: 188, total: 398),
                    rank: 5,
                    code: .passedOutsideQuota,
                    reason: .outsideCutOff,
                    reasonDetail: "TIU 120 < 125 pada total dan TKP yang sama."
                ),
                SkdRankingRow(
                    applicationId: CatalogueExamples.ruthApplicationId,
                    applicantId: CatalogueExamples.ruthApplicantId,
                    participantNumber: "2453710100150",
                    scores: SkdScores(twk: 60, tiu: 140, tkp: 190, total: 390),
                    code: .belowPassingGrade,
                    reason: .belowPassingGrade,
                    reasonDetail: "TWK 60 < 65"
                ),
                SkdRankingRow(
                    applicationId: CatalogueExamples.simonApplicationId,
                    applicantId: CatalogueExamples.simonApplicantId,
                    participantNumber: "2453710100412",
                    code: .absent,
                    reason: .absent
                ),
                SkdRankingRow(
                    applicationId: CatalogueExamples.paulusApplicationId,
                    applicantId: CatalogueExamples.paulusApplicantId,
                    participantNumber: "2453710100498",
                    code: .disqualified,
                    reason: .disqualified
                ),
            ]
        )
    }
}
