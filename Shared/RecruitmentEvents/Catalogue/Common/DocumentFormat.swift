/// A file format, written as its media type; the registration service detects it from the magic bytes, not from the
/// declared type (ARCHITECTURE §6).
public enum DocumentFormat: String, SchemaEnumeration, Hashable {
    /// JPEG image.
    case jpeg = "image/jpeg"

    /// PDF document.
    case pdf = "application/pdf"

    /// MP4 video.
    case mp4 = "video/mp4"

    /// JSON: the structured body of an announcement published by the announcements service (its public record, the
    /// one the transparency log commits to). Never an accepted format for an applicant's upload.
    case json = "application/json"

    /// Whether applicants may be asked to upload files of this format (detected from their magic bytes).
    public var isUploadable: Bool { self != .json }
}
