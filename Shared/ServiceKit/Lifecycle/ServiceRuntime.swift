import EventStore
import Foundation
import Hummingbird
import Kafka
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceLifecycle
import UnixSignals

/// Builds and runs one service: PostgreSQL, migrations, event store, outbox relay, projections, Kafka, the HTTP
/// server with operations endpoints, and graceful shutdown in dependency order.
struct ServiceRuntime<S: RecruitmentService> {
    let configuration: ServiceConfiguration
    let reader: ConfigurationReader
    let logger: Logger

    static var buildKey: ConfigurationKey {
        ConfigurationKey("ASN_BUILD_COMMIT", default: "unknown",
                         help: "The build identifier reported by /info (set by the image build).")
    }

    /// How long a client may stay silent in the middle of a request once shutdown began (``StalledRequestCloser``).
    static var shutdownSilence: TimeAmount { .seconds(5) }

    /// Every key the service reads, shared and its own, sorted by name.
    static var allKeys: [ConfigurationKey] {
        (ServiceConfiguration.keys(defaultPort: S.defaultPort) + [buildKey] + S.configurationKeys).sorted()
    }

    /// The migrations of the service's database: the event store's, then the service's read models.
    static var migrations: [Migration] { EventStoreMigrations.all + S.migrations }

    /// Every topic the service touches; it creates missing ones at start (idempotent).
    static func topics(of service: S) -> [RecruitmentTopic] {
        var topics = Set(service.projections.flatMap(\.topics))
        if let published = S.publishes { topics.insert(published) }
        return topics.sorted { $0.name < $1.name }
    }

    func makePostgresClient() throws -> PostgresClient {
        let postgres = try PostgresConfiguration(url: configuration.postgresURL)
        return postgres.makeClient(
            maximumConnections: configuration.postgresMaxConnections,
            keepAlive: configuration.postgresKeepAliveSeconds.map { .seconds($0) }, backgroundLogger: logger)
    }

    /// Runs until SIGTERM/SIGINT, then shuts down: HTTP first, then projections and relay, then Kafka, then PostgreSQL.
    func serve() async throws {
        let postgres = try makePostgresClient()
        let eventStore = EventStore(client: postgres, logger: logger)
        let projectionStore = ProjectionStore(client: postgres, logger: logger)
        let migrator = try DatabaseMigrator(client: postgres, migrations: Self.migrations, logger: logger)
        let context = ServiceContext(
            configuration: configuration, reader: reader, postgres: postgres, eventStore: eventStore, logger: logger)
        let service = try S(context: context)
        let startup = StartupState()
        let registry = EventRegistry.standard

        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(
                bootstrapServers: configuration.kafkaBrokers, clientID: S.name,
                properties: configuration.kafkaProperties),
            logger: logger)
        let admin = try KafkaAdmin(
            configuration: KafkaAdminConfiguration(
                bootstrapServers: configuration.kafkaBrokers, clientID: "\(S.name)-admin",
                properties: configuration.kafkaProperties),
            logger: logger)

        let migrationTask = RetryingStartupTask(
            name: "migrations", logger: logger,
            step: {
                let applied = try await migrator.migrate()
                if !applied.isEmpty {
                    logger.notice("migrations applied", metadata: ["versions": "\(applied.map(\.version))"])
                }
                try await service.prepare()
                startup.markMigrated()
            },
            isPermanent: Self.isPermanentMigrationFailure,
            onFailure: startup.recordFailure)
        let topics = Self.topics(of: service)
        let partitions = configuration.topicPartitions
        let replication = configuration.topicReplicationFactor
        let topicTask = RetryingStartupTask(
            name: "topics", logger: logger,
            step: {
                var names = topics.map(configuration.topicName)
                if !service.projections.isEmpty { names.append(configuration.deadLetterTopicName) }
                _ = try await admin.createTopics(names.map {
                    KafkaNewTopic(name: $0, partitions: partitions, replicationFactor: replication,
                                  config: ["retention.ms": "-1"])
                })
                startup.markTopicsReady()
            },
            isPermanent: { _ in false },
            onFailure: startup.recordFailure)

        let databaseMonitor = DatabaseMonitor(postgres: postgres, logger: logger)
        var backgroundServices: [BoundedServiceGroup.Member] = [
            .init("postgres-pool", postgres), .init("kafka-producer", producer),
            .init("database-monitor", databaseMonitor), .init("migrations", migrationTask), .init("topics", topicTask),
        ]
        if let published = S.publishes {
            backgroundServices.append(.init("outbox-relay", OutboxRelay(
                eventStore: eventStore, producer: producer, topic: configuration.topicName(published),
                batchSize: configuration.outboxBatchSize,
                idleInterval: .milliseconds(configuration.outboxPollIntervalMilliseconds),
                startup: startup, logger: logger)))
        }
        let runners = service.projections.flatMap { projection in
            (0..<projection.consumers).map { member in
                ProjectionRunner(
                    projection: projection, member: member, serviceName: S.name, configuration: configuration,
                    store: projectionStore, registry: registry, startup: startup, logger: logger,
                    deadLetters: DeadLetterPublisher(
                        producer: producer, topic: configuration.deadLetterTopicName, logger: logger))
            }
        }
        backgroundServices += runners.enumerated().map { index, runner in
            .init("projection \(runner.projection.name) #\(index)", runner)
        }
        backgroundServices += service.backgroundServices.map { .init("\(type(of: $0))", $0) }

