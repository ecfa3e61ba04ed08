import EventStore
import Foundation
import Kafka
import Logging
import Metrics
import PostgresNIO
import RecruitmentEvents
import ServiceLifecycle

/// Keeps one ``Projection`` up to date from Kafka with an exactly-once effect (ARCHITECTURE §5).
///
/// It consumes the projection's topics in the consumer group `<service>.<projection>`. Offsets live in PostgreSQL,
/// not in Kafka: on partition assignment the consumer seeks to the offsets stored there, and each batch is applied
/// in one transaction that also records every event id in the inbox (duplicates become no-ops) and stores the next
/// offsets — so the read model and its position can never disagree. Undecodable and unknown events go to the dead
/// letters with the reason; the partition keeps flowing. A batch whose transaction fails is retried as it is, with
/// backoff, until it commits or the service shuts down (then the next owner replays it from the stored offsets).
final class ProjectionRunner: Service, Sendable {
    let projection: Projection
    let group: String
    let store: ProjectionStore
    let registry: EventRegistry
    let consumerConfiguration: KafkaConsumerConfiguration
    let startup: StartupState
    let logger: Logger
    let lagState: LagState
    let deadLetters: DeadLetterPublisher?

    private let projected: Counter
    private let deadLettered: Counter
    private let batchDuration: Metrics.Timer

    /// A runner of `projection`; `member` numbers the consumers of one instance (``Projection/consumers``).
    init(projection: Projection, member: Int = 0, serviceName: String, configuration: ServiceConfiguration,
         store: ProjectionStore, registry: EventRegistry, startup: StartupState, logger: Logger,
         deadLetters: DeadLetterPublisher? = nil)
    {
        self.deadLetters = deadLetters
        self.projection = projection
        self.group = configuration.consumerGroup(projection: projection.name)
        self.store = store
        self.registry = registry
        self.startup = startup
        var logger = logger
        logger[metadataKey: "projection"] = .string(projection.name)
        if projection.consumers > 1 { logger[metadataKey: "consumer"] = .stringConvertible(member + 1) }
        self.logger = logger
        self.consumerConfiguration = KafkaConsumerConfiguration(
            bootstrapServers: configuration.kafkaBrokers,
            groupID: group,
            topics: projection.topics.map(configuration.topicName),
            clientID: member == 0 ? "\(serviceName)-\(projection.name)" : "\(serviceName)-\(projection.name)-\(member + 1)",
            sessionTimeout: .milliseconds(configuration.kafkaSessionTimeoutMilliseconds),
            maxBatchSize: configuration.projectionBatchSize,
            // Read models are public views: a short fetch wait keeps "accepted → visible" low when traffic is light
            // (librdkafka's 500 ms default showed as ~200 ms steps). Operators can override it.
            properties: ["fetch.wait.max.ms": "50"].merging(configuration.kafkaProperties) { _, configured in configured })
        self.lagState = LagState(projection: projection.name)
        let dimensions = [("projection", projection.name)]
        self.projected = Counter(label: "asn_projection_events_total", dimensions: dimensions)
        self.deadLettered = Counter(label: "asn_projection_dead_letters_total", dimensions: dimensions)
        self.batchDuration = Metrics.Timer(label: "asn_projection_batch_duration", dimensions: dimensions)
    }

