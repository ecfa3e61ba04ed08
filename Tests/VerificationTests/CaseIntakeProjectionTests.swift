import EventStore
import Foundation
import PostgresNIO
import RecruitmentEvents
import ServiceKit
import TestSupport
import Testing
@testable import Verification

/// The intake of the registration topic against the real PostgreSQL: submissions open cases (in their own streams, set
/// based), replays open nothing twice, withdrawals close them.
@Suite struct CaseIntakeProjectionTests {
    static let logger = TestPostgres.logger
    /// 2024-09-10T00:00:00Z.
    static let t0 = Date(timeIntervalSince1970: 1_725_926_400)

    /// A fresh database with the event store's and the verification service's tables, and the projection over it.
    static func withProjection(
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: (PostgresClient, CaseIntakeProjection) async throws -> Void
    ) async throws {
        try await TestPostgres.withFreshDatabase(sourceLocation: sourceLocation) { client, _ in
            try await DatabaseMigrator(
                client: client, migrations: EventStoreMigrations.all + VerificationMigrations.all, logger: logger
            ).migrate()
            try await body(client, CaseIntakeProjection(eventStore: EventStore(client: client, logger: logger)))
        }
    }

    /// Applies one batch inside one transaction, as the projection runner does.
    static func apply(_ events: [Projection.DecodedEvent], with projection: CaseIntakeProjection,
                      on client: PostgresClient) async throws -> [ApplyOutcome]
    {
        try await PostgresTransaction.run(on: client, logger: logger) { connection in
            try await projection.apply(events, on: connection, logger: logger)
        }
    }

    // MARK: Registration events

    static func decoded(_ event: some RecruitmentEvent, stream: String, version: Int64, at time: Date) throws
        -> Projection.DecodedEvent
    {
        .init(event: event, envelope: try EventEnvelope(
            event: event, streamId: stream, streamVersion: version, time: time,
            correlationId: "request-\(stream)-\(version)"))
    }

    static func submission(_ number: Int, period: UUID, formation: UUID) -> ApplicationSubmittedV1 {
        var submission = ApplicationSubmittedV1.example
        submission.applicationId = UUID()
        submission.applicantId = UUID()
        submission.periodId = period
        submission.formationId = formation
        submission.registrationNumber = "REG-2024-5371-\(String(format: "%06d", number))"
        return submission
    }

    static func submitted(_ submission: ApplicationSubmittedV1, at time: Date) throws -> Projection.DecodedEvent {
        try decoded(submission, stream: "application-\(submission.applicationId.eventKey)", version: 2, at: time)
    }

    static func withdrawn(_ submission: ApplicationSubmittedV1, at time: Date) throws -> Projection.DecodedEvent {
        let withdrawal = ApplicationWithdrawnV1(
            applicationId: submission.applicationId, applicantId: submission.applicantId,
            periodId: submission.periodId, formationId: submission.formationId, reason: .applicantRequest)
        return try decoded(withdrawal, stream: "application-\(submission.applicationId.eventKey)", version: 3, at: time)
    }

    // MARK: Reading back

    struct CaseRow: Equatable, CustomStringConvertible {
        var applicationId: UUID
        var status: String
        var streamVersion: Int64
        var submittedAt: Date

        var description: String { "\(applicationId.eventKey) \(status) v\(streamVersion) \(submittedAt)" }
    }

    /// The `cases` rows by case id.
    static func cases(on client: PostgresClient) async throws -> [UUID: CaseRow] {
        let rows = try await client.query(
            "SELECT case_id, application_id, status, stream_version, submitted_at FROM cases", logger: logger)
        var cases: [UUID: CaseRow] = [:]
        for try await (caseId, applicationId, status, version, submittedAt) in rows.decode(
            (UUID, UUID, String, Int64, Date).self)
        {
            cases[caseId] = CaseRow(
                applicationId: applicationId, status: status, streamVersion: version, submittedAt: submittedAt)
        }
        return cases
    }

    struct EventRow: Equatable, CustomStringConvertible {
        var streamId: String
        var streamVersion: Int64
        var type: String

        var description: String { "\(streamId) v\(streamVersion) \(type)" }
    }

    /// Every stored event in position order, and the payloads.
    static func events(on client: PostgresClient) async throws -> (rows: [EventRow], payloads: [String]) {
        let rows = try await client.query(
            "SELECT stream_id, stream_version, type, payload::text FROM events ORDER BY position", logger: logger)
        var events: [EventRow] = []
        var payloads: [String] = []
        for try await (stream, version, type, payload) in rows.decode((String, Int64, String, String).self) {
            events.append(EventRow(streamId: stream, streamVersion: version, type: type))
            payloads.append(payload)
        }
        return (events, payloads)
    }

