import Foundation
import Kafka
import Logging
import RecruitmentEvents
import SuiteHarness

/// Issue 5's second target: recording a result → its event on `recruitment.exam`, p99 ≤ 200 ms.
///
/// Fills private registration and verification topics with one period, one formation, `candidates` submitted
/// applications and their final, published MS results; starts a fresh `exam-scoring` (a registration process beside it
/// issues the exam officer's token), schedules sessions and seats everyone through the API, then posts SKD results at a
/// fixed rate (open loop) while a Kafka consumer of the private exam topic notes when each result's event arrives. The
/// latency of a result runs from its scheduled send to the consumer receiving its event.
struct ExamResultsBenchmark {
    /// How it measures, for the results file (BenchResultsFile).
    static let method = """
        Pre-loads private registration and verification topics with a period, a formation, the submissions and their \
        published MS results, starts a fresh `exam-scoring`, seats everyone through the API and waits until a Kafka \
        consumer of the private exam topic has read every seat assignment; then posts SKD results on a fixed schedule \
        (open loop) and times each from its scheduled send to that consumer receiving its event (outbox relay, broker \
        and consumer included).
        """

    let kafka: BenchKafka
    let databases: ScratchDatabases
    let brokers: [String]
    let candidates: Int
    let rate: Int

    struct Result {
        var latency: LatencySample
        var http: LatencySample
        var errors: Int
    }

    func run() async throws -> Result {
        let prefix = BenchRegistration.uniquePrefix()
        let registrationTopic = prefix + RecruitmentTopic.registration.name
        let verificationTopic = prefix + RecruitmentTopic.verification.name
        let examTopic = prefix + RecruitmentTopic.exam.name
        for topic in [registrationTopic, verificationTopic, examTopic] { try await kafka.createTopic(topic) }
        let applications = SubmittedApplications(topic: registrationTopic, formations: 1)
        try await produceIntake(applications, registrationTopic: registrationTopic, verificationTopic: verificationTopic)

        return try await BenchRegistration.withProcess(databases: databases, brokers: brokers, connections: 4) {
            registration, client in
            let registrationURL = registration.baseURL
            let journey = RegistrationJourney(baseURL: registrationURL)
            let admin = try await journey.login(TestApplicants.adminEmail, password: TestApplicants.adminPassword)
            let officer = try await VerificationJourney(baseURL: "", registration: journey)
                .officer("Bench Petugas Ujian", roles: ["exam_officer"], adminToken: admin)
            return try await databases.withDatabase("exam_scoring") { url in
                let service = try ServiceProcess(
                    name: "exam-scoring",
                    environment: ExamSettings.environment(registrationURL: registrationURL).merging([
                        "ASN_POSTGRES_URL": url, "ASN_KAFKA_BROKERS": brokers.joined(separator: ","),
                        "ASN_KAFKA_NAME_PREFIX": prefix,
                    ]) { _, new in new })
                let outcome: Swift.Result<Result, any Error>
                do {
                    try await service.start(timeout: .seconds(120))
                    outcome = .success(try await measure(
                        service, token: officer.token, client: client, periodId: applications.periodId,
                        examTopic: examTopic))
                } catch {
                    outcome = .failure(error)
                }
                await service.stopNotingPeak()
                return try outcome.get()
            }
        }
    }