    func run() async throws {
        guard try await startup.waitUntilMigrated(), try await startup.waitUntilTopicsReady() else { return }
        let store = self.store
        let group = self.group
        let logger = self.logger
        let consumer = try KafkaConsumer(configuration: consumerConfiguration, logger: logger) { partitions in
            let stored = try await Self.withRetry(logger: logger, what: "reading stored offsets") {
                try await store.storedOffsets(
                    group: group,
                    partitions: partitions.map { TopicPartition(topic: $0.topic, partition: $0.partition) })
            }
            logger.info("partitions assigned", metadata: ["partitions": "\(partitions.map(\.description))"])
            var offsets: [KafkaTopicPartition: Int64] = [:]
            for (partition, offset) in stored {
                offsets[KafkaTopicPartition(topic: partition.topic, partition: partition.partition)] = offset
            }
            return offsets
        }
        lagState.attach(consumer)
        defer { lagState.detach() }
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await consumer.run() }
            group.addTask {
                for try await batch in consumer.messages {
                    try await self.project(batch)
                }
            }
        }
    }

    /// How often a batch is retried after failures that are not about the connection (a bug or a poison event)
    /// before its messages are applied one by one to find and dead-letter the culprit.
    static let deterministicAttempts = 3

    /// How long one attempt at a batch may take before it is abandoned and retried.
    static let attemptDeadline: Duration = .seconds(120)

    /// Applies one batch, retrying the transaction until it commits (or shutdown begins). A batch that keeps failing
    /// for a reason other than the database connection is split up, so one poison event ends in the dead letters
    /// instead of stopping its partition.
    func project(_ batch: [KafkaConsumerMessage]) async throws {
        let messages = batch.map(Self.projectionMessage)
        let start = ContinuousClock.now
        let result: BatchResult
        do {
            result = try await apply(messages)
        } catch let poison as PoisonBatch {
            logger.error("a batch keeps failing; applying its events one by one", metadata: [
                "error": "\(poison.underlying)", "size": "\(messages.count)",
            ])
            result = try await applyIsolating(messages)
        }
        let elapsed = ContinuousClock.now - start
        batchDuration.recordNanoseconds(
            elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
        projected.increment(by: result.appliedCount + result.ignoredCount)
        if result.deadLetteredCount > 0 {
            deadLettered.increment(by: result.deadLetteredCount)
            logger.warning("events dead-lettered", metadata: ["count": "\(result.deadLetteredCount)"])
            if let deadLetters {
                var records: [KafkaProducerMessage] = []
                for (message, outcome) in zip(messages, result.outcomes) {
                    if case .deadLettered(let reason) = outcome {
                        records.append(deadLetters.record(of: message, group: group, reason: reason))
                    }
                }
                await deadLetters.publish(records)
            }
        }
        lagState.refresh()
    }

    /// Applies `messages` in one transaction. Connection failures are retried until shutdown; other failures up to
    /// ``deterministicAttempts`` times, then ``PoisonBatch`` is thrown. With `deadLetterReason`, every new event is
    /// dead-lettered with that reason instead of being applied.
    func apply(_ messages: [ProjectionMessage], deadLetterReason: String? = nil) async throws -> BatchResult {
        var delay = Duration.milliseconds(100)
        var deterministicFailures = 0
        while true {
            do {
                // Bounded: a transaction whose connection closed under it (a database restart) may never answer.
                return try await answer(within: Self.attemptDeadline) {
                    try await self.store.applyBatch(group: self.group, messages: messages) { connection, newEvents in
                        if let deadLetterReason { return newEvents.map { _ in .deadLetter(reason: deadLetterReason) } }
                        return try await self.applyDecoded(newEvents, connection: connection)
                    }
                }
            } catch {
                if Task.isCancelled || Task.isShuttingDownGracefully { throw error }
                if Self.isDeterministic(error) {
                    deterministicFailures += 1
                    if deterministicFailures >= Self.deterministicAttempts { throw PoisonBatch(underlying: error) }
                }
                logger.warning("applying a batch failed; retrying", metadata: [
                    "error": "\(error)", "retry_in": "\(delay)",
                ])
                try await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(5))
            }
        }
    }

    /// Decodes the new events and hands the decodable ones to the projection; the rest are dead-lettered with the
    /// decoding error (unknown type, payload that does not match its type).
    func applyDecoded(_ newEvents: [ProjectionStore.NewEvent], connection: PostgresConnection) async throws
        -> [ApplyOutcome]
    {
        var outcomes = [ApplyOutcome?](repeating: nil, count: newEvents.count)
        var decoded: [Projection.DecodedEvent] = []
        var decodedIndexes: [Int] = []
        for (index, newEvent) in newEvents.enumerated() {
            do {
                let event = if let decode = projection.decode {
                    try decode(newEvent.envelope, registry)
                } else {
                    try registry.decode(newEvent.envelope)
                }
                decoded.append(.init(event: event, envelope: newEvent.envelope))
                decodedIndexes.append(index)
            } catch {
                outcomes[index] = .deadLetter(reason: "\(error)")
            }
        }
        if !decoded.isEmpty {
            let applied: [ApplyOutcome]
            do {
                applied = try await projection.applyAll(decoded, connection, logger)
            } catch let error as PSQLError {
                throw error
            } catch {
                throw ProjectionCodeFailure(underlying: error)
            }
            guard applied.count == decoded.count else {
                throw ProjectionStoreError.outcomeCountMismatch(expected: decoded.count, actual: applied.count)
            }
            for (index, outcome) in zip(decodedIndexes, applied) { outcomes[index] = outcome }
        }
        return outcomes.map { $0! }
    }

    /// Applies each message in its own transaction; one that still fails is dead-lettered with the failure.
    func applyIsolating(_ messages: [ProjectionMessage]) async throws -> BatchResult {
        var outcomes: [BatchResult.MessageOutcome] = []
        var nextOffsets: [TopicPartition: Int64] = [:]
        for message in messages {
            let result: BatchResult
            do {
                result = try await apply([message])
            } catch let poison as PoisonBatch {
                result = try await apply(
                    [message], deadLetterReason: "projection failed \(Self.deterministicAttempts) times: \(poison.underlying)")
            }
            outcomes += result.outcomes
            nextOffsets.merge(result.nextOffsets) { max($0, $1) }
        }
        return BatchResult(outcomes: outcomes, nextOffsets: nextOffsets)
    }

    /// A batch that failed repeatedly for a reason other than the database connection.
    struct PoisonBatch: Error {
        var underlying: any Error
    }

    /// Whether a failed batch will fail again the same way: a statement the database rejected, or the projection's
    /// own code throwing. Connection trouble, and anything unrecognised, is retried without limit instead.
    static func isDeterministic(_ error: any Error) -> Bool {
        if DatabaseFailure.isTransient(error) { return false }
        if error is ProjectionCodeFailure || error is ProjectionStoreError { return true }
        if let psql = DatabaseFailure.psqlError(error), psql.code == .server { return true }
        return false
    }

    /// An error thrown by a projection's own code (not by PostgreSQL).
    struct ProjectionCodeFailure: Error, CustomStringConvertible {
        var underlying: any Error
        var description: String { "\(underlying)" }
    }

    static func projectionMessage(_ message: KafkaConsumerMessage) -> ProjectionMessage {
        ProjectionMessage(
            topic: message.topic,
            partition: message.partition,
            offset: message.offset,
            key: message.key,
            headers: message.headers.map { ($0.name, $0.value ?? []) },
            value: message.value,
            decoded: Result { try EventEnvelope(kafkaMessage: message) })
    }

    /// Runs `body` until it succeeds, backing off between failures; gives up only on cancellation or shutdown.
    static func withRetry<T>(logger: Logger, what: String, _ body: () async throws -> T) async throws -> T {
        var delay = Duration.milliseconds(100)
        while true {
            do {
                return try await body()
            } catch {
                if Task.isCancelled || Task.isShuttingDownGracefully { throw error }
                logger.warning("\(what) failed; retrying", metadata: ["error": "\(error)", "retry_in": "\(delay)"])
                try await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(5))
            }
        }
    }
}
