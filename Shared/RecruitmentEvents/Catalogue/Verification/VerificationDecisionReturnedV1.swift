public import Foundation

/// A supervisor returned a decision to the verifiers instead of countersigning it; the case is open again.
public struct VerificationDecisionReturnedV1: RecruitmentEvent {
    public static let eventType = "asn.verification.decision-returned.v1"
    public static let topic = RecruitmentTopic.verification

    /// The returned decision.
    public var decisionId: UUID
    /// The case.
    public var caseId: UUID
    /// The application.
    public var applicationId: UUID
    /// The supervisor.
    public var supervisorId: UUID
    /// Why, for the verifier.
    public var reason: String

    /// Creates the value; each parameter is the property of the same name.
    public init(decisionId: UUID, caseId: UUID, applicationId: UUID, supervisorId: UUID, reason: String) {
        self.decisionId = decisionId
        self.caseId = caseId
        self.applicationId = applicationId
        self.supervisorId = supervisorId
        self.reason = reason
    }

    /// Partition key: the application id, so each application's verification stays ordered.
    public var partitionKey: String { applicationId.eventKey }

    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension VerificationDecisionReturnedV1 {
    public static var example: Self {
        VerificationDecisionReturnedV1(
            decisionId: CatalogueExamples.decisionId,
            caseId: CatalogueExamples.caseId,
            applicationId: CatalogueExamples.mariaApplicationId,
            supervisorId: CatalogueExamples.supervisorId,
            reason: "Sebutkan halaman transkrip yang tidak terbaca pada alasan TMS."
        )
    }
}
