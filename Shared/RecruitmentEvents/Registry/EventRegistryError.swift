/// A mistake in assembling an ``EventRegistry`` (a programming error, caught by the catalogue tests).
public enum EventRegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Two registered types share a CloudEvents `type`.
    case duplicateType(String)
    /// Two upcasters start from the same `type`.
    case duplicateUpcaster(from: String)
    /// An upcaster starts from a type that is itself registered (it could never run).
    case upcasterShadowsRegisteredType(String)

    public var description: String {
        switch self {
        case .duplicateType(let type): "event type \(type) is registered twice"
        case .duplicateUpcaster(let type): "two upcasters start from \(type)"
        case .upcasterShadowsRegisteredType(let type): "an upcaster starts from the registered type \(type)"
        }
    }
}
