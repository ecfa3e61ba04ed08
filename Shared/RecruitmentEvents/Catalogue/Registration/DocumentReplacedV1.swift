public import Foundation

/// A document was uploaded again for the same requirement before submission; the system keeps the last upload (DOMAIN
/// §1.2, BKN 2019 guide). After submission documents cannot change, not even through an objection (DOMAIN §1.5).
public struct DocumentReplacedV1: RecruitmentEvent {
    public static let eventType = "asn.registration.document-replaced.v1"
    public static let topic = RecruitmentTopic.registration

    /// The application.
    public var applicationId: UUID
    /// The applicant.
    public var applicantId: UUID
    /// The new document's id.
    public var documentId: UUID
    /// The id of the document it replaces.
    public var replacedDocumentId: UUID
    /// The ``RequiredDocument/code`` both fulfil.
    public var requirementCode: String
    /// Its type.
    public var type: DocumentType
    /// The detected format.
    public var format: DocumentFormat
    /// The size in bytes.
    public var sizeBytes: Int
    /// SHA-256 of the new bytes, lowercase hex.
    public var sha256: String

    /// Creates the value; each parameter is the property of the same name.
    public init(
        applicationId: UUID,
        applicantId: UUID,
        documentId: UUID,
        replacedDocumentId: UUID,
        requirementCode: String,
        type: DocumentType,
        format: DocumentFormat,
        sizeBytes: Int,
        sha256: String
    ) {
        self.applicationId = applicationId
        self.applicantId = applicantId
        self.documentId = documentId
        self.replacedDocumentId = replacedDocumentId
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

extension DocumentReplacedV1 {
    public static var example: Self {
        DocumentReplacedV1(
            applicationId: CatalogueExamples.mariaApplicationId,
            applicantId: CatalogueExamples.mariaApplicantId,
            documentId: CatalogueExamples.diplomaDocumentId,
            replacedDocumentId: CatalogueExamples.replacedDiplomaDocumentId,
            requirementCode: "ijazah",
            type: .ijazah,
            format: .pdf,
            sizeBytes: 655_104,
            sha256: CatalogueExamples.diplomaSha256
        )
    }
}
