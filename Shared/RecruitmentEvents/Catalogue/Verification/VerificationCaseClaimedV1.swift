public import Foundation

/// A verifier claimed a case for review, with a lease so abandoned cases return to the pool
/// (``VerificationCaseReleasedV1``).
public struct VerificationCaseClaimedV1: RecruitmentEvent {
    public static let eventType = "asn.verification.case-claimed.v1"
    public static let topic = RecruitmentTopic.verification

    /// The case.
    public var caseId: UUID
    /// The application.
    public var applicationId: UUID
    /// The claiming officer's account id.
    public var verifierId: UUID
    /// When the claim lapses unless renewed or decided (UTC).
    public var leaseExpiresAt: Date

    /// Creates the value; each parameter is the property of the same name.
    public init(caseId: UUID, applicationId: UUID, verifierId: UUID, leaseExpiresAt: Date) {
        self.caseId = caseId
        self.applicationId = applicationId
        self.verifierId = verifierId
        self.leaseExpiresAt = leaseExpiresAt
    }

    /// Partition key: the application id, so each application's verification stays ordered.
    public var partitionKey: String { applicationId.eventKey }

    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension VerificationCaseClaimedV1 {
    public static var example: Self {
        VerificationCaseClaimedV1(
            caseId: CatalogueExamples.caseId,
            applicationId: CatalogueExamples.mariaApplicationId,
            verifierId: CatalogueExamples.verifierId,
            leaseExpiresAt: CatalogueExamples.instant("2024-09-11T02:30:00.000Z")
        )
    }
}
