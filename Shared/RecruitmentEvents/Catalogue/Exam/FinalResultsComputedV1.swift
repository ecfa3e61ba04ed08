public import Foundation

/// The final results of one formation were computed (DOMAIN §3.2, §3.3, §1.9): SKD and SKB integrated 40/60 on a 0–100
/// scale, ranked against the quota, tie-broken by SKD total, TKP, TIU, TWK, GPA and finally age, with optimisation
/// moves
/// (P/L-1, P/L-2). Rounding of the intermediate scores is exam-service configuration; the event carries the values as
/// computed.
///
/// Age without birth dates: no birth date ever reaches the exam service. When a tie survives every other criterion, the
/// exam service uses an ordering of the tied applications (oldest first) supplied by the registration service, which
/// alone holds birth dates; only the fact that age decided travels (``FinalTieBreak/age``). Whether age is compared to
/// the
/// day is [UNCONFIRMED].
public struct FinalResultsComputedV1: RecruitmentEvent {
    public static let eventType = "asn.exam.final-results-computed.v1"
    public static let topic = RecruitmentTopic.exam

    /// The computation's id; a later one for the same formation supersedes it.
    public var resultId: UUID
    /// The period.
    public var periodId: UUID
    /// The formation.
    public var formationId: UUID
    /// Its kind.
    public var formationKind: FormationKind
    /// The number of posts.
    public var quota: Int
    /// Weight of SKD₁₀₀ in percent (40).
    public var skdWeightPercent: ExactDecimal
    /// Weight of SKB₁₀₀ in percent (60).
    public var skbWeightPercent: ExactDecimal
    /// Every applicant of the formation, ranked rows first.
    public var rows: [FinalResultRow]
    /// When a large formation's rows are split over several events (each Kafka message stays well under the broker's
    /// size limit), this event's 1-based part; absent when one event carries every row. Parts share the id and
    /// everything but `rows`, and follow each other in the formation's stream; a consumer has the whole list once it
    /// holds parts 1 through ``parts``.
    public var part: Int?
    /// The number of parts, when split.
    public var parts: Int?

    /// Creates the value; each parameter is the property of the same name.
    public init(
        resultId: UUID,
        periodId: UUID,
        formationId: UUID,
        formationKind: FormationKind,
        quota: Int,
        skdWeightPercent: ExactDecimal,
        skbWeightPercent: ExactDecimal,
        rows: [FinalResultRow],
        part: Int? = nil,
        parts: Int? = nil
    ) {
        self.resultId = resultId
        self.periodId = periodId
        self.formationId = formationId
        self.formationKind = formationKind
        self.quota = quota
        self.skdWeightPercent = skdWeightPercent
        self.skbWeightPercent = skbWeightPercent
        self.rows = rows
        self.part = part
        self.parts = parts
    }

    /// Partition key: the formation id.
    public var partitionKey: String { formationId.eventKey }

    /// Subject: `formation/<formation id>`.
    public var subject: String { "formation/\(formationId.eventKey)" }
}

extension FinalResultsComputedV1 {
    public static var example: Self {
        FinalResultsComputedV1(
            resultId: CatalogueExamples.finalResultId,
            periodId: CatalogueExamples.periodId,
            formationId: CatalogueExamples.formationId,
            formationKind: .umum,
            quota: 1,
            skdWeightPercent: ExactDecimal(40),
            skbWeightPercent: ExactDecimal(60),
            rows: [
                FinalResultRow(
                    applicationId: CatalogueExamples.mariaApplicationId,
                    applicantId: CatalogueExamples.mariaApplicantId,
                    participantNumber: CatalogueExamples.mariaParticipantNumber,
                    skdScores: CatalogueExamples.mariaSkdScores,
                    skdScore100: CatalogueExamples.decimal("80.36"),
                    skbScore100: CatalogueExamples.decimal("77.80"),
                    integratedScore: CatalogueExamples.decimal("78.824"),
                    rank: 1,
                    code: .passed
                ),
                FinalResultRow(
                    applicationId: CatalogueExamples.yohanesApplicationId,
                    applicantId: CatalogueExamples.yohanesApplicantId,
                    participantNumber: "2453710100211",
                    skdScores: SkdScores(twk: 110, tiu: 125, tkp: 188, total: 423),
                    skdScore100: CatalogueExamples.decimal("76.91"),
                    skbScore100: CatalogueExamples.decimal("80.00"),
                    integratedScore: CatalogueExamples.decimal("78.764"),
                    rank: 2,
                    code: .passedAfterKindMove,
                    placedFormationId: CatalogueExamples.cumlaudeFormationId
                ),
                FinalResultRow(
                    applicationId: CatalogueExamples.dominggusApplicationId,
                    applicantId: CatalogueExamples.dominggusApplicantId,
                    participantNumber: "2453710100105",
                    skdScores: SkdScores(twk: 85, tiu: 125, tkp: 188, total: 398),
                    skdScore100: CatalogueExamples.decimal("72.36"),
                    skbScore100: CatalogueExamples.decimal("70.50"),
                    integratedScore: CatalogueExamples.decimal("71.244"),
                    rank: 3,
                    code: .notWithinQuota
                ),
                FinalResultRow(
                    applicationId: CatalogueExamples.esterApplicationId,
                    applicantId: CatalogueExamples.esterApplicantId,
                    participantNumber: "2453710100377",
                    skdScores: SkdScores(twk: 85, tiu: 125, tkp: 188, total: 398),
                    skdScore100: CatalogueExamples.decimal("72.36"),
                    code: .absentFromSkb
                ),
            ]
        )
    }
}
