import EventStore
import Foundation
import PostgresNIO
import RecruitmentEvents
import ServiceKit
import TestSupport
import Testing
@testable import Registration

/// The verification topic as the applicant's status view sees it, against the real PostgreSQL.
@Suite struct VerificationProgressProjectionTests {
    static func decoded(_ event: some RecruitmentEvent, at time: Date) throws -> Projection.DecodedEvent {
        .init(event: event, envelope: try EventEnvelope(
            event: event, streamId: "case-\(UUID().eventKey)", streamVersion: 1, time: time))
    }

    /// A submitted application row (and what it references) to project onto.
    static func insertApplication(_ id: UUID, applicant: UUID, period: UUID, formation: UUID, on client: PostgresClient)
        async throws
    {
        let logger = TestPostgres.logger
        try await client.query(
            """
            INSERT INTO periods (period_id, stream_version, document, registration_opens_at, registration_closes_at,
                                 created_at)
            VALUES (\(period), 1, '{}'::jsonb, now(), now(), now())
            """, logger: logger)
        try await client.query(
            "INSERT INTO formations (formation_id, period_id, document, created_at) VALUES (\(formation), \(period), '{}'::jsonb, now())",
            logger: logger)
        try await client.query(
            """
            INSERT INTO applicants (applicant_id, nik_index, nik_sealed, kk_sealed, full_name, birth_date, email, phone,
                                    registered_at)
            VALUES (\(applicant), 'index', '\\x00'::bytea, '\\x00'::bytea, 'Maria', '1995-07-05', 'm@example.org',
                    '+6281234567890', now())
            """, logger: logger)
        try await client.query(
            """
            INSERT INTO applications (application_id, applicant_id, period_id, formation_id, registration_number, status,
                                      submitted_at, stream_version, started_at)
            VALUES (\(id), \(applicant), \(period), \(formation), 'ASN-24-0000001-8', 'submitted',
                    '2024-08-30T00:00:00Z', 2, '2024-08-29T00:00:00Z')
            """, logger: logger)
    }

