public import Foundation

/// One document of a submitted application: the exact version the verifiers will review.
public struct SubmittedDocument: Sendable, Hashable, Codable {
    /// The document's id (from ``DocumentUploadedV1`` or ``DocumentReplacedV1``).
    public var documentId: UUID
    /// The ``RequiredDocument/code`` it fulfils.
    public var requirementCode: String
    /// Its type.
    public var type: DocumentType
    /// SHA-256 of the bytes, lowercase hex.
    public var sha256: String

    /// Creates the value; each parameter is the property of the same name.
    public init(documentId: UUID, requirementCode: String, type: DocumentType, sha256: String) {
        self.documentId = documentId
        self.requirementCode = requirementCode
        self.type = type
        self.sha256 = sha256
    }
}
