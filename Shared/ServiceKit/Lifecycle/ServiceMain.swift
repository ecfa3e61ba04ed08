import EventStore
import Foundation
import Kafka
import Logging
import PostgresNIO
import RecruitmentEvents

/// The command line of every service executable.
///
/// ```
/// <service> [serve]                 run the service (the default)
/// <service> migrate                 apply database migrations and exit
/// <service> rebuild-projection NAME reset a projection's read model and offsets; the next start replays the topics
/// <service> republish               mark every stored event unpublished; the running relay re-sends them
/// <service> print-configuration     list every environment variable with its default and meaning
/// <service> --version
/// ```
public enum ServiceMain {
    /// Runs the command given in `arguments` and exits the process with its status.
    public static func main<S: RecruitmentService>(_ service: S.Type, arguments: [String] = CommandLine.arguments)
        async -> Never
    {
        let command = Array(arguments.dropFirst())
        do {
            switch command.first ?? "serve" {
            case "serve":
                let runtime = try makeRuntime(S.self)
                try await runtime.serve()
            case "migrate":
                let runtime = try makeRuntime(S.self)
                try await withPostgres(runtime) { postgres in
                    let applied = try await DatabaseMigrator(
                        client: postgres, migrations: ServiceRuntime<S>.migrations, logger: runtime.logger
                    ).migrate()
                    print("applied \(applied.count) migration(s)")
                }
            case "rebuild-projection":
                guard command.count == 2 else { return usage(S.self, status: 64) }
                let runtime = try makeRuntime(S.self)
                try await rebuild(S.self, projectionName: command[1], runtime: runtime)
            case "republish":
                let runtime = try makeRuntime(S.self)
                try await withPostgres(runtime) { postgres in
                    let count = try await EventStore(client: postgres, logger: runtime.logger).markAllUnpublished()
                    print("marked \(count) event(s) for republishing; a running \(S.name) relays them now")
                }
            case "print-configuration":
                print(configurationTable(S.self))
            case "--version", "version":
                print("\(S.name) \(SuiteVersion.current)")
            case "--help", "-h", "help":
                usage(S.self, status: 0)
            default:
                usage(S.self, status: 64)
            }
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("\(S.name): \(error)\n".utf8))
            await end(S.self, status: 78)
        } catch {
            FileHandle.standardError.write(Data("\(S.name): \(error)\n".utf8))
            await end(S.self, status: 1)
        }
        await end(S.self, status: 0)
    }

    /// Exits with `status` once every Kafka client is destroyed.
    ///
    /// `exit` runs exit-time destructors, librdkafka's bundled libraries among them; a librdkafka thread still
    /// running then can crash the process (SIGSEGV) after a clean shutdown. A clean run has destroyed every client
    /// already, so this returns at once; threads still winding down get a short wait. A client left behind after that
    /// (a consumer whose close librdkafka never finished, already logged) does not change the status, but the process
    /// then ends without exit-time destructors.
    static func end<S: RecruitmentService>(_: S.Type, status: Int32) async -> Never {
        let wait: Duration = status == 0 ? .seconds(2) : .seconds(1)
        if await KafkaLibrary.allClientsDestroyed(within: wait) { exit(status) }
        FileHandle.standardError.write(Data(
            "\(S.name): a Kafka client is still running \(wait) after shutdown; exiting without exit-time cleanup\n".utf8))
        _exit(status)
    }

    static func makeRuntime<S: RecruitmentService>(_: S.Type) throws -> ServiceRuntime<S> {
        let reader = ConfigurationReader()
        let configuration = try ServiceConfiguration(serviceName: S.name, defaultPort: S.defaultPort, reader: reader)
        _ = MetricsBootstrap.registry
        let logger = configuration.bootstrapLogging()
        return ServiceRuntime<S>(configuration: configuration, reader: reader, logger: logger)
    }

    static func withPostgres<S: RecruitmentService>(
        _ runtime: ServiceRuntime<S>, _ body: @escaping @Sendable (PostgresClient) async throws -> Void
    ) async throws {
        let postgres = try runtime.makePostgresClient()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await postgres.run() }
            defer { group.cancelAll() }
            try await body(postgres)
        }
    }

    static func rebuild<S: RecruitmentService>(_: S.Type, projectionName: String, runtime: ServiceRuntime<S>)
        async throws
    {
        try await withPostgres(runtime) { postgres in
            let context = ServiceContext(
                configuration: runtime.configuration, reader: runtime.reader, postgres: postgres,
                eventStore: EventStore(client: postgres, logger: runtime.logger), logger: runtime.logger)
            let service = try S(context: context)
            guard let projection = service.projections.first(where: { $0.name == projectionName }) else {
                let names = service.projections.map(\.name).joined(separator: ", ")
                throw RebuildError.unknownProjection(projectionName, known: names)
            }
            try await ProjectionStore(client: postgres, logger: runtime.logger).reset(
                group: runtime.configuration.consumerGroup(projection: projection.name)
            ) { connection in
                try await projection.reset(connection, runtime.logger)
            }
            print("projection \(projection.name) reset; the next start of \(S.name) replays its topics from the beginning")
        }
    }

    enum RebuildError: Error, CustomStringConvertible {
        case unknownProjection(String, known: String)
        var description: String {
            switch self {
            case .unknownProjection(let name, let known): "no projection named \(name) (known: \(known))"
            }
        }
    }

    /// The service's environment variables as a Markdown table.
    public static func configurationTable<S: RecruitmentService>(_: S.Type) -> String {
        var lines = ["| variable | default | meaning |", "|---|---|---|"]
        for key in ServiceRuntime<S>.allKeys {
            let fallback = key.defaultValue.map { $0.isEmpty ? "(empty)" : "`\($0)`" } ?? "**required**"
            lines.append("| `\(key.name)` | \(fallback) | \(key.help)\(key.isSecret ? " (secret)" : "") |")
        }
        return lines.joined(separator: "\n")
    }

    /// The names of the service's environment variables (for deployment checks).
    public static func configurationKeyNames<S: RecruitmentService>(_: S.Type) -> [String] {
        ServiceRuntime<S>.allKeys.map(\.name)
    }

    static func usage<S: RecruitmentService>(_: S.Type, status: Int32) -> Never {
        let text = """
            usage: \(S.name) [serve | migrate | rebuild-projection NAME | republish | print-configuration | --version]
            """
        FileHandle.standardError.write(Data((text + "\n").utf8))
        exit(status)
    }
}

