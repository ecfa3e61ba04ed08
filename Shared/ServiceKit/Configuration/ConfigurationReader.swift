public import Foundation

/// Reads typed values from environment variables declared as ``ConfigurationKey``s.
///
/// Every read either returns a valid value or throws a ``ConfigurationError`` naming the variable, so a service with a
/// bad configuration stops at start with a message an operator can act on.
public struct ConfigurationReader: Sendable {
    private let environment: [String: String]

    /// Creates a reader over `environment` (the process environment by default).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The raw value of `key`, or its default; throws when a required key is unset or empty.
    public func string(_ key: ConfigurationKey) throws -> String {
        if let value = environment[key.name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
            return value
        }
        guard let fallback = key.defaultValue else { throw ConfigurationError.missing(key: key.name) }
        return fallback
    }

    /// The value of `key` when set (or defaulted), otherwise `nil`.
    public func optionalString(_ key: ConfigurationKey) -> String? {
        try? string(key)
    }

    /// An integer within `range`.
    public func int(_ key: ConfigurationKey, in range: ClosedRange<Int> = Int.min...Int.max) throws -> Int {
        let raw = try string(key)
        guard let value = Int(raw), range.contains(value) else {
            throw ConfigurationError.invalid(
                key: key.name, value: raw, expected: "an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A boolean: true/false, yes/no, 1/0, on/off.
    public func bool(_ key: ConfigurationKey) throws -> Bool {
        let raw = try string(key)
        switch raw.lowercased() {
        case "true", "yes", "1", "on": return true
        case "false", "no", "0", "off": return false
        default: throw ConfigurationError.invalid(key: key.name, value: raw, expected: "true or false")
        }
    }

    /// A comma-separated list; empty items are dropped.
    public func list(_ key: ConfigurationKey) throws -> [String] {
        try string(key).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The base URL of another service (`http` or `https` with a host), without trailing slashes, ready for
    /// `baseURL + "/path"`.
    public func baseURL(_ key: ConfigurationKey) throws -> String {
        var url = try string(key)
        while url.hasSuffix("/") { url.removeLast() }
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
              parsed.host != nil
        else { throw ConfigurationError.invalid(key: key.name, value: url, expected: "an http(s) URL") }
        return url
    }

    /// One of the cases of a string enum.
    public func choice<T: RawRepresentable & CaseIterable>(_ key: ConfigurationKey, as type: T.Type) throws -> T
    where T.RawValue == String {
        let raw = try string(key)
        guard let value = T(rawValue: raw.lowercased()) else {
            throw ConfigurationError.invalid(
                key: key.name, value: raw, expected: "one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }
}
