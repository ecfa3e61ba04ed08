import Foundation
import Kafka
import RecruitmentEvents
import TestSupport

/// Publishes catalogue exam events to a test's private exam topic exactly as exam-scoring's outbox relay does
/// (binary CloudEvents, keyed by the partition key): the cheapest realistic source of SKD results for the scoreboard.
struct ScoreboardExamEvents: Sendable {
    let topic: String
    let producer: KafkaProducer
    let periodId = UUID()

    /// Runs `body` with a running producer for `<prefix>recruitment.exam`.
    static func with<Result>(brokers: String, prefix: String, _ body: (ScoreboardExamEvents) async throws -> Result)
        async throws -> Result
    {
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(
                bootstrapServers: brokers.split(separator: ",").map(String.init), clientID: "e2e-scoreboard"),
            logger: TestPostgres.logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await producer.run() }
            defer { group.cancelAll() }
            return try await body(ScoreboardExamEvents(topic: prefix + RecruitmentTopic.exam.name, producer: producer))
        }
    }

    /// Publishes `events` in order and waits for the broker's acknowledgements.
    func publish(_ events: [any RecruitmentEvent]) async throws {
        let messages = try events.map { try message($0) }
        for result in await producer.send(batch: messages) { _ = try result.get() }
    }

    private func message(_ event: some RecruitmentEvent) throws -> KafkaProducerMessage {
        let envelope = try EventEnvelope(event: event, streamId: "e2e-\(UUID().eventKey)", streamVersion: 1)
        return KafkaProducerMessage(
            topic: topic, key: envelope.kafkaKey, value: envelope.data,
            headers: envelope.kafkaHeaders.map { KafkaHeader(name: $0.name, value: $0.value) })
    }

    /// A CAT session of this test's period at `site`.
    func session(site: String, label: String = "Sesi 1") -> ExamSessionScheduledV1 {
        var event = ExamSessionScheduledV1.example
        event.sessionId = UUID()
        event.periodId = periodId
        event.site = ExamSite(code: site, name: "Lokasi \(site)", regency: "Kota Kupang")
        event.label = label
        event.startsAt = Date().addingTimeInterval(-1_800)
        return event
    }

    /// An SKD result of a new candidate in `session`.
    func result(session: UUID, participant: String, twk: Int = 90, tiu: Int = 100, tkp: Int = 170)
        -> SkdResultRecordedV1
    {
        var event = SkdResultRecordedV1.example
        event.applicationId = UUID()
        event.applicantId = UUID()
        event.sessionId = session
        event.participantNumber = participant
        event.scores = SkdScores(twk: twk, tiu: tiu, tkp: tkp, total: twk + tiu + tkp)
        event.meetsPassingGrade = twk >= 65 && tiu >= 80 && tkp >= 166
        return event
    }
}

extension ScoreboardExamEvents {
    /// What the scoreboard tests add to the announcements environment: a fast heartbeat and a fresh checkpoint key
    /// (the service refuses to start without one).
    static func serviceSettings(heartbeatSeconds: Int = 1) -> [String: String] {
        let seed = (0..<32).map { _ in UInt8.random(in: 0...255) }
        return [
            "ASN_SCOREBOARD_HEARTBEAT_SECONDS": String(heartbeatSeconds),
            "ASN_LOG_SIGNING_KEY": Data(seed).base64EncodedString(),
            "ASN_LOG_CHECKPOINT_INTERVAL": "1",
        ]
    }
}
