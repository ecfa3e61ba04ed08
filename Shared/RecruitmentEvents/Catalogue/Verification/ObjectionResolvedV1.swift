public import Foundation

/// The agency answered an objection (DOMAIN §1.5). If upheld, the application's administrative result becomes
/// ``resultingOutcome`` (MS); answers are announced within 7 days after the window closes.
public struct ObjectionResolvedV1: RecruitmentEvent {
    public static let eventType = "asn.verification.objection-resolved.v1"
    public static let topic = RecruitmentTopic.verification

    /// The objection.
    public var objectionId: UUID
    /// The application.
    public var applicationId: UUID
    /// The applicant.
    public var applicantId: UUID
    /// The disputed decision.
    public var decisionId: UUID
    /// Upheld or rejected.
    public var outcome: ObjectionOutcome
    /// The administrative result after the answer.
    public var resultingOutcome: AdministrativeOutcome
    /// The answer shown to the applicant.
    public var answer: String
    /// The answering officer.
    public var resolvedBy: UUID

    /// Creates the value; each parameter is the property of the same name.
    public init(
        objectionId: UUID,
        applicationId: UUID,
        applicantId: UUID,
        decisionId: UUID,
        outcome: ObjectionOutcome,
        resultingOutcome: AdministrativeOutcome,
        answer: String,
        resolvedBy: UUID
    ) {
        self.objectionId = objectionId
        self.applicationId = applicationId
        self.applicantId = applicantId
        self.decisionId = decisionId
        self.outcome = outcome
        self.resultingOutcome = resultingOutcome
        self.answer = answer
        self.resolvedBy = resolvedBy
    }

    /// Partition key: the application id, so each application's verification stays ordered.
    public var partitionKey: String { applicationId.eventKey }

    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension ObjectionResolvedV1 {
    public static var example: Self {
        ObjectionResolvedV1(
            objectionId: CatalogueExamples.objectionId,
            applicationId: CatalogueExamples.mariaApplicationId,
            applicantId: CatalogueExamples.mariaApplicantId,
            decisionId: CatalogueExamples.decisionId,
            outcome: .upheld,
            resultingOutcome: .ms,
            answer: "Sanggah diterima: transkrip terbaca, terdapat kekeliruan verifikator. Status menjadi MS.",
            resolvedBy: CatalogueExamples.supervisorId
        )
    }
}
