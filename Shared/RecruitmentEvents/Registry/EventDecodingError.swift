/// Why an envelope could not be turned into an event; consumers dead-letter it with ``code`` and ``description``.
public enum EventDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No registered type and no upcaster for this CloudEvents `type`.
    case unknownType(String)
    /// The type is known but its payload does not decode; `reason` names the coding path.
    case undecodablePayload(type: String, reason: String)
    /// ``EventEnvelope/decode(as:)`` was asked for a different type than the envelope carries.
    case typeMismatch(expected: String, actual: String)
    /// An upcaster failed (its transform threw, or the chain of upcasters is broken or circular).
    case upcastFailed(from: String, to: String, reason: String)

    /// A stable, machine-readable code (for dead-letter tables and metrics labels).
    public var code: String {
        switch self {
        case .unknownType: "unknown-type"
        case .undecodablePayload: "undecodable-payload"
        case .typeMismatch: "type-mismatch"
        case .upcastFailed: "upcast-failed"
        }
    }

    public var description: String {
        switch self {
        case .unknownType(let type): "unknown event type \(type)"
        case .undecodablePayload(let type, let reason): "undecodable payload for \(type): \(reason)"
        case .typeMismatch(let expected, let actual): "expected event type \(expected), got \(actual)"
        case .upcastFailed(let from, let to, let reason): "cannot upcast \(from) to \(to): \(reason)"
        }
    }
}
