import Foundation

/// What the benchmarks take from the environment that `deploy/local/bench.sh` prepares.
struct BenchEnvironment: Sendable {
    /// A PostgreSQL superuser URL: the benchmarks create (and drop) their own databases through it.
    var postgresAdminURL: String
    /// Kafka bootstrap servers.
    var kafkaBrokers: [String]
    /// Whether `LD_LIBRARY_PATH` is set (the newer librdkafka Tansu needs comes first on it).
    var hasLibraryPath: Bool

    static let postgresVariable = "ASN_TEST_POSTGRES_URL"
    static let brokersVariable = "ASN_TEST_KAFKA_BROKERS"

    /// Reads the environment; throws naming the first missing variable.
    init(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(BenchEnvironmentError) {
        guard let postgres = environment[Self.postgresVariable], !postgres.isEmpty else {
            throw .missing(Self.postgresVariable, meaning: "a PostgreSQL superuser URL, e.g. postgres://postgres@127.0.0.1:55434/postgres")
        }
        guard let brokers = environment[Self.brokersVariable], !brokers.isEmpty else {
            throw .missing(Self.brokersVariable, meaning: "the Kafka bootstrap servers, e.g. 127.0.0.1:59094")
        }
        self.postgresAdminURL = postgres
        self.kafkaBrokers = brokers.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        self.hasLibraryPath = !(environment["LD_LIBRARY_PATH"] ?? "").isEmpty
    }
}

/// The environment lacks something the benchmarks need.
enum BenchEnvironmentError: Error, CustomStringConvertible {
    case missing(String, meaning: String)

    var description: String {
        switch self {
        case .missing(let variable, let meaning):
            "\(variable) is not set: it must name \(meaning). Run the benchmarks with `make bench` "
                + "(deploy/local/bench.sh), or start the bench stack (ASN_STACK=bench deploy/local/stack.sh start) "
                + "and `source .stack/bench/env` first."
        }
    }
}