    /// The period, the formation, the submissions, an MS decision for each (no countersignature needed) and the
    /// formation's publication, as registration and verification would have published them.
    private func produceIntake(_ applications: SubmittedApplications, registrationTopic: String,
                               verificationTopic: String) async throws
    {
        var period = SelectionPeriodOpenedV1.example
        period.periodId = applications.periodId
        var formation = FormationPublishedV1.example
        formation.formationId = applications.formationIds[0]
        formation.periodId = applications.periodId
        formation.quota = max(1, candidates / 30)
        var registration: [KafkaProducerMessage] = [
            try Self.message(period, stream: "period-\(period.periodId.eventKey)", topic: registrationTopic),
            try Self.message(formation, stream: "formation-\(formation.formationId.eventKey)", topic: registrationTopic),
        ]
        var verification: [KafkaProducerMessage] = []
        for serial in 1...candidates {
            let envelope = try applications.envelope(serial: serial)
            registration.append(KafkaProducerMessage(
                topic: registrationTopic, key: envelope.kafkaKey, value: envelope.data,
                headers: envelope.kafkaHeaders.map { KafkaHeader(name: $0.name, value: $0.value) }))
            let submitted = try envelope.decode(as: ApplicationSubmittedV1.self)
            var decision = VerificationDecisionRecordedV1.example
            decision.decisionId = UUID()
            decision.caseId = UUID()
            decision.applicationId = submitted.applicationId
            decision.applicantId = submitted.applicantId
            decision.outcome = .ms
            decision.unmetRequirements = []
            decision.requiresCountersignature = false
            verification.append(try Self.message(
                decision, stream: "verification-case-\(decision.caseId.eventKey)", topic: verificationTopic))
        }
        var published = AdministrativeResultsPublishedV1.example
        published.publicationId = UUID()
        published.periodId = applications.periodId
        published.formationId = formation.formationId
        published.msCount = candidates
        published.tmsCount = 0
        verification.append(try Self.message(published, stream: "publication", topic: verificationTopic))
        try await kafka.withProducer { producer in
            _ = try await BenchKafka.sendInBatches(registration, batchSize: 1_000, through: producer)
            _ = try await BenchKafka.sendInBatches(verification, batchSize: 1_000, through: producer)
        }
        BenchReport.line("produced a period, a formation, \(candidates) submissions and their published MS results")
    }

