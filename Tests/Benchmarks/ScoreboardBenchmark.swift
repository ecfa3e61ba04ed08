import Foundation
import Kafka
import RecruitmentEvents
import SuiteHarness
import Synchronization

/// The scoreboard's fan-out target: with 1,000 viewers connected to `GET /v1/scoreboard/stream`, every new SKD score
/// is visible to all of them within 1 s.
///
/// Starts a fresh `announcements` (its own database, a private prefix), opens the viewers, then publishes scores one
/// at a time to the exam topic exactly as exam-scoring's relay would, and measures for each score the time from the
/// broker's acknowledgement to the moment the last viewer received it (projection, commit, NOTIFY, read, fan-out).
struct ScoreboardBenchmark {
    /// How it measures, for the results file (BenchResultsFile).
    static let method = """
        Starts a fresh `announcements` (its own database, a private prefix), opens the SSE viewers on `GET \
        /v1/scoreboard/stream`, then publishes SKD results to the private exam topic one at a time, as exam-scoring's \
        relay would, and times each from the broker's acknowledgement to the first and to the last viewer receiving it \
        (projection, commit, NOTIFY, read and fan-out included).
        """

    let kafka: BenchKafka
    let databases: ScratchDatabases
    let viewers: Int
    let scores: Int

    struct Result {
        /// Per score: acknowledged on the topic → received by every viewer.
        var allViewers: LatencySample
        /// Per score: acknowledged → received by the first viewer (the pipeline without the fan-out).
        var firstViewer: LatencySample
        /// Deliveries that never arrived (score × viewer).
        var missing: Int
    }

    func run() async throws -> Result {
        let prefix = "asn-bench-\(UUID().uuidString.prefix(8).lowercased())."
        let topic = prefix + RecruitmentTopic.exam.name
        try await kafka.createTopic(topic)
        return try await databases.withDatabase("announcements") { url in
            let seed = (0..<32).map { _ in UInt8.random(in: 0...255) }
            let service = try ServiceProcess(name: "announcements", environment: [
                "ASN_POSTGRES_URL": url,
                "ASN_KAFKA_BROKERS": kafka.brokers.joined(separator: ","),
                "ASN_KAFKA_NAME_PREFIX": prefix,
                "ASN_LOG_SIGNING_KEY": Data(seed).base64EncodedString(),
                "ASN_SCOREBOARD_MAX_VIEWERS": String(viewers + 100),
            ])
            let outcome: Swift.Result<Result, any Error>
            do {
                try await service.start(timeout: .seconds(120))
                BenchReport.line("announcements log: \(service.logFile.path)")
                outcome = .success(try await kafka.withProducer { producer in
                    try await measure(service, exam: BenchExamTopic(topic: topic, producer: producer))
                })
            } catch {
                outcome = .failure(error)
            }
            await service.stopNotingPeak()
            return try outcome.get()
        }
    }

