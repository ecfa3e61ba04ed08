public import Foundation

/// A verifier's claim on a case ended without a decision: released by the verifier or lease expired.
public struct VerificationCaseReleasedV1: RecruitmentEvent {
    public static let eventType = "asn.verification.case-released.v1"
    public static let topic = RecruitmentTopic.verification

    /// The case.
    public var caseId: UUID
    /// The application.
    public var applicationId: UUID
    /// The officer whose claim ended.
    public var verifierId: UUID
    /// Released or lease expired.
    public var reason: CaseReleaseReason

    /// Creates the value; each parameter is the property of the same name.
    public init(caseId: UUID, applicationId: UUID, verifierId: UUID, reason: CaseReleaseReason) {
        self.caseId = caseId
        self.applicationId = applicationId
        self.verifierId = verifierId
        self.reason = reason
    }

    /// Partition key: the application id, so each application's verification stays ordered.
    public var partitionKey: String { applicationId.eventKey }

    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension VerificationCaseReleasedV1 {
    public static var example: Self {
        VerificationCaseReleasedV1(
            caseId: CatalogueExamples.caseId,
            applicationId: CatalogueExamples.mariaApplicationId,
            verifierId: CatalogueExamples.verifierId,
            reason: .leaseExpired
        )
    }
}
