public import Foundation

/// A verifier recorded the administrative decision MS or TMS for an application (DOMAIN §1.4). It takes effect only
/// when a supervisor countersigns it (``VerificationDecisionCountersignedV1``, four eyes) and may be returned
/// (``VerificationDecisionReturnedV1``).
public struct VerificationDecisionRecordedV1: RecruitmentEvent {
    public static let eventType = "asn.verification.decision-recorded.v1"
    public static let topic = RecruitmentTopic.verification

    /// The decision's id.
    public var decisionId: UUID
    /// The case.
    public var caseId: UUID
    /// The application.
    public var applicationId: UUID
    /// The applicant.
    public var applicantId: UUID
    /// MS or TMS.
    public var outcome: AdministrativeOutcome
    /// For TMS, every unmet requirement with its reason; empty for MS.
    public var unmetRequirements: [UnmetRequirement]
    /// The deciding officer.
    public var verifierId: UUID

    /// Creates the value; each parameter is the property of the same name.
    public init(
        decisionId: UUID,
        caseId: UUID,
        applicationId: UUID,
        applicantId: UUID,
        outcome: AdministrativeOutcome,
        unmetRequirements: [UnmetRequirement],
        verifierId: UUID
    ) {
        self.decisionId = decisionId
        self.caseId = caseId
        self.applicationId = applicationId
        self.applicantId = applicantId
        self.outcome = outcome
        self.unmetRequirements = unmetRequirements
        self.verifierId = verifierId
    }

    /// Partition key: the application id, so each application's verification stays ordered.
    public var partitionKey: String { applicationId.eventKey }

    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension VerificationDecisionRecordedV1 {
    public static var example: Self {
        VerificationDecisionRecordedV1(
            decisionId: CatalogueExamples.decisionId,
            caseId: CatalogueExamples.caseId,
            applicationId: CatalogueExamples.mariaApplicationId,
            applicantId: CatalogueExamples.mariaApplicantId,
            outcome: .tms,
            unmetRequirements: [
                UnmetRequirement(
                    requirementCode: "transkrip-nilai",
                    reasonCode: .unreadable,
                    explanation: "Transkrip nilai halaman 2 tidak terbaca."
                ),
            ],
            verifierId: CatalogueExamples.verifierId
        )
    }
}