    private func measure(_ service: ServiceProcess, exam: BenchExamTopic) async throws -> Result {
        let session = exam.session()
        try await exam.publish([session])
        // Warm-up: the projection has joined its group once one result is listed.
        try await exam.publish([exam.result(session: session.sessionId, serial: 0)])
        let deadline = ContinuousClock.now + .seconds(60)
        while try await TestHTTP.get("\(service.baseURL)/v1/scoreboard/results").json["items"]
            .map({ ($0 as? [Any])?.count ?? 0 }) ?? 0 < 1
        {
            guard ContinuousClock.now < deadline else { throw BenchError.timedOut("the warm-up result never listed") }
            try await Task.sleep(for: .milliseconds(50))
        }

        let arrivals = ScoreboardArrivals(scores: scores + 1)
        let client = EventStreamClient(connections: viewers + 10)
        let url = "\(service.baseURL)/v1/scoreboard/stream?sessionId=\(session.sessionId.eventKey)"
        let connecting = ContinuousClock.now
        let viewerTasks = (0..<viewers).map { _ in
            Task {
                try await client.read(url, opened: { status, _ in arrivals.opened(ok: status == 200) }) { message in
                    if case .event(_, "result", let data) = message, let serial = BenchExamTopic.serial(in: data) {
                        arrivals.record(serial: serial, at: .now)
                    }
                    return true
                }
            }
        }
        defer {
            for task in viewerTasks { task.cancel() }
        }
        while arrivals.openedCount < viewers {
            guard ContinuousClock.now - connecting < .seconds(60) else {
                throw BenchError.timedOut("\(arrivals.openedCount) of \(viewers) viewers connected")
            }
            guard arrivals.refusedCount == 0 else {
                throw BenchError.timedOut("\(arrivals.refusedCount) viewers were refused")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        BenchReport.line("\(viewers) viewers connected in \((ContinuousClock.now - connecting).formattedSeconds)")

        var all: [Duration] = []
        var first: [Duration] = []
        var missing = 0
        for serial in 1...scores {
            let result = exam.result(session: session.sessionId, serial: serial)
            try await exam.publish([result])
            let acknowledged = ContinuousClock.now
            let waitUntil = acknowledged + .seconds(10)
            while arrivals.count(serial) < viewers && ContinuousClock.now < waitUntil {
                try await Task.sleep(for: .milliseconds(2))
            }
            let (count, earliest, latest) = arrivals.summary(serial)
            missing += viewers - count
            if count == viewers, let latest, let earliest {
                all.append(latest - acknowledged)
                first.append(earliest - acknowledged)
            }
            // Scores arrive one after another at a site, not all at once.
            try await Task.sleep(for: .milliseconds(100))
        }
        let result = Result(allViewers: LatencySample(all), firstViewer: LatencySample(first), missing: missing)
        BenchReport.line("score on the topic → first viewer: \(result.firstViewer.summary([50, 99], includeMaximum: true))")
        BenchReport.line("score on the topic → all \(viewers) viewers: "
                         + "\(result.allViewers.summary([50, 99], includeMaximum: true)) (\(scores) scores)")
        if missing > 0 { BenchReport.line("warning: \(missing) deliveries never arrived") }
        await client.shutdown()
        return result
    }
}

/// When each viewer received each score: per score, how many received it, the first and the last arrival.
final class ScoreboardArrivals: Sendable {
    private struct State {
        var counts: [Int]
        var earliest: [ContinuousClock.Instant?]
        var latest: [ContinuousClock.Instant?]
        var opened = 0
        var refused = 0
    }

    private let state: Mutex<State>

    init(scores: Int) {
        state = Mutex(State(counts: Array(repeating: 0, count: scores),
                            earliest: Array(repeating: nil, count: scores), latest: Array(repeating: nil, count: scores)))
    }

    func opened(ok: Bool) {
        state.withLock { ok ? ($0.opened += 1) : ($0.refused += 1) }
    }

    var openedCount: Int { state.withLock { $0.opened } }
    var refusedCount: Int { state.withLock { $0.refused } }

    func record(serial: Int, at instant: ContinuousClock.Instant) {
        state.withLock { state in
            guard state.counts.indices.contains(serial) else { return }
            state.counts[serial] += 1
            if state.earliest[serial] == nil { state.earliest[serial] = instant }
            state.latest[serial] = max(state.latest[serial] ?? instant, instant)
        }
    }

    func count(_ serial: Int) -> Int { state.withLock { $0.counts[serial] } }

    func summary(_ serial: Int) -> (Int, ContinuousClock.Instant?, ContinuousClock.Instant?) {
        state.withLock { ($0.counts[serial], $0.earliest[serial], $0.latest[serial]) }
    }
}

/// The benchmark's exam topic: one session and numbered SKD results, as exam-scoring's relay publishes them.
struct BenchExamTopic: Sendable {
    let topic: String
    let producer: KafkaProducer

    /// Participant numbers are `24537101` followed by the five-digit serial.
    static let participantPrefix = "24537101"

    func session() -> ExamSessionScheduledV1 {
        var event = ExamSessionScheduledV1.example
        event.sessionId = UUID()
        event.periodId = UUID()
        return event
    }

    func result(session: UUID, serial: Int) -> SkdResultRecordedV1 {
        var event = SkdResultRecordedV1.example
        event.applicationId = UUID()
        event.applicantId = UUID()
        event.sessionId = session
        event.participantNumber = Self.participantPrefix + String(format: "%05d", serial)
        return event
    }

    /// The serial of the result row in an event's data, found without decoding the whole row.
    static func serial(in data: String) -> Int? {
        guard let range = data.range(of: "\"participantNumber\":\"\(participantPrefix)") else { return nil }
        return Int(data[range.upperBound...].prefix(5))
    }

    func publish(_ events: [any RecruitmentEvent]) async throws {
        let messages = try events.map { try message($0) }
        for case .failure(let error) in await producer.send(batch: messages) {
            throw BenchError.deliveryFailed(error, failed: 1)
        }
    }

    private func message(_ event: some RecruitmentEvent) throws -> KafkaProducerMessage {
        let envelope = try EventEnvelope(event: event, streamId: "bench-\(UUID().eventKey)", streamVersion: 1)
        return KafkaProducerMessage(
            topic: topic, key: envelope.kafkaKey, value: envelope.data,
            headers: envelope.kafkaHeaders.map { KafkaHeader(name: $0.name, value: $0.value) })
    }
}
