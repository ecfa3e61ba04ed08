public import Foundation

/// A verification case ended without an administrative result because the application was withdrawn (DOMAIN §1.2:
/// registration allows withdrawal until verification starts; a withdrawal racing a verifier's claim, or a later one
/// such as a declined placement, §1.9, still closes the case). A closed case leaves the queue, accepts no further work
/// and is not counted in a publication.
public struct VerificationCaseClosedV1: RecruitmentEvent {
    public static let eventType = "asn.verification.case-closed.v1"
    public static let topic = RecruitmentTopic.verification

    /// The case.
    public var caseId: UUID
    /// The application.
    public var applicationId: UUID
    /// Why it was closed.
    public var reason: CaseClosureReason

    /// Creates the value; each parameter is the property of the same name.
    public init(caseId: UUID, applicationId: UUID, reason: CaseClosureReason) {
        self.caseId = caseId
        self.applicationId = applicationId
        self.reason = reason
    }

    /// Partition key: the application id, so each application's verification stays ordered.
    public var partitionKey: String { applicationId.eventKey }
    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension VerificationCaseClosedV1 {
    public static var example: Self {
        VerificationCaseClosedV1(
            caseId: CatalogueExamples.caseId,
            applicationId: CatalogueExamples.mariaApplicationId,
            reason: .applicationWithdrawn
        )
    }
}
