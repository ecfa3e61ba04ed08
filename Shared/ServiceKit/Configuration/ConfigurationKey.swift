/// One environment variable a service reads: its name, default and meaning.
///
/// Every variable a service understands is declared as a key, so the operations guide can list them all and a test can
/// check deployment files against them (`<service> --print-configuration`).
public struct ConfigurationKey: Sendable, Hashable, Comparable {
    /// The environment variable, e.g. `ASN_HTTP_PORT`.
    public var name: String
    /// The value used when the variable is unset, or `nil` when it is required.
    public var defaultValue: String?
    /// What the variable means, for operators.
    public var help: String
    /// Whether the value is a secret that must never be logged or printed.
    public var isSecret: Bool

    public init(_ name: String, default defaultValue: String?, help: String, isSecret: Bool = false) {
        self.name = name
        self.defaultValue = defaultValue
        self.help = help
        self.isSecret = isSecret
    }

    public static func < (lhs: ConfigurationKey, rhs: ConfigurationKey) -> Bool { lhs.name < rhs.name }
}
