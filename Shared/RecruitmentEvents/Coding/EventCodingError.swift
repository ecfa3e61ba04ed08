/// A failure of ``EventCoding`` to encode or decode a value.
public enum EventCodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The value could not be encoded (e.g. a non-finite number).
    case encodingFailed(type: String, reason: String)
    /// The bytes are not valid JSON for the type; `reason` names the coding path.
    case decodingFailed(type: String, reason: String)

    public var description: String {
        switch self {
        case .encodingFailed(let type, let reason): "cannot encode \(type): \(reason)"
        case .decodingFailed(let type, let reason): "cannot decode \(type): \(reason)"
        }
    }
}