    @Test func aTMSTurnedMSByAnUpheldObjectionShowsOnlyAfterPublication() async throws {
        try await TestPostgres.withFreshDatabase { client, _ in
            try await DatabaseMigrator(
                client: client, migrations: EventStoreMigrations.all + RegistrationService.migrations,
                logger: TestPostgres.logger
            ).migrate()
            let (application, applicant, period, formation) = (UUID(), UUID(), UUID(), UUID())
            try await Self.insertApplication(application, applicant: applicant, period: period, formation: formation,
                                             on: client)
            let store = ApplicationStore(postgres: client, logger: TestPostgres.logger)
            let start = Date(timeIntervalSince1970: 1_725_000_000)

            var claimed = VerificationCaseClaimedV1.example
            claimed.applicationId = application
            var recorded = VerificationDecisionRecordedV1.example
            recorded.applicationId = application
            recorded.outcome = .tms
            recorded.unmetRequirements = [UnmetRequirement(
                requirementCode: "ijazah", reasonCode: .unreadable, explanation: "Scan tidak terbaca")]
            var countersigned = VerificationDecisionCountersignedV1.example
            countersigned.applicationId = application
            countersigned.decisionId = recorded.decisionId
            let opened = VerificationCaseOpenedV1.example
            let outcomes = try await client.withConnection { connection in
                try await VerificationProgressProjection.projection.applyAll(
                    [try Self.decoded(opened, at: start), try Self.decoded(claimed, at: start + 60),
                     try Self.decoded(recorded, at: start + 120), try Self.decoded(countersigned, at: start + 180)],
                    connection, TestPostgres.logger)
            }
            #expect(outcomes == [.ignored, .applied, .applied, .applied])

            // Decided but not yet published: the applicant sees "in review", no outcome, and can no longer withdraw.
            var record = try #require(try await store.application(application))
            var progress = ApplicationProgress.verification(record, resultsPublishedAt: nil)
            #expect(progress.stage == "in-review")
            #expect(progress.outcome == nil)
            #expect(record.verificationStartedAt == start + 60)
            #expect(record.verificationDecision?.countersigned == true)

            // Another formation's results of the same period publish nothing of this one.
            var otherFormation = AdministrativeResultsPublishedV1.example
            otherFormation.periodId = period
            otherFormation.formationId = UUID()
            _ = try await client.withConnection { connection in
                try await VerificationProgressProjection.projection.applyAll(
                    [try Self.decoded(otherFormation, at: start + 200)], connection, TestPostgres.logger)
            }
            #expect(try await store.administrativeResultsPublishedAt(period: period, formation: formation) == nil)

            var published = AdministrativeResultsPublishedV1.example
            published.periodId = period
            published.formationId = formation
            var filed = ObjectionFiledV1.example
            filed.applicationId = application
            var resolved = ObjectionResolvedV1.example
            resolved.applicationId = application
            resolved.outcome = .upheld
            resolved.resultingOutcome = .ms
            _ = try await client.withConnection { connection in
                try await VerificationProgressProjection.projection.applyAll(
                    [try Self.decoded(published, at: start + 240)], connection, TestPostgres.logger)
            }
            record = try #require(try await store.application(application))
            var publishedAt = try await store.administrativeResultsPublishedAt(period: period, formation: formation)
            #expect(publishedAt == start + 240)
            progress = ApplicationProgress.verification(record, resultsPublishedAt: publishedAt)
            #expect(progress.stage == "published")
            #expect(progress.outcome == .tms)
            #expect(progress.unmetRequirements?.map(\.requirementCode) == ["ijazah"])

            _ = try await client.withConnection { connection in
                try await VerificationProgressProjection.projection.applyAll(
                    [try Self.decoded(filed, at: start + 300), try Self.decoded(resolved, at: start + 400)],
                    connection, TestPostgres.logger)
            }
            record = try #require(try await store.application(application))
            publishedAt = try await store.administrativeResultsPublishedAt(period: period, formation: formation)
            progress = ApplicationProgress.verification(record, resultsPublishedAt: publishedAt)
            #expect(progress.outcome == .ms, "an upheld objection turns TMS into MS")
            #expect(progress.unmetRequirements == [])
            #expect(progress.objection?.status == "resolved")
            #expect(progress.objection?.outcome == .upheld)
            let history = ApplicationProgress.history(record, resultsPublishedAt: publishedAt).map(\.step)
            #expect(history == ["started", "submitted", "verification-started", "results-published", "objection-filed",
                                "objection-resolved"])
        }
    }

    @Test func aReturnedDecisionIsWithdrawnFromTheView() async throws {
        try await TestPostgres.withFreshDatabase { client, _ in
            try await DatabaseMigrator(
                client: client, migrations: EventStoreMigrations.all + RegistrationService.migrations,
                logger: TestPostgres.logger
            ).migrate()
            let (application, applicant, period, formation) = (UUID(), UUID(), UUID(), UUID())
            try await Self.insertApplication(application, applicant: applicant, period: period, formation: formation,
                                             on: client)
            var recorded = VerificationDecisionRecordedV1.example
            recorded.applicationId = application
            var returned = VerificationDecisionReturnedV1.example
            returned.applicationId = application
            returned.decisionId = recorded.decisionId
            _ = try await client.withConnection { connection in
                try await VerificationProgressProjection.projection.applyAll(
                    [try Self.decoded(recorded, at: Date()), try Self.decoded(returned, at: Date())],
                    connection, TestPostgres.logger)
            }
            let record = try #require(
                try await ApplicationStore(postgres: client, logger: TestPostgres.logger).application(application))
            #expect(record.verificationDecision == nil)
            #expect(record.verificationStartedAt != nil, "a recorded decision means verification had started")
        }
    }
}
