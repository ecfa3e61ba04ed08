import EventStore
import PostgresNIO
import Testing

@Suite("PostgresConfiguration")
struct PostgresConfigurationTests {
    @Test func parsesAFullURL() throws {
        let configuration = try PostgresConfiguration(
            url: "postgres://reg%40user:p%2Fss@db.internal:6543/registration?sslmode=require&application_name=reg"
        )
        #expect(configuration.host == "db.internal")
        #expect(configuration.port == 6543)
        #expect(configuration.username == "reg@user")
        #expect(configuration.password == "p/ss")
        #expect(configuration.database == "registration")
        #expect(configuration.tlsMode == .require)
        #expect(configuration.applicationName == "reg")
        #expect(!configuration.description.contains("p/ss"))
    }

    @Test func appliesLibpqDefaults() throws {
        let configuration = try PostgresConfiguration(url: "postgresql://postgres@127.0.0.1")
        #expect(configuration.port == 5432)
        #expect(configuration.database == "postgres")
        #expect(configuration.password == nil)
        #expect(configuration.tlsMode == .prefer)
        #expect(configuration.unixSocketPath == nil)
    }

    @Test func supportsUnixSockets() throws {
        let configuration = try PostgresConfiguration(url: "postgres://app@/appdb?host=/var/run/postgresql")
        #expect(configuration.unixSocketPath == "/var/run/postgresql/.s.PGSQL.5432")
        #expect(configuration.database == "appdb")
    }

    @Test(arguments: [
        ("mysql://u@h/db", PostgresConfigurationError.unsupportedScheme("mysql")),
        ("postgres://h/db", .missingUsername),
        ("postgres://u@h/db?sslmode=sometimes", .invalidSSLMode("sometimes")),
        ("postgres://u@h/db?target_session_attrs=any", .unsupportedParameter("target_session_attrs")),
        ("postgres://u@h/db?connect_timeout=-1", .invalidParameter(name: "connect_timeout", value: "-1")),
        ("postgres://u@/db", .missingHost),
        ("postgres://u@h:70000/db", .invalidPort("70000")),
    ])
    func rejectsBadURLs(url: String, expected: PostgresConfigurationError) {
        #expect(throws: expected) { try PostgresConfiguration(url: url) }
    }

    @Test func buildsAClientConfiguration() throws {
        let configuration = try PostgresConfiguration(url: "postgres://u:pw@127.0.0.1:15433/db?sslmode=disable")
        let client = configuration.clientConfiguration(maximumConnections: 7)
        #expect(client.host == "127.0.0.1")
        #expect(client.port == 15433)
        #expect(client.username == "u")
        #expect(client.password == "pw")
        #expect(client.database == "db")
        #expect(client.options.maximumConnections == 7)
        #expect(client.options.keepAliveBehavior?.frequency == .seconds(30))
        #expect(configuration.clientConfiguration(keepAlive: .seconds(5)).options.keepAliveBehavior?.frequency
            == .seconds(5))
        #expect(configuration.clientConfiguration(keepAlive: nil).options.keepAliveBehavior == nil)
    }
}
