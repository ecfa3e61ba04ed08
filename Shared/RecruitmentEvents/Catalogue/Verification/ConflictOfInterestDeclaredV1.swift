public import Foundation

/// An officer declared a conflict of interest with the applicant of a case and is excluded from verifying,
/// countersigning and answering objections on it (ARCHITECTURE §2; the selection must be free of KKN, DOMAIN §1).
public struct ConflictOfInterestDeclaredV1: RecruitmentEvent {
    public static let eventType = "asn.verification.conflict-of-interest-declared.v1"
    public static let topic = RecruitmentTopic.verification

    /// The case.
    public var caseId: UUID
    /// The application.
    public var applicationId: UUID
    /// The declaring officer.
    public var officerId: UUID
    /// The kind of conflict; no further detail travels.
    public var relationship: ConflictRelationship

    /// Creates the value; each parameter is the property of the same name.
    public init(caseId: UUID, applicationId: UUID, officerId: UUID, relationship: ConflictRelationship) {
        self.caseId = caseId
        self.applicationId = applicationId
        self.officerId = officerId
        self.relationship = relationship
    }

    /// Partition key: the application id, so each application's verification stays ordered.
    public var partitionKey: String { applicationId.eventKey }

    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension ConflictOfInterestDeclaredV1 {
    public static var example: Self {
        ConflictOfInterestDeclaredV1(
            caseId: CatalogueExamples.caseId,
            applicationId: CatalogueExamples.mariaApplicationId,
            officerId: CatalogueExamples.otherVerifierId,
            relationship: .family
        )
    }
}
