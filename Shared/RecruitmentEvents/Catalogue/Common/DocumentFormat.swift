/// A file format, written as its media type; the registration service detects it from the magic bytes, not from the
/// declared type (ARCHITECTURE §6).
public enum DocumentFormat: String, SchemaEnumeration, Hashable {
    /// JPEG image.
    case jpeg = "image/jpeg"

    /// PDF document.
    case pdf = "application/pdf"

    /// MP4 video.
    case mp4 = "video/mp4"
}
