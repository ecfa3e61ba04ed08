import EventStore
import ExamScoringRules
import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit
import TestSupport
import Testing
@testable import ExamScoring

/// A fresh database with the event store's and the exam service's tables, the intake projection and every command
/// over it, as the service wires them (regional agency, the default passing grades, SKD 40 / SKB 60 with 2 decimals).
/// The registration service is unreachable (`127.0.0.1:9`): only a final tie that needs age would call it.
struct ExamHarness: Sendable {
    static let logger = TestPostgres.logger
    static let officer = UUID(uuidString: "d06b20d0-1ef4-44d6-8195-bc439c3094fa")!
    static let verifier = UUID(uuidString: "a86c7618-d742-4ea3-b78d-63eff86320da")!
    static let supervisor = UUID(uuidString: "8aa10f46-88e1-42ef-bb1f-ffdd35cb5413")!
    /// 2024-10-21T02:00:00Z, SKD week; intake events happen before it.
    static let t0 = Date(timeIntervalSince1970: 1_729_476_000)
    static let unreachableRegistration = "http://127.0.0.1:9"

    let client: PostgresClient
    let eventStore: EventStore
    let writer: ExamEventWriter
    let sessions: SessionCommands
    let seating: SeatingCommands
    let results: ResultCommands
    let rankings: RankingCommands
    let finals: FinalCommands
    let packages: PackageStore
    let schemes: SchemeStore

    var logger: Logger { Self.logger }

    init(client: PostgresClient) {
        let logger = Self.logger
        self.client = client
        eventStore = EventStore(client: client, logger: logger)
        writer = ExamEventWriter(eventStore: eventStore)
        sessions = SessionCommands(postgres: client, writer: writer, logger: logger)
        seating = SeatingCommands(postgres: client, writer: writer, logger: logger)
        results = ResultCommands(
            postgres: client, writer: writer, grades: .defaults, policy: .standard, logger: logger)
        rankings = RankingCommands(postgres: client, writer: writer, grades: .defaults, logger: logger)
        finals = FinalCommands(
            postgres: client, writer: writer, policy: .standard,
            ages: AgeOrderClient(baseURL: Self.unreachableRegistration, logger: logger), logger: logger)
        packages = PackageStore(postgres: client, logger: logger)
        schemes = SchemeStore(postgres: client, agencyLevel: .regional, logger: logger)
    }

