public import Foundation

/// Where the full text of an announcement is published, and its hash so that anyone can check the file.
public struct PublishedDocumentReference: Sendable, Hashable, Codable {
    /// The public address of the document.
    public var url: URL
    /// Its format (PDF).
    public var mediaType: DocumentFormat
    /// SHA-256 of the file, lowercase hex.
    public var sha256: String

    /// Creates the value; each parameter is the property of the same name.
    public init(url: URL, mediaType: DocumentFormat, sha256: String) {
        self.url = url
        self.mediaType = mediaType
        self.sha256 = sha256
    }
}
