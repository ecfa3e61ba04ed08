import EventStore
import Foundation
import PostgresNIO
import RecruitmentEvents
import ServiceKit
import TestSupport
import Testing
@testable import Announcements

/// Events and a migrated database for the scoreboard tests.
enum ScoreboardFixtures {
    static func decoded(_ event: some RecruitmentEvent, stream: String = "s-\(UUID().eventKey)", version: Int64 = 1)
        throws -> Projection.DecodedEvent
    {
        .init(event: event, envelope: try EventEnvelope(event: event, streamId: stream, streamVersion: version))
    }

    static func session(_ id: UUID = UUID(), site: String = "KPG-01", label: String = "Sesi 1") -> ExamSessionScheduledV1 {
        var event = ExamSessionScheduledV1.example
        event.sessionId = id
        event.site.code = site
        event.site.name = "Politeknik Negeri Kupang \(site)"
        event.label = label
        return event
    }

    static func result(application: UUID = UUID(), session: UUID?, participant: String,
                       scores: SkdScores = SkdScores(twk: 90, tiu: 100, tkp: 170, total: 360),
                       meets: Bool = true) -> SkdResultRecordedV1
    {
        var event = SkdResultRecordedV1.example
        event.applicationId = application
        event.applicantId = UUID()
        event.sessionId = session
        event.participantNumber = participant
        event.scores = scores
        event.meetsPassingGrade = meets
        return event
    }

    static func absent(application: UUID = UUID(), session: UUID, participant: String, stage: ExamStage = .skd)
        -> CandidateAbsentV1
    {
        CandidateAbsentV1(applicationId: application, applicantId: UUID(), sessionId: session, stage: stage,
                          participantNumber: participant)
    }

    static func disqualified(application: UUID = UUID(), session: UUID, participant: String) -> CandidateDisqualifiedV1 {
        var event = CandidateDisqualifiedV1.example
        event.applicationId = application
        event.applicantId = UUID()
        event.sessionId = session
        event.participantNumber = participant
        return event
    }

    /// A fresh database with the announcements migrations.
    static func withDatabase(_ body: (PostgresClient) async throws -> Void) async throws {
        try await TestPostgres.withFreshDatabase { client, _ in
            try await DatabaseMigrator(
                client: client, migrations: EventStoreMigrations.all + AnnouncementsService.migrations,
                logger: TestPostgres.logger
            ).migrate()
            try await body(client)
        }
    }

    /// Applies `events` as one batch in its own transaction.
    @discardableResult
    static func apply(_ events: [Projection.DecodedEvent], on client: PostgresClient) async throws -> [ApplyOutcome] {
        try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: TestPostgres.logger)
            do {
                let outcomes = try await ScoreboardProjection.projection.applyAll(events, connection, TestPostgres.logger)
                try await connection.query("COMMIT", logger: TestPostgres.logger)
                return outcomes
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: TestPostgres.logger)
                throw error
            }
        }
    }

    static func rows(_ client: PostgresClient, filter: ScoreboardFilter = ScoreboardFilter()) async throws
        -> [ScoreboardResult]
    {
        try await ScoreboardStore(postgres: client, logger: TestPostgres.logger)
            .results(after: 0, filter: filter, limit: 1_000)
    }
}
