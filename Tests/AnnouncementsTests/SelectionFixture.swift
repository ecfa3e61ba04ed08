import EventStore
import Foundation
import PostgresNIO
import RecruitmentEvents
import ServiceKit
import TestSupport
import Testing
@testable import Announcements

/// One period with one formation, fed to the public projections as events with chosen times.
struct SelectionFixture {
    let period = UUID()
    let formation = UUID()
    let start = Date(timeIntervalSince1970: 1_727_000_000)

    func at(_ seconds: Double) -> Date { start.addingTimeInterval(seconds) }

    func decoded<E: RecruitmentEvent>(_ event: E, at time: Date) throws -> Projection.DecodedEvent {
        .init(event: event, envelope: try EventEnvelope(event: event, streamId: "s-\(UUID())", streamVersion: 1,
                                                        time: time))
    }

    func apply(_ events: [Projection.DecodedEvent], to projection: Projection, on client: PostgresClient)
        async throws -> [ApplyOutcome]
    {
        try await client.withConnection { connection in
            try await projection.applyAll(events, connection, TestPostgres.logger)
        }
    }

    static func migrated(_ body: @Sendable (PostgresClient) async throws -> Void) async throws {
        try await TestPostgres.withFreshDatabase { client, _ in
            try await DatabaseMigrator(
                client: client, migrations: EventStoreMigrations.all + AnnouncementsService.migrations,
                logger: TestPostgres.logger
            ).migrate()
            try await body(client)
        }
    }

    func intake(_ numbers: [String]) throws -> (events: [Projection.DecodedEvent], applications: [UUID]) {
        var opened = SelectionPeriodOpenedV1.example
        opened.periodId = period
        var published = FormationPublishedV1.example
        published.formationId = formation
        published.periodId = period
        var events = [try decoded(opened, at: at(0)), try decoded(published, at: at(1))]
        var ids: [UUID] = []
        for (index, number) in numbers.enumerated() {
            var submitted = ApplicationSubmittedV1.example
            submitted.applicationId = UUID()
            submitted.periodId = period
            submitted.formationId = formation
            submitted.registrationNumber = number
            submitted.applicantName = "Pelamar \(index)"
            ids.append(submitted.applicationId)
            events.append(try decoded(submitted, at: at(10 + Double(index))))
        }
        return (events, ids)
    }

    func decision(_ application: UUID, _ outcome: AdministrativeOutcome, countersigned: Bool) -> VerificationDecisionRecordedV1 {
        var recorded = VerificationDecisionRecordedV1.example
        recorded.decisionId = UUID()
        recorded.applicationId = application
        recorded.outcome = outcome
        recorded.requiresCountersignature = countersigned
        if outcome == .ms { recorded.unmetRequirements = [] }
        return recorded
    }

    func publication(_ round: AdministrativeAnnouncementRound) -> AdministrativeResultsPublishedV1 {
        var published = AdministrativeResultsPublishedV1.example
        published.publicationId = UUID()
        published.periodId = period
        published.formationId = formation
        published.round = round
        return published
    }

}
