import Logging
import Testing
@testable import ServiceKit

@Suite struct ConfigurationReaderTests {
    static let required = ConfigurationKey("ASN_X", default: nil, help: "x")
    static let port = ConfigurationKey("ASN_PORT", default: "8081", help: "port")

    @Test func missingRequiredValueNamesTheVariable() {
        let reader = ConfigurationReader(environment: [:])
        #expect(throws: ConfigurationError.missing(key: "ASN_X")) { try reader.string(Self.required) }
    }

    @Test func defaultIsUsedWhenUnsetOrEmpty() throws {
        #expect(try ConfigurationReader(environment: [:]).int(Self.port) == 8081)
        #expect(try ConfigurationReader(environment: ["ASN_PORT": "  "]).int(Self.port) == 8081)
    }

    @Test func outOfRangeIntegerIsInvalid() {
        let reader = ConfigurationReader(environment: ["ASN_PORT": "70000"])
        #expect(throws: ConfigurationError.self) { try reader.int(Self.port, in: 1...65535) }
        #expect("\((try? reader.int(Self.port, in: 1...65535)) == nil)" == "true")
    }

    @Test func errorMessageNamesKeyButNotValue() {
        let error = ConfigurationError.invalid(key: "ASN_POSTGRES_URL", value: "secret-password", expected: "a URL")
        #expect(error.description.contains("ASN_POSTGRES_URL"))
        #expect(!error.description.contains("secret-password"))
    }

    @Test func serviceConfigurationRequiresPostgresAndBrokers() {
        #expect(throws: ConfigurationError.missing(key: "ASN_POSTGRES_URL")) {
            try ServiceConfiguration(serviceName: "t", defaultPort: 1, reader: ConfigurationReader(environment: [:]))
        }
        let reader = ConfigurationReader(environment: ["ASN_POSTGRES_URL": "postgres://u@h/d", "ASN_KAFKA_BROKERS": " , "])
        #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration(serviceName: "t", defaultPort: 1, reader: reader)
        }
    }

    @Test func serviceConfigurationParsesEverything() throws {
        let reader = ConfigurationReader(environment: [
            "ASN_POSTGRES_URL": "postgres://u@h/d", "ASN_KAFKA_BROKERS": "a:1,b:2",
            "ASN_KAFKA_PROPERTIES": "security.protocol=SSL,ssl.ca.location=/x", "ASN_LOG_LEVEL": "DEBUG",
            "ASN_LOG_FORMAT": "text",
        ])
        let configuration = try ServiceConfiguration(serviceName: "t", defaultPort: 8081, reader: reader)
        #expect(configuration.kafkaBrokers == ["a:1", "b:2"])
        #expect(configuration.kafkaProperties == ["security.protocol": "SSL", "ssl.ca.location": "/x"])
        #expect(configuration.logLevel == .debug)
        #expect(configuration.logFormat == .text)
        #expect(configuration.httpPort == 8081)
        #expect(configuration.topicPartitions == 6)
        #expect(configuration.postgresKeepAliveSeconds == nil)
        #expect(configuration.shutdownGraceSeconds == 25)
    }

    @Test func shutdownGraceMustBeAPositiveNumberOfSeconds() throws {
        func grace(_ value: String) throws -> Int {
            try ServiceConfiguration(serviceName: "t", defaultPort: 1, reader: ConfigurationReader(environment: [
                "ASN_POSTGRES_URL": "postgres://u@h/d", "ASN_KAFKA_BROKERS": "a:1",
                "ASN_SHUTDOWN_GRACE_SECONDS": value,
            ])).shutdownGraceSeconds
        }
        #expect(try grace("10") == 10)
        #expect(throws: ConfigurationError.self) { try grace("0") }
        #expect(throws: ConfigurationError.self) { try grace("later") }
    }

    @Test func postgresKeepAliveZeroTurnsItOff() throws {
        func keepAlive(_ value: String) throws -> Int? {
            try ServiceConfiguration(serviceName: "t", defaultPort: 1, reader: ConfigurationReader(environment: [
                "ASN_POSTGRES_URL": "postgres://u@h/d", "ASN_KAFKA_BROKERS": "a:1",
                "ASN_POSTGRES_KEEP_ALIVE_SECONDS": value,
            ])).postgresKeepAliveSeconds
        }
        #expect(try keepAlive("0") == nil)
        #expect(try keepAlive("45") == 45)
        #expect(throws: ConfigurationError.self) { try keepAlive("-1") }
        #expect(throws: ConfigurationError.self) { try keepAlive("soon") }
    }

    @Test func trustedProxiesMustBeAddresses() throws {
        func configuration(_ proxies: String) throws -> ServiceConfiguration {
            try ServiceConfiguration(serviceName: "t", defaultPort: 1, reader: ConfigurationReader(environment: [
                "ASN_POSTGRES_URL": "postgres://u@h/d", "ASN_KAFKA_BROKERS": "a:1", "ASN_HTTP_TRUSTED_PROXIES": proxies,
            ]))
        }
        #expect(try configuration("").trustedProxies.isEmpty)
        #expect(try configuration("10.0.0.2, [2001:db8::1]").trustedProxies == ["10.0.0.2", "[2001:db8::1]"])
        #expect(throws: ConfigurationError.self) { try configuration("10.0.0.2,ingress.local") }
    }

    @Test func malformedKafkaPropertiesAreRejected() {
        let reader = ConfigurationReader(environment: [
            "ASN_POSTGRES_URL": "postgres://u@h/d", "ASN_KAFKA_BROKERS": "a:1", "ASN_KAFKA_PROPERTIES": "novalue",
        ])
        #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration(serviceName: "t", defaultPort: 1, reader: reader)
        }
    }
}
