public import Foundation

/// A document was uploaded into an application (DOMAIN §1.3). Only metadata and the SHA-256 travel; the bytes stay in
/// the
/// registration service, which checked the format by magic bytes and the size limit of the requirement.
public struct DocumentUploadedV1: RecruitmentEvent {
    public static let eventType = "asn.registration.document-uploaded.v1"
    public static let topic = RecruitmentTopic.registration

    /// The application.
    public var applicationId: UUID
    /// The applicant.
    public var applicantId: UUID
    /// The document's id (one per uploaded file version).
    public var documentId: UUID
    /// The ``RequiredDocument/code`` it fulfils.
    public var requirementCode: String
    /// Its type.
    public var type: DocumentType
    /// The detected format.
    public var format: DocumentFormat
    /// The size in bytes.
    public var sizeBytes: Int
    /// SHA-256 of the bytes, lowercase hex.
    public var sha256: String

    /// Creates the value; each parameter is the property of the same name.
    public init(
        applicationId: UUID,
        applicantId: UUID,
        documentId: UUID,
        requirementCode: String,
        type: DocumentType,
        format: DocumentFormat,
        sizeBytes: Int,
        sha256: String
    ) {
        self.applicationId = applicationId
        self.applicantId = applicantId
        self.documentId = documentId
        self.requirementCode = requirementCode
        self.type = type
        self.format = format
        self.sizeBytes = sizeBytes
        self.sha256 = sha256
    }

    /// Partition key: the application id.
    public var partitionKey: String { applicationId.eventKey }

    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension DocumentUploadedV1 {
    public static var example: Self {
        DocumentUploadedV1(
            applicationId: CatalogueExamples.mariaApplicationId,
            applicantId: CatalogueExamples.mariaApplicantId,
            documentId: CatalogueExamples.transcriptDocumentId,
            requirementCode: "transkrip-nilai",
            type: .transkripNilai,
            format: .pdf,
            sizeBytes: 412_337,
            sha256: CatalogueExamples.transcriptSha256
        )
    }
}