        let readiness = Self.readinessChecks(
            databaseMonitor: databaseMonitor, producer: producer, startup: startup, runners: runners,
            maximumLag: configuration.readyMaxProjectionLag, logger: logger) + service.readinessChecks
        let startedAt = Date()
        let build = reader.optionalString(Self.buildKey) ?? "unknown"
        let openAPIDocument = try service.openAPIDocument().jsonData()
        let operations = OperationsRoutes(
            readinessChecks: readiness, registry: MetricsBootstrap.registry,
            info: {
                let backlog = try? await eventStore.outboxBacklog()
                return ServiceInfo(
                    service: S.name, version: SuiteVersion.current, build: build, startedAt: startedAt,
                    publishes: S.publishes.map { [configuration.topicName($0)] } ?? [],
                    consumes: runners.flatMap { runner in
                        runner.lagState.partitions.map {
                            ServiceInfo.ConsumedPartition(
                                projection: runner.projection.name, topic: $0.topicPartition.topic,
                                partition: Int($0.topicPartition.partition), lag: $0.lag ?? 0)
                        }
                    },
                    outbox: S.publishes == nil ? nil : backlog.map {
                        ServiceInfo.OutboxStatus(
                            unpublished: Int($0.count),
                            oldestUnpublishedAgeSeconds: $0.oldestAge.map { Double($0.components.seconds) })
                    })
            },
            openAPIDocument: openAPIDocument)

        let router = HTTPRouterFactory.makeRouter(
            configuration: configuration, operations: operations, databaseMonitor: databaseMonitor)
        service.registerRoutes(on: router)
        let application = Application(
            responder: DeadlineResponder(
                inner: router.buildResponder(), deadline: .seconds(configuration.requestDeadlineSeconds)),
            server: .http1(configuration: .init(
                additionalChannelHandlers: [StalledRequestCloser(silence: Self.shutdownSilence)],
                idleTimeout: .seconds(Int64(configuration.httpIdleTimeoutSeconds)))),
            configuration: .init(address: .hostname(configuration.httpHost, port: configuration.httpPort),
                                 serverName: S.name),
            logger: logger)

        let group = BoundedServiceGroup(
            members: backgroundServices + [.init("http", application, endsGroupWhenFinished: true)],
            signals: [.sigterm, .sigint], shutdownLimit: .seconds(configuration.shutdownGraceSeconds), logger: logger)
        logger.info("starting", metadata: [
            "version": "\(SuiteVersion.current)", "port": "\(configuration.httpPort)",
            "topics": "\(topics.map(configuration.topicName))", "projections": "\(runners.map(\.group))",
        ])
        do {
            try await group.run()
        } catch {
            await admin.shutdown()
            throw error
        }
        await admin.shutdown()
        logger.info("stopped")
    }

    static func isPermanentMigrationFailure(_ error: any Error) -> Bool {
        switch error as? MigrationError {
        case .invalidMigrations, .unknownAppliedVersions, .checksumMismatch: true
        default: false
        }
    }

    static func readinessChecks(
        databaseMonitor: DatabaseMonitor, producer: KafkaProducer, startup: StartupState, runners: [ProjectionRunner],
        maximumLag: Int, logger: Logger
    ) -> [ReadinessCheck] {
        let brokerReachability = BrokerReachability()
        return [
            ReadinessCheck(name: "postgres") {
                databaseMonitor.isAvailable ? .ready : .notReady(databaseMonitor.unavailableReason ?? "unavailable")
            },
            ReadinessCheck(name: "migrations") {
                startup.isMigrated ? .ready : .notReady(startup.lastFailure ?? "migrations not applied yet")
            },
            ReadinessCheck(name: "broker") {
                let reachable = await brokerReachability.check { () async throws(KafkaError) in
                    try await producer.checkBrokerConnection(timeout: .seconds(1))
                }
                guard reachable == .ready else { return reachable }
                return startup.areTopicsReady ? .ready : .notReady("topics not created yet")
            },
            ReadinessCheck(name: "projections") {
                for runner in runners {
                    let lag = runner.lagState.maximumLag
                    if lag > maximumLag {
                        return .notReady("\(runner.projection.name) lags \(lag) events (limit \(maximumLag))")
                    }
                }
                return .ready
            },
        ]
    }
}