    static func decode<Event: RecruitmentEvent>(_ type: Event.Type, _ payload: String) throws -> Event {
        try EventCoding.makeDecoder().decode(Event.self, from: Data(payload.utf8))
    }

    static func caseId(_ submission: ApplicationSubmittedV1) -> UUID {
        VerificationCase.caseId(forApplication: submission.applicationId)
    }

    static func stream(_ submission: ApplicationSubmittedV1) -> String {
        "verification-case-\(caseId(submission).eventKey)"
    }

    static let opened = VerificationCaseOpenedV1.eventType
    static let closed = VerificationCaseClosedV1.eventType

    // MARK: Tests

    @Test func submissionsOpenOneCaseEachAndAReplayOpensNothing() async throws {
        try await Self.withProjection { client, projection in
            let (period, formation) = (UUID(), UUID())
            var periodOpened = SelectionPeriodOpenedV1.example
            periodOpened.periodId = period
            var formationPublished = FormationPublishedV1.example
            formationPublished.formationId = formation
            formationPublished.periodId = period
            let submissions = (1...3).map { Self.submission($0, period: period, formation: formation) }
            let submittedEvents = try submissions.enumerated().map {
                try Self.submitted($0.element, at: Self.t0 + TimeInterval($0.offset))
            }
            let batch = [
                try Self.decoded(periodOpened, stream: "period-\(period.eventKey)", version: 1, at: Self.t0 - 86_400),
                try Self.decoded(formationPublished, stream: "formation-\(formation.eventKey)", version: 1,
                                 at: Self.t0 - 3600),
                try Self.decoded(ApplicantRegisteredV1.example, stream: "applicant-x", version: 1, at: Self.t0 - 60),
            ] + submittedEvents

            let outcomes = try await Self.apply(batch, with: projection, on: client)
            #expect(outcomes == [.applied, .applied, .ignored, .applied, .applied, .applied])

            // Three open cases at version 1, keyed by the derived case id, with the submission's time.
            let cases = try await Self.cases(on: client)
            #expect(cases == Dictionary(uniqueKeysWithValues: submissions.enumerated().map {
                (Self.caseId($0.element), CaseRow(
                    applicationId: $0.element.applicationId, status: "open", streamVersion: 1,
                    submittedAt: Self.t0 + TimeInterval($0.offset)))
            }))

            // Three case-opened events, each version 1 of its case's stream, in submission order.
            let (events, payloads) = try await Self.events(on: client)
            #expect(events == submissions.map { EventRow(streamId: Self.stream($0), streamVersion: 1, type: Self.opened) })
            for (payload, submission) in zip(payloads, submissions) {
                let expected = VerificationCase(opening: submission, submittedAt: Self.t0, openedAt: Self.t0).openedEvent
                #expect(try Self.decode(VerificationCaseOpenedV1.self, payload) == expected)
                #expect(expected.documentIds.count == 6)
            }

            // The envelope points back at the submission.
            let eventStore = EventStore(client: client, logger: Self.logger)
            let firstStream = try await eventStore.loadStream(Self.stream(submissions[0]))
            #expect(firstStream.map(\.streamVersion) == [1])
            #expect(firstStream.first?.causationId == submittedEvents[0].envelope.id.eventKey)
            #expect(firstStream.first?.correlationId == submittedEvents[0].envelope.correlationId)
            #expect(firstStream.first?.partitionKey == submissions[0].applicationId.eventKey)

            // The read model holds the whole case, and the catalogue copy the period's time zone and the formation.
            let store = CaseStore(postgres: client, logger: Self.logger)
            let loaded = try #require(try await store.load(Self.caseId(submissions[1])))
            #expect(loaded.version == 1)
            #expect(loaded.state == VerificationCase(
                opening: submissions[1], submittedAt: Self.t0 + 1, openedAt: loaded.state.openedAt))
            #expect(try await store.timeZone(period: period) == TimeZone(identifier: "Asia/Makassar"))
            #expect(try await store.formation(formation) == FormationSummary(
                formationId: formation, periodId: period, positionName: "Pranata Komputer Ahli Pertama",
                unitName: "Dinas Komunikasi dan Informatika Kota Kupang", kind: .umum, quota: 1))

            // A replay of the same submissions (a rebuild, a redelivery) changes nothing.
            _ = try await Self.apply(submittedEvents, with: projection, on: client)
            #expect(try await Self.cases(on: client) == cases)
            #expect(try await Self.events(on: client).rows == events)
            let reloaded = try #require(try await store.load(Self.caseId(submissions[1])))
            #expect(reloaded.state == loaded.state)
            #expect(reloaded.version == 1)
        }
    }

    @Test func aSubmissionTwiceInOneBatchOpensOneCase() async throws {
        try await Self.withProjection { client, projection in
            let submission = Self.submission(7, period: UUID(), formation: UUID())
            let event = try Self.submitted(submission, at: Self.t0)
            let outcomes = try await Self.apply([event, event], with: projection, on: client)
            #expect(outcomes == [.applied, .ignored])
            #expect(try await Self.cases(on: client).count == 1)
            #expect(try await Self.events(on: client).rows == [
                EventRow(streamId: Self.stream(submission), streamVersion: 1, type: Self.opened),
            ])
        }
    }

    @Test func aWithdrawalInALaterBatchClosesTheCase() async throws {
        try await Self.withProjection { client, projection in
            let (period, formation) = (UUID(), UUID())
            let submissions = (1...3).map { Self.submission($0, period: period, formation: formation) }
            _ = try await Self.apply(
                try submissions.map { try Self.submitted($0, at: Self.t0) }, with: projection, on: client)

            let withdrawal = try Self.withdrawn(submissions[1], at: Self.t0 + 3600)
            #expect(try await Self.apply([withdrawal], with: projection, on: client) == [.applied])

            let cases = try await Self.cases(on: client)
            #expect(cases[Self.caseId(submissions[1])]?.status == "closed")
            #expect(cases[Self.caseId(submissions[1])]?.streamVersion == 2)
            #expect(cases[Self.caseId(submissions[0])]?.status == "open")
            #expect(cases[Self.caseId(submissions[2])]?.status == "open")

            let (events, payloads) = try await Self.events(on: client)
            #expect(events.count == 4)
            #expect(events.last == EventRow(streamId: Self.stream(submissions[1]), streamVersion: 2, type: Self.closed))
            #expect(try Self.decode(VerificationCaseClosedV1.self, try #require(payloads.last)) == VerificationCaseClosedV1(
                caseId: Self.caseId(submissions[1]), applicationId: submissions[1].applicationId,
                reason: .applicationWithdrawn))
            let stream = try await EventStore(client: client, logger: Self.logger).loadStream(Self.stream(submissions[1]))
            #expect(stream.map(\.type) == [Self.opened, Self.closed])
            #expect(stream.last?.causationId == withdrawal.envelope.id.eventKey)
            #expect(stream.last?.correlationId == withdrawal.envelope.correlationId)

            let loaded = try #require(
                try await CaseStore(postgres: client, logger: Self.logger).load(Self.caseId(submissions[1])))
            #expect(loaded.version == 2)
            #expect(loaded.state.status == .closed)
            #expect(loaded.state.closedAt != nil)

            // The withdrawal again (a redelivery) and one of an application without a case add nothing.
            let stranger = try Self.withdrawn(Self.submission(9, period: period, formation: formation), at: Self.t0)
            #expect(try await Self.apply([withdrawal, stranger], with: projection, on: client).count == 2)
            #expect(try await Self.events(on: client).rows == events)
            #expect(try await Self.cases(on: client) == cases)
        }
    }

    @Test func aSubmissionAndItsWithdrawalInOneBatchOpenAndCloseTheCaseInOrder() async throws {
        try await Self.withProjection { client, projection in
            let (period, formation) = (UUID(), UUID())
            let (leaving, staying) = (
                Self.submission(1, period: period, formation: formation),
                Self.submission(2, period: period, formation: formation))
            let outcomes = try await Self.apply(
                [try Self.submitted(leaving, at: Self.t0), try Self.withdrawn(leaving, at: Self.t0 + 1),
                 try Self.submitted(staying, at: Self.t0 + 2)],
                with: projection, on: client)
            #expect(outcomes == [.applied, .applied, .applied])

            #expect(try await Self.events(on: client).rows == [
                EventRow(streamId: Self.stream(leaving), streamVersion: 1, type: Self.opened),
                EventRow(streamId: Self.stream(leaving), streamVersion: 2, type: Self.closed),
                EventRow(streamId: Self.stream(staying), streamVersion: 1, type: Self.opened),
            ])
            let cases = try await Self.cases(on: client)
            #expect(cases[Self.caseId(leaving)] == CaseRow(
                applicationId: leaving.applicationId, status: "closed", streamVersion: 2, submittedAt: Self.t0))
            #expect(cases[Self.caseId(staying)] == CaseRow(
                applicationId: staying.applicationId, status: "open", streamVersion: 1, submittedAt: Self.t0 + 2))
        }
    }
}