    private func measure(_ service: ServiceProcess, token: String, client: TestHTTPClient, periodId: UUID,
                         examTopic: String) async throws -> Result
    {
        let auth = [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")]
        let base = service.baseURL
        let sessionBody = try JSONSerialization.data(withJSONObject: [
            "periodId": periodId.eventKey, "stage": "SKD", "label": "Sesi Bench",
            "site": ["name": "Politeknik Negeri Kupang"], "startsAt": "2026-12-01T01:00:00Z",
            "capacity": 10_000,
        ] as [String: Any])
        // The intake projection needs a moment: until it has the period, scheduling answers 404.
        var sessionId: String?
        let deadline = ContinuousClock.now + .seconds(120)
        while sessionId == nil {
            let response = try await client.send("POST", base + "/v1/sessions", headers: auth, body: Array(sessionBody))
            if response.status == 201 { sessionId = response.json["sessionId"] as? String; break }
            guard ContinuousClock.now < deadline else {
                throw BenchError.unexpectedResponse("scheduling a session", status: response.status, body: response.text)
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        guard let sessionId else { throw BenchError.timedOut("no session") }
        var seated = 0
        while seated < candidates {
            let response = try await client.send(
                "POST", base + "/v1/periods/\(periodId.eventKey)/seating", headers: auth,
                body: Array(#"{"stage": "SKD"}"#.utf8))
            guard response.status == 200 else {
                throw BenchError.unexpectedResponse("seating", status: response.status, body: response.text)
            }
            seated += response.json["assigned"] as? Int ?? 0
            guard ContinuousClock.now < deadline else { throw BenchError.timedOut("seated \(seated) of \(candidates)") }
            if seated < candidates { try await Task.sleep(for: .milliseconds(200)) }
        }
        var numbers: [String] = []
        var cursor: String?
        repeat {
            var path = "/v1/sessions/\(sessionId)/roster?limit=500"
            if let cursor { path += "&cursor=\(cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            let page = try await client.send("GET", base + path, headers: auth, body: nil)
            numbers += ((page.json["items"] as? [[String: Any]]) ?? []).compactMap { $0["participantNumber"] as? String }
            cursor = page.json["nextCursor"] as? String
        } while cursor != nil
        BenchReport.line("seated \(numbers.count) candidates in one session; recording results at \(rate)/s")

        // The consumer of the exam topic, from its beginning (only seat assignments are on it so far).
        let configuration = KafkaConsumerConfiguration(
            bootstrapServers: brokers, groupID: "bench-exam-\(UUID().uuidString.prefix(8))", topics: [examTopic],
            maxBatchSize: 100,
            // The broker answers a fetch as soon as records exist; a short wait keeps an idle fetch from adding to
            // the measured time with brokers that hold it to the maximum.
            properties: ["fetch.wait.max.ms": "10"])
        let consumer = try KafkaConsumer(configuration: configuration, logger: Logger(label: "asn-bench.exam"),
                                         offsets: { _ in [:] })
        let arrivals = ArrivalBook()
        let consumerRun = Task { try await consumer.run() }
        let reader = Task {
            for try await batch in consumer.messages {
                let now = ContinuousClock.now
                for message in batch {
                    let type = message.headers.first { $0.name == "ce_type" }.flatMap { $0.value }
                        .map { String(decoding: $0, as: UTF8.self) }
                    if type == CandidateAssignedV1.eventType {
                        await arrivals.seatSeen()
                        continue
                    }
                    guard type == SkdResultRecordedV1.eventType, let number = Self.participantNumber(message.value)
                    else { continue }
                    await arrivals.arrived(number, at: now)
                }
            }
        }
        defer {
            reader.cancel()
            consumerRun.cancel()
        }
        // The clock starts once the consumer has joined its group and read every seat assignment already on the topic:
        // from then on it waits only for new records.
        let joinDeadline = ContinuousClock.now + .seconds(60)
        while await arrivals.seats < numbers.count {
            guard ContinuousClock.now < joinDeadline else {
                throw BenchError.timedOut("the exam topic consumer read \(await arrivals.seats) of \(numbers.count) seats")
            }
            try await Task.sleep(for: .milliseconds(50))
        }

        let start = ContinuousClock.now + .milliseconds(200)
        let interval = Duration.seconds(1) / rate
        var scheduled: [String: ContinuousClock.Instant] = [:]
        let http = HTTPDurations()
        var errors = 0
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for (index, number) in numbers.enumerated() {
                let at = start + interval * index
                scheduled[number] = at
                let body = Array(#"{"scores": {"twk": \#(5 * (10 + index % 20)), "tiu": \#(5 * (10 + index % 25)), "tkp": \#(120 + index % 100)}}"#.utf8)
                group.addTask {
                    try await Task.sleep(until: at)
                    let sent = ContinuousClock.now
                    let response = try await client.send(
                        "POST", base + "/v1/participants/\(number)/skd-result", headers: auth, body: body)
                    await http.add(ContinuousClock.now - sent)
                    return response.status == 201
                }
            }
            for try await ok in group where !ok { errors += 1 }
        }
        let wait = ContinuousClock.now + .seconds(30)
        while await arrivals.count < numbers.count - errors, ContinuousClock.now < wait {
            try await Task.sleep(for: .milliseconds(50))
        }
        var latencies: [Duration] = []
        for (number, at) in scheduled {
            if let arrived = await arrivals.time(of: number) { latencies.append(arrived - at) }
        }
        let missing = numbers.count - errors - latencies.count
        if missing > 0 { BenchReport.line("warning: \(missing) results never reached the exam topic within 30 s") }
        let sample = LatencySample(latencies)
        BenchReport.line("result → event on the topic: \(sample.summary([50, 95, 99], includeMaximum: true))")
        return Result(latency: sample, http: LatencySample(await http.values), errors: errors + missing)
    }

    static func message(_ event: some RecruitmentEvent, stream: String, topic: String) throws -> KafkaProducerMessage {
        let envelope = try EventEnvelope(event: event, streamId: stream, streamVersion: 1)
        return KafkaProducerMessage(
            topic: topic, key: envelope.kafkaKey, value: envelope.data,
            headers: envelope.kafkaHeaders.map { KafkaHeader(name: $0.name, value: $0.value) })
    }

    /// The participant number of an SKD result's JSON payload.
    static func participantNumber(_ payload: [UInt8]) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(payload)) as? [String: Any]
        else { return nil }
        return object["participantNumber"] as? String
    }
}

/// When each participant's result event arrived.
actor ArrivalBook {
    private var arrivals: [String: ContinuousClock.Instant] = [:]
    /// Seat assignments read (they precede the results on the topic).
    private(set) var seats = 0

    func seatSeen() { seats += 1 }

    func arrived(_ number: String, at instant: ContinuousClock.Instant) {
        if arrivals[number] == nil { arrivals[number] = instant }
    }

    var count: Int { arrivals.count }

    func time(of number: String) -> ContinuousClock.Instant? { arrivals[number] }
}

/// HTTP round trips of the recording requests.
actor HTTPDurations {
    private(set) var values: [Duration] = []

    func add(_ duration: Duration) { values.append(duration) }
}
