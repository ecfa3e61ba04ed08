/// A configuration value that is missing or cannot be used; the message names the variable.
public enum ConfigurationError: Error, Equatable, CustomStringConvertible {
    case missing(key: String)
    case invalid(key: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .missing(let key):
            "configuration: \(key) is required but not set"
        case .invalid(let key, _, let expected):
            // The value itself is not repeated: it may be a secret.
            "configuration: \(key) is invalid: expected \(expected)"
        }
    }
}
