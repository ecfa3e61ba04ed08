import Foundation
public import Testing

/// The services a test needs from its environment, named by environment variables.
///
/// A variable that is not set makes the lookup return `nil`, so a test can skip itself locally. Under CI (`CI=true`)
/// a missing variable is a failure instead: the lookup records an issue naming the variable, so a misconfigured CI
/// can never pass by silently skipping its integration tests.
public enum TestEnvironment {
    /// A PostgreSQL superuser URL, e.g. `postgres://postgres@127.0.0.1:15433/postgres`.
    public static let postgresURLVariable = "ASN_TEST_POSTGRES_URL"
    /// Kafka bootstrap brokers, e.g. `127.0.0.1:9092`.
    public static let kafkaBrokersVariable = "ASN_TEST_KAFKA_BROKERS"

    /// Whether the tests run under CI (`CI` is `true` or `1`).
    public static var isCI: Bool {
        let value = ProcessInfo.processInfo.environment["CI"]?.lowercased()
        return value == "true" || value == "1"
    }

    /// The PostgreSQL superuser URL, or `nil` (recording a failure under CI) when ``postgresURLVariable`` is unset.
    public static func postgresURL(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        value(of: postgresURLVariable, needed: "PostgreSQL", sourceLocation: sourceLocation)
    }

    /// The Kafka bootstrap brokers, or `nil` (recording a failure under CI) when ``kafkaBrokersVariable`` is unset.
    public static func kafkaBrokers(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        value(of: kafkaBrokersVariable, needed: "a Kafka broker", sourceLocation: sourceLocation)
    }

    /// The value of `variable`, or `nil` (recording a failure under CI) when it is unset or empty.
    public static func value(
        of variable: String,
        needed purpose: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> String? {
        if let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty {
            return value
        }
        if isCI {
            let message =
                "\(variable) is not set, but this test needs \(purpose) and CI=true: integration tests must not be "
                + "skipped under CI (.ci/run has to start the service and export \(variable))"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
        return nil
    }

    /// Skips the current test (reported as cancelled) with a message naming `variable`, for use after a lookup above
    /// returned `nil` outside CI. Under CI it returns instead (the lookup already recorded the failure).
    public static func skipUnlessCI(
        missing variable: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        guard !isCI else { return }
        try Test.cancel("\(variable) is not set; skipping", sourceLocation: sourceLocation)
    }
}
