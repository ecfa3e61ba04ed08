/// Why a Kafka message could not be read as an ``EventEnvelope``; consumers dead-letter the message with
/// ``description`` as the reason.
public enum EventEnvelopeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A required header is absent.
    case missingHeader(name: String)
    /// A header is present but its value is unusable.
    case invalidHeader(name: String, reason: String)
    /// A known header appears more than once.
    case duplicateHeader(name: String)
    /// The message has no key (the partition key).
    case missingKey
    /// The message key is not UTF-8.
    case invalidKey

    /// A stable, machine-readable code (for dead-letter tables and metrics labels).
    public var code: String {
        switch self {
        case .missingHeader: "missing-header"
        case .invalidHeader: "invalid-header"
        case .duplicateHeader: "duplicate-header"
        case .missingKey: "missing-key"
        case .invalidKey: "invalid-key"
        }
    }

    public var description: String {
        switch self {
        case .missingHeader(let name): "missing Kafka header \(name)"
        case .invalidHeader(let name, let reason): "invalid Kafka header \(name): \(reason)"
        case .duplicateHeader(let name): "Kafka header \(name) appears more than once"
        case .missingKey: "the Kafka message has no key"
        case .invalidKey: "the Kafka message key is not UTF-8"
        }
    }
}
