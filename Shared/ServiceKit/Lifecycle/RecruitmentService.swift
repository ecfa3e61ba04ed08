public import EventStore
public import Hummingbird
public import Logging
public import PostgresNIO
public import RecruitmentEvents
public import ServiceLifecycle

/// What one service of the suite plugs into the shared runtime (``ServiceMain``): its name and port, its read-model
/// migrations, the topic it publishes, its projections and its HTTP routes.
///
/// The runtime supplies everything else: configuration, logging, metrics, PostgreSQL, migrations, the event store and
/// its outbox relay, Kafka consumers, operations endpoints, problem+json errors and graceful shutdown.
public protocol RecruitmentService: Sendable {
    /// The executable's name, e.g. `registration`; also the Kafka client id and the consumer-group prefix.
    static var name: String { get }
    /// The default HTTP port (8081-8084 for the four services).
    static var defaultPort: Int { get }
    /// The topic this service's own events are published to, if it produces any.
    static var publishes: RecruitmentTopic? { get }
    /// The read-model migrations of this service (versions from 100 up; 1-99 belong to the event store).
    static var migrations: [Migration] { get }
    /// The service's own environment variables, for validation at start and the operations guide.
    static var configurationKeys: [ConfigurationKey] { get }

    /// Creates the service from the shared runtime's context; throws ``ConfigurationError`` for bad settings.
    init(context: ServiceContext) throws

    /// The projections that keep this service's read models up to date from Kafka.
    var projections: [Projection] { get }

    /// Long-running work of the service besides HTTP and projections (key refreshers, samplers of gauges), run in the
    /// service group and shut down with it.
    var backgroundServices: [any Service] { get }

    /// Conditions of the service's own that `/health/ready` also requires (e.g. the token keys are loaded).
    var readinessChecks: [ReadinessCheck] { get }

    /// Adds the service's API routes.
    func registerRoutes(on router: Router<ServiceRequestContext>)

    /// Describes the service's API routes in its OpenAPI document, served at `GET /openapi.json` (the runtime adds
    /// the operations endpoints itself).
    func openAPI(into document: inout OpenAPIDocument)

    /// Runs after the migrations, before the service reports ready (e.g. creating the initial administrator); retried
    /// with back-off while it throws, so it must be idempotent.
    func prepare() async throws
}

extension RecruitmentService {
    public static var configurationKeys: [ConfigurationKey] { [] }
    public var projections: [Projection] { [] }
    public var backgroundServices: [any Service] { [] }
    public var readinessChecks: [ReadinessCheck] { [] }
    public func openAPI(into document: inout OpenAPIDocument) {}
    public func prepare() async throws {}
}

/// The shared runtime's resources, handed to a ``RecruitmentService`` when it is created.
public struct ServiceContext: Sendable {
    public let configuration: ServiceConfiguration
    /// Reads the service's own keys.
    public let reader: ConfigurationReader
    public let postgres: PostgresClient
    public let eventStore: EventStore
    public let logger: Logger

    public init(configuration: ServiceConfiguration, reader: ConfigurationReader, postgres: PostgresClient,
                eventStore: EventStore, logger: Logger) {
        self.configuration = configuration
        self.reader = reader
        self.postgres = postgres
        self.eventStore = eventStore
        self.logger = logger
    }
}

/// A read model fed from Kafka: a consumer group of its own, a function applying the new events of a batch inside
/// the batch's transaction, and a reset for rebuilds.
public struct Projection: Sendable {
    /// One new event of a batch, decoded.
    public struct DecodedEvent: Sendable {
        public var event: any RecruitmentEvent
        public var envelope: EventEnvelope

        public init(event: any RecruitmentEvent, envelope: EventEnvelope) {
            self.event = event
            self.envelope = envelope
        }
    }

    /// Unique within the service; the consumer group is `<prefix><service>.<name>`.
    public var name: String
    /// The topics it consumes.
    public var topics: [RecruitmentTopic]
    /// Consumers of the group in each instance of the service (at least 1). With more than one, the topics'
    /// partitions are shared among them as among instances, so one consumer's database work overlaps another's
    /// decoding and encoding; events of one partition key stay in order on one consumer.
    public var consumers: Int
    /// Applies the new events of one batch (in consumption order) inside the batch's transaction and says, per
    /// event, what it did: `.applied`, `.ignored` for events it does not care about, or `.deadLetter(reason:)` for one
    /// that can never be applied (the partition keeps flowing). Throwing rolls the whole batch back; the runner
    /// retries it, and isolates an event that keeps failing.
    public var applyAll: @Sendable (_ events: [DecodedEvent], _ connection: PostgresConnection, _ logger: Logger)
        async throws -> [ApplyOutcome]
    /// Empties the read model's tables (inside the rebuild's transaction, together with offsets and inbox).
    public var reset: @Sendable (_ connection: PostgresConnection, _ logger: Logger) async throws -> Void
    /// Decodes a consumed envelope in place of `registry.decode(envelope)` (the default when `nil`): a high-volume
    /// projection can parse its hottest type faster. It must answer what `registry.decode` answers, and throw what it
    /// throws (the error is the dead letter's reason); the simplest way is to fall back to it.
    public var decode: (@Sendable (_ envelope: EventEnvelope, _ registry: EventRegistry) throws -> any RecruitmentEvent)?

    /// A projection that applies one event at a time (one or a few statements per event).
    public init(
        name: String,
        topics: [RecruitmentTopic],
        consumers: Int = 1,
        apply: @escaping @Sendable (any RecruitmentEvent, EventEnvelope, PostgresConnection, Logger) async throws
            -> ApplyOutcome,
        reset: @escaping @Sendable (PostgresConnection, Logger) async throws -> Void
    ) {
        self.init(
            name: name, topics: topics, consumers: consumers,
            applyAll: { events, connection, logger in
                var outcomes: [ApplyOutcome] = []
                outcomes.reserveCapacity(events.count)
                for decoded in events {
                    outcomes.append(try await apply(decoded.event, decoded.envelope, connection, logger))
                }
                return outcomes
            },
            reset: reset)
    }

    /// A projection that applies a whole batch with set-based statements (for high-volume read models).
    public init(
        name: String,
        topics: [RecruitmentTopic],
        consumers: Int = 1,
        applyAll: @escaping @Sendable ([DecodedEvent], PostgresConnection, Logger) async throws -> [ApplyOutcome],
        reset: @escaping @Sendable (PostgresConnection, Logger) async throws -> Void,
        decode: (@Sendable (EventEnvelope, EventRegistry) throws -> any RecruitmentEvent)? = nil
    ) {
        self.name = name
        self.topics = topics
        self.consumers = max(1, consumers)
        self.applyAll = applyAll
        self.reset = reset
        self.decode = decode
    }
}
