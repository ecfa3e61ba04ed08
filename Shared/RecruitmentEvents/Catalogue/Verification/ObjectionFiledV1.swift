public import Foundation

/// An applicant with a TMS result filed an objection (sanggah) within the window (DOMAIN §1.5): once per applicant, it
/// cannot replace documents, and it succeeds only if the verifier erred.
public struct ObjectionFiledV1: RecruitmentEvent {
    public static let eventType = "asn.verification.objection-filed.v1"
    public static let topic = RecruitmentTopic.verification

    /// The objection's id.
    public var objectionId: UUID
    /// The application.
    public var applicationId: UUID
    /// The applicant.
    public var applicantId: UUID
    /// The disputed decision.
    public var decisionId: UUID
    /// The unmet requirements the applicant disputes.
    public var disputedRequirementCodes: [String]
    /// The applicant's reason (the form's reason box); not published.
    public var reason: String

    /// Creates the value; each parameter is the property of the same name.
    public init(
        objectionId: UUID,
        applicationId: UUID,
        applicantId: UUID,
        decisionId: UUID,
        disputedRequirementCodes: [String],
        reason: String
    ) {
        self.objectionId = objectionId
        self.applicationId = applicationId
        self.applicantId = applicantId
        self.decisionId = decisionId
        self.disputedRequirementCodes = disputedRequirementCodes
        self.reason = reason
    }

    /// Partition key: the application id, so each application's verification stays ordered.
    public var partitionKey: String { applicationId.eventKey }

    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension ObjectionFiledV1 {
    public static var example: Self {
        ObjectionFiledV1(
            objectionId: CatalogueExamples.objectionId,
            applicationId: CatalogueExamples.mariaApplicationId,
            applicantId: CatalogueExamples.mariaApplicantId,
            decisionId: CatalogueExamples.decisionId,
            disputedRequirementCodes: ["transkrip-nilai"],
            reason: "Kedua halaman transkrip yang saya unggah terbaca jelas; mohon diperiksa kembali."
        )
    }
}
