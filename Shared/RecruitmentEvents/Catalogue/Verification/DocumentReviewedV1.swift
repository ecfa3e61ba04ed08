public import Foundation

/// A verifier recorded a verdict on one submitted document (DOMAIN §1.3, §1.4). The verdict refers to the exact file
/// version by id and SHA-256.
public struct DocumentReviewedV1: RecruitmentEvent {
    public static let eventType = "asn.verification.document-reviewed.v1"
    public static let topic = RecruitmentTopic.verification

    /// The case.
    public var caseId: UUID
    /// The application.
    public var applicationId: UUID
    /// The reviewed document.
    public var documentId: UUID
    /// SHA-256 of the reviewed bytes, lowercase hex.
    public var documentSha256: String
    /// The ``RequiredDocument/code`` it was checked against.
    public var requirementCode: String
    /// Its type.
    public var type: DocumentType
    /// Valid or invalid.
    public var verdict: DocumentVerdict
    /// Why it is invalid; absent when valid.
    public var reasonCode: RequirementFailureReason?
    /// The verifier's free text, shown to the applicant.
    public var note: String?
    /// The reviewing officer.
    public var verifierId: UUID

    /// Creates the value; each parameter is the property of the same name.
    public init(
        caseId: UUID,
        applicationId: UUID,
        documentId: UUID,
        documentSha256: String,
        requirementCode: String,
        type: DocumentType,
        verdict: DocumentVerdict,
        reasonCode: RequirementFailureReason? = nil,
        note: String? = nil,
        verifierId: UUID
    ) {
        self.caseId = caseId
        self.applicationId = applicationId
        self.documentId = documentId
        self.documentSha256 = documentSha256
        self.requirementCode = requirementCode
        self.type = type
        self.verdict = verdict
        self.reasonCode = reasonCode
        self.note = note
        self.verifierId = verifierId
    }

    /// Partition key: the application id, so each application's verification stays ordered.
    public var partitionKey: String { applicationId.eventKey }

    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension DocumentReviewedV1 {
    public static var example: Self {
        DocumentReviewedV1(
            caseId: CatalogueExamples.caseId,
            applicationId: CatalogueExamples.mariaApplicationId,
            documentId: CatalogueExamples.transcriptDocumentId,
            documentSha256: CatalogueExamples.transcriptSha256,
            requirementCode: "transkrip-nilai",
            type: .transkripNilai,
            verdict: .invalid,
            reasonCode: .unreadable,
            note: "Halaman kedua transkrip tidak terbaca.",
            verifierId: CatalogueExamples.verifierId
        )
    }
}
