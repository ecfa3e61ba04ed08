import EventStore
import Foundation
import PostgresNIO
import RecruitmentEvents
import ServiceKit
import TestSupport
import Testing
@testable import Announcements

/// The set-based projection against the real PostgreSQL: outcomes per event and the resulting counts.
@Suite struct FormationCountsProjectionTests {
    static func submitted(formation: UUID, period: UUID) throws -> Projection.DecodedEvent {
        var event = ApplicationSubmittedV1.example
        event.applicationId = UUID()
        event.formationId = formation
        event.periodId = period
        return .init(event: event, envelope: try EventEnvelope(
            event: event, streamId: "applicant-\(UUID().eventKey)", streamVersion: 2))
    }

    @Test func countsSubmittedAndWithdrawnPerFormationAndIgnoresTheRest() async throws {
        try await TestPostgres.withFreshDatabase { client, _ in
            try await DatabaseMigrator(
                client: client, migrations: EventStoreMigrations.all + AnnouncementsService.migrations,
                logger: TestPostgres.logger
            ).migrate()
            let period = UUID()
            let (a, b) = (UUID(), UUID())
            var withdrawn = ApplicationWithdrawnV1.example
            withdrawn.formationId = a
            withdrawn.periodId = period
            let registered = ApplicantRegisteredV1.example
            let events: [Projection.DecodedEvent] = [
                try Self.submitted(formation: a, period: period), try Self.submitted(formation: a, period: period),
                try Self.submitted(formation: b, period: period),
                .init(event: withdrawn, envelope: try EventEnvelope(event: withdrawn, streamId: "s", streamVersion: 3)),
                .init(event: registered, envelope: try EventEnvelope(event: registered, streamId: "t", streamVersion: 1)),
            ]
            let outcomes = try await client.withConnection { connection in
                try await FormationCountsProjection.projection.applyAll(events, connection, TestPostgres.logger)
            }
            #expect(outcomes == [.applied, .applied, .applied, .applied, .ignored])
            // A second batch adds to the existing rows.
            _ = try await client.withConnection { connection in
                try await FormationCountsProjection.projection.applyAll(
                    [try Self.submitted(formation: b, period: period)], connection, TestPostgres.logger)
            }
            let rows = try await client.query(
                "SELECT formation_id, submitted, withdrawn FROM formation_applicant_counts", logger: TestPostgres.logger)
            var counts: [UUID: (Int, Int)] = [:]
            for try await (id, submitted, withdrawn) in rows.decode((UUID, Int, Int).self) { counts[id] = (submitted, withdrawn) }
            #expect(counts.count == 2)
            #expect(counts[a]?.0 == 2 && counts[a]?.1 == 1)
            #expect(counts[b]?.0 == 2 && counts[b]?.1 == 0)
        }
    }
}
