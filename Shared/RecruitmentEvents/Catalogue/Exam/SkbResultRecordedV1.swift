public import Foundation

/// A candidate's SKB result was recorded: each component with its announced weight and its 0–100 score, and the
/// weighted
/// total (DOMAIN §1.7, §3.2).
public struct SkbResultRecordedV1: RecruitmentEvent {
    public static let eventType = "asn.exam.skb-result-recorded.v1"
    public static let topic = RecruitmentTopic.exam

    /// The application.
    public var applicationId: UUID
    /// The applicant.
    public var applicantId: UUID
    /// The formation.
    public var formationId: UUID
    /// The participant number.
    public var participantNumber: String
    /// The components, CAT first.
    public var components: [SkbComponentScore]
    /// SKB₁₀₀ = Σ weight × component score / 100.
    public var score: ExactDecimal

    /// Creates the value; each parameter is the property of the same name.
    public init(
        applicationId: UUID,
        applicantId: UUID,
        formationId: UUID,
        participantNumber: String,
        components: [SkbComponentScore],
        score: ExactDecimal
    ) {
        self.applicationId = applicationId
        self.applicantId = applicantId
        self.formationId = formationId
        self.participantNumber = participantNumber
        self.components = components
        self.score = score
    }

    /// Partition key: the application id.
    public var partitionKey: String { applicationId.eventKey }

    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension SkbResultRecordedV1 {
    public static var example: Self {
        SkbResultRecordedV1(
            applicationId: CatalogueExamples.mariaApplicationId,
            applicantId: CatalogueExamples.mariaApplicantId,
            formationId: CatalogueExamples.formationId,
            participantNumber: CatalogueExamples.mariaParticipantNumber,
            components: [
                SkbComponentScore(
                    component: .cat,
                    weightPercent: ExactDecimal(70),
                    rawScore: ExactDecimal(380),
                    rawMaximum: ExactDecimal(500),
                    score: CatalogueExamples.decimal("76.00")
                ),
                SkbComponentScore(
                    component: .praktikKerja,
                    weightPercent: ExactDecimal(30),
                    score: CatalogueExamples.decimal("82.00")
                ),
            ],
            score: CatalogueExamples.decimal("77.80")
        )
    }
}