    /// Runs `body` on a fresh, migrated database (skipped locally, failed under CI, without PostgreSQL).
    static func run(sourceLocation: SourceLocation = #_sourceLocation, _ body: (ExamHarness) async throws -> Void)
        async throws
    {
        try await TestPostgres.withFreshDatabase(sourceLocation: sourceLocation) { client, _ in
            try await DatabaseMigrator(
                client: client, migrations: EventStoreMigrations.all + ExamMigrations.all, logger: logger
            ).migrate()
            try await body(ExamHarness(client: client))
        }
    }

    /// What an exam officer's request carries.
    func context(_ offset: TimeInterval = 0) -> CommandContext {
        CommandContext(actor: Self.officer, correlationId: "exam-tests", now: Self.t0 + offset)
    }

    // MARK: Intake (the registration and verification topics)

    /// Applies `events` as one batch of the `candidate-intake` projection, inside one transaction as the runner does.
    @discardableResult
    func intake(_ events: [any RecruitmentEvent], at time: Date = t0 - 30 * 86_400) async throws -> [ApplyOutcome] {
        var decoded: [Projection.DecodedEvent] = []
        for (offset, event) in events.enumerated() {
            decoded.append(try Self.decoded(event, at: time + TimeInterval(offset)))
        }
        let projection = CandidateIntakeProjection.projection
        return try await PostgresTransaction.run(on: client, logger: logger) { connection in
            try await projection.applyAll(decoded, connection, Self.logger)
        }
    }

    static func decoded<Event: RecruitmentEvent>(_ event: Event, at time: Date) throws -> Projection.DecodedEvent {
        .init(event: event, envelope: try EventEnvelope(
            event: event, streamId: "upstream-\(event.partitionKey)", streamVersion: 1, time: time,
            correlationId: "upstream"))
    }

    /// Opens a period (the example's, with a fresh id and the given fiscal year).
    func openPeriod(fiscalYear: Int = 2024) async throws -> UUID {
        var period = SelectionPeriodOpenedV1.example
        period.periodId = UUID()
        period.fiscalYear = fiscalYear
        try await intake([period])
        return period.periodId
    }

    /// Publishes a formation of `period` (the example's, with a fresh id): CAT 70 % and work practice 30 % unless told.
    func publishFormation(
        period: UUID, kind: FormationKind = .umum, quota: Int = 1,
        position: String = "Pranata Komputer Ahli Pertama",
        skb: [SkbComponentWeight] = FormationPublishedV1.example.skbComponents
    ) async throws -> UUID {
        var formation = FormationPublishedV1.example
        formation.formationId = UUID()
        formation.periodId = period
        formation.kind = kind
        formation.quota = quota
        formation.positionName = position
        formation.skbComponents = skb
        try await intake([formation])
        return formation.formationId
    }

    /// A submission (the example's, with fresh ids) with registration number `REG-2024-5371-<number>`.
    static func submission(_ number: Int, period: UUID, formation: UUID, kind: FormationKind = .umum,
                           gpa: String = "3.62") -> ApplicationSubmittedV1
    {
        var submission = ApplicationSubmittedV1.example
        submission.applicationId = UUID()
        submission.applicantId = UUID()
        submission.periodId = period
        submission.formationId = formation
        submission.formationKind = kind
        submission.registrationNumber = "REG-2024-5371-" + String(format: "%06d", number)
        submission.applicantName = "Peserta \(number)"
        submission.academicGrade.value = ExactDecimal(gpa)!
        return submission
    }

    static func decision(_ submission: ApplicationSubmittedV1, _ outcome: AdministrativeOutcome = .ms,
                         awaitingCountersignature: Bool = false, decisionId: UUID = UUID())
        -> VerificationDecisionRecordedV1
    {
        VerificationDecisionRecordedV1(
            decisionId: decisionId, caseId: UUID(), applicationId: submission.applicationId,
            applicantId: submission.applicantId, outcome: outcome,
            unmetRequirements: outcome == .tms ? [UnmetRequirement(
                requirementCode: "transkrip-nilai", reasonCode: .unreadable, explanation: "Halaman 2 tidak terbaca.")]
                : [],
            verifierId: verifier, requiresCountersignature: awaitingCountersignature)
    }

    static func countersignature(_ decision: VerificationDecisionRecordedV1) -> VerificationDecisionCountersignedV1 {
        VerificationDecisionCountersignedV1(
            decisionId: decision.decisionId, caseId: decision.caseId, applicationId: decision.applicationId,
            applicantId: decision.applicantId, outcome: decision.outcome, supervisorId: supervisor)
    }

    static func publication(period: UUID, formation: UUID?) -> AdministrativeResultsPublishedV1 {
        AdministrativeResultsPublishedV1(
            publicationId: UUID(), periodId: period, formationId: formation, round: .initial, msCount: 1,
            tmsCount: 0, publishedBy: supervisor)
    }

    static func withdrawal(_ submission: ApplicationSubmittedV1) -> ApplicationWithdrawnV1 {
        ApplicationWithdrawnV1(
            applicationId: submission.applicationId, applicantId: submission.applicantId,
            periodId: submission.periodId, formationId: submission.formationId, reason: .applicantRequest)
    }

    /// Submits `numbers` to the formation, each with a final MS (not yet published).
    func admit(_ numbers: some Sequence<Int>, period: UUID, formation: UUID, kind: FormationKind = .umum)
        async throws -> [ApplicationSubmittedV1]
    {
        let submissions = numbers.map { Self.submission($0, period: period, formation: formation, kind: kind) }
        try await intake(submissions.flatMap { [$0, Self.decision($0)] as [any RecruitmentEvent] })
        return submissions
    }

    /// Publishes the administrative results of a formation, or of the whole period when `formation` is nil.
    func publish(period: UUID, formation: UUID?) async throws {
        try await intake([Self.publication(period: period, formation: formation)])
    }

    // MARK: Sessions and seats

    @discardableResult
    func schedule(period: UUID, stage: ExamStage = .skd, startsAt: Date = t0, capacity: Int = 100,
                  label: String = "Sesi 1") async throws -> SessionView
    {
        try await sessions.schedule(
            ScheduleSessionRequest(
                periodId: period, stage: stage,
                site: ExamSite(code: "KPG-PNK", name: "Politeknik Negeri Kupang", regency: "Kabupaten Kupang"),
                label: label, startsAt: startsAt, durationMinutes: nil, capacity: capacity),
            context: context())
    }

    func seat(period: UUID, stage: ExamStage = .skd) async throws -> SeatingCommands.Summary {
        try await seating.seat(period: period, stage: stage, context: context())
    }

    /// A period with one formation of `count` admitted, published, SKD-seated candidates in one session.
    func seatedCohort(_ count: Int, kind: FormationKind = .umum, quota: Int = 1, fiscalYear: Int = 2024)
        async throws -> Cohort
    {
        let period = try await openPeriod(fiscalYear: fiscalYear)
        let formation = try await publishFormation(period: period, kind: kind, quota: quota)
        let submissions = try await admit(1...count, period: period, formation: formation, kind: kind)
        try await publish(period: period, formation: formation)
        let session = try await schedule(period: period)
        let summary = try await seat(period: period)
        #expect(summary.assigned == count)
        let numbers = try await participantNumbers()
        return Cohort(period: period, formation: formation, submissions: submissions, session: session.sessionId,
                      numbers: submissions.map { numbers[$0.applicationId] ?? "missing" })
    }

    struct Cohort: Sendable {
        var period: UUID
        var formation: UUID
        var submissions: [ApplicationSubmittedV1]
        var session: UUID
        /// The participant number of each submission, in submission order.
        var numbers: [String]
    }

    // MARK: Results

    @discardableResult
    func recordSkd(_ number: String, twk: Int, tiu: Int, tkp: Int, sessionId: UUID? = nil) async throws
        -> SkdResultRecordedV1
    {
        try await results.recordSkd(
            number, SkdResultRequest(sessionId: sessionId, scores: .init(twk: twk, tiu: tiu, tkp: tkp), answerSheet: nil),
            context: context(3600))
    }

    @discardableResult
    func recordSkb(_ number: String, _ components: [SkbComponentInput]) async throws -> SkbResultRecordedV1 {
        try await results.recordSkb(number, SkbResultRequest(components: components), schemes: schemes,
                                    context: context(30 * 86_400))
    }

    /// CAT 70 % and work practice 30 %, both on 0-100, as the example formation announces.
    static func skb(cat: String, practice: String) -> [SkbComponentInput] {
        [SkbComponentInput(component: .cat, score: ExactDecimal(cat)!),
         SkbComponentInput(component: .praktikKerja, score: ExactDecimal(practice)!)]
    }

    // MARK: Reading back

    /// Participant numbers by application.
    func participantNumbers() async throws -> [UUID: String] {
        let rows = try await client.query("SELECT application_id, participant_number FROM participants", logger: logger)
        var numbers: [UUID: String] = [:]
        for try await (id, number) in rows.decode((UUID, String).self) { numbers[id] = number }
        return numbers
    }

    /// The candidate streams' versions as the `participants` table has them.
    func participantVersions() async throws -> [UUID: Int64] {
        let rows = try await client.query("SELECT application_id, stream_version FROM participants", logger: logger)
        var versions: [UUID: Int64] = [:]
        for try await (id, version) in rows.decode((UUID, Int64).self) { versions[id] = version }
        return versions
    }

    struct Seat: Hashable, CustomStringConvertible {
        var sessionId: UUID
        var seat: String
        var description: String { "\(sessionId.eventKey.prefix(8)) \(seat)" }
    }

    /// The seats of `stage`, by application.
    func seats(_ stage: ExamStage = .skd) async throws -> [UUID: Seat] {
        let rows = try await client.query(
            "SELECT application_id, session_id, seat FROM seats WHERE stage = \(stage.rawValue)", logger: logger)
        var seats: [UUID: Seat] = [:]
        for try await (id, session, seat) in rows.decode((UUID, UUID, String).self) {
            seats[id] = Seat(sessionId: session, seat: seat)
        }
        return seats
    }

    func seatsTaken(_ sessionId: UUID) async throws -> Int? {
        let rows = try await client.query(
            "SELECT seats_taken FROM sessions WHERE session_id = \(sessionId)", logger: logger)
        for try await taken in rows.decode(Int.self) { return taken }
        return nil
    }

    struct Outcome: Hashable, CustomStringConvertible {
        var outcome: String
        var skdTotal: Int?
        var description: String { outcome + (skdTotal.map { " \($0)" } ?? "") }
    }

    /// The recorded outcomes of `stage`, by application.
    func outcomes(_ stage: ExamStage = .skd) async throws -> [UUID: Outcome] {
        let rows = try await client.query(
            "SELECT application_id, outcome, skd_total FROM stage_outcomes WHERE stage = \(stage.rawValue)",
            logger: logger)
        var outcomes: [UUID: Outcome] = [:]
        for try await (id, outcome, total) in rows.decode((UUID, String, Int?).self) {
            outcomes[id] = Outcome(outcome: outcome, skdTotal: total)
        }
        return outcomes
    }

    /// Every event of the store, in position order.
    func allEvents() async throws -> [StoredEvent] {
        try await eventStore.readAll(after: 0, limit: 100_000)
    }

    func stream(_ streamId: String) async throws -> [EventEnvelope] {
        try await eventStore.loadStream(streamId)
    }

    func candidateStream(_ applicationId: UUID) async throws -> [EventEnvelope] {
        try await stream(ExamCandidate.streamId(applicationId))
    }

    func count(_ table: String) async throws -> Int {
        let rows = try await client.query(PostgresQuery(unsafeSQL: "SELECT count(*)::integer FROM \(table)"),
                                          logger: logger)
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }

    /// How much the service has recorded: events and every exam table. Equal snapshots around a refused command show
    /// that it recorded nothing.
    struct Snapshot: Equatable, CustomStringConvertible {
        var counts: [String: Int]
        var versions: [UUID: Int64]
        var description: String {
            counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                + " versions=\(versions.values.sorted())"
        }
    }

    static let recordingTables = [
        "events", "participants", "seats", "stage_outcomes", "skd_rankings", "skd_codes", "final_results",
        "formation_streams", "skb_schemes", "exam_packages", "skd_imports", "sessions",
    ]

    func snapshot() async throws -> Snapshot {
        var counts: [String: Int] = [:]
        for table in Self.recordingTables { counts[table] = try await count(table) }
        return Snapshot(counts: counts, versions: try await participantVersions())
    }
}

// MARK: - Refusals

/// The problem a refused command answers with (a ``Problem`` or a ``ProblemConvertible`` such as
/// ``ExamRuleViolation``), or nil, recording an issue, when it succeeded or threw something else.
func refusal<T>(sourceLocation: SourceLocation = #_sourceLocation, _ command: () async throws -> T) async -> Problem? {
    do {
        let value = try await command()
        Issue.record("expected a refusal, the command succeeded with \(value)", sourceLocation: sourceLocation)
        return nil
    } catch let problem as Problem {
        return problem
    } catch let convertible as any ProblemConvertible {
        return convertible.problem
    } catch {
        Issue.record(error, "expected a Problem, got another error", sourceLocation: sourceLocation)
        return nil
    }
}

extension Problem {
    /// `status type`, e.g. `409 /problems/result-already-recorded`, for one-line expectations.
    var summary: String { "\(statusCode) \(type)" }

    /// The field errors as `field/code`.
    var fieldCodes: [String] { (errors ?? []).map { "\($0.field)/\($0.code)" } }
}

extension EventEnvelope {
    /// The payload as `Event`, or nil (with an issue) when it is another type.
    func event<Event: RecruitmentEvent>(_ type: Event.Type, sourceLocation: SourceLocation = #_sourceLocation)
        -> Event?
    {
        do {
            return try decode(as: Event.self)
        } catch {
            Issue.record(error, "stream \(streamId) v\(streamVersion)", sourceLocation: sourceLocation)
            return nil
        }
    }
}
