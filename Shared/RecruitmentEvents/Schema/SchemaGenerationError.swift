/// Why a JSON Schema could not be derived from a Swift type.
public enum SchemaGenerationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The type (at `path`) uses a construct the recorder cannot describe, e.g. a dictionary, a non-string enum
    /// without ``SchemaEnumeration``, or a value that decodes nothing.
    case unsupported(path: String, reason: String)

    public var description: String {
        switch self {
        case .unsupported(let path, let reason): "cannot derive a schema at \(path): \(reason)"
        }
    }
}
