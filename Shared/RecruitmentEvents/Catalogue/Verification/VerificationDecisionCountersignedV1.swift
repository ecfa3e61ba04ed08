public import Foundation

/// A supervisor other than the deciding verifier countersigned a decision; from now on it is the application's
/// administrative result (announced with ``AdministrativeResultsPublishedV1``).
public struct VerificationDecisionCountersignedV1: RecruitmentEvent {
    public static let eventType = "asn.verification.decision-countersigned.v1"
    public static let topic = RecruitmentTopic.verification

    /// The countersigned decision.
    public var decisionId: UUID
    /// The case.
    public var caseId: UUID
    /// The application.
    public var applicationId: UUID
    /// The applicant.
    public var applicantId: UUID
    /// The outcome now in force (as recorded).
    public var outcome: AdministrativeOutcome
    /// The countersigning supervisor (never the verifier of the decision).
    public var supervisorId: UUID

    /// Creates the value; each parameter is the property of the same name.
    public init(
        decisionId: UUID,
        caseId: UUID,
        applicationId: UUID,
        applicantId: UUID,
        outcome: AdministrativeOutcome,
        supervisorId: UUID
    ) {
        self.decisionId = decisionId
        self.caseId = caseId
        self.applicationId = applicationId
        self.applicantId = applicantId
        self.outcome = outcome
        self.supervisorId = supervisorId
    }

    /// Partition key: the application id, so each application's verification stays ordered.
    public var partitionKey: String { applicationId.eventKey }

    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension VerificationDecisionCountersignedV1 {
    public static var example: Self {
        VerificationDecisionCountersignedV1(
            decisionId: CatalogueExamples.decisionId,
            caseId: CatalogueExamples.caseId,
            applicationId: CatalogueExamples.mariaApplicationId,
            applicantId: CatalogueExamples.mariaApplicantId,
            outcome: .tms,
            supervisorId: CatalogueExamples.supervisorId
        )
    }
}
