import EventStore
import Foundation
import PostgresNIO
import RecruitmentEvents
import TestSupport
import Testing

@Suite("Transactional outbox (PostgreSQL)")
struct OutboxTests {
    /// Migration 6 moves the outbox from `events.published_at` to its own table: events unpublished at the upgrade
    /// must still be relayed, and published ones must not be sent again.
    @Test func theUpgradeToTheOutboxTableCarriesOverTheUnpublishedEvents() async throws {
        try await TestPostgres.withFreshDatabase { client, _ in
            let earlier = EventStoreMigrations.all.filter { $0.version < EventStoreMigrations.outboxTable.version }
            try await DatabaseMigrator(client: client, migrations: earlier, logger: TestPostgres.logger).migrate()
            try await client.query("""
                INSERT INTO events (stream_id, stream_version, event_id, type, payload, metadata, published_at)
                VALUES ('s', 1, gen_random_uuid(), 't', '{}', '{}', now()),
                       ('s', 2, gen_random_uuid(), 't', '{}', '{}', NULL),
                       ('t', 1, gen_random_uuid(), 't', '{}', '{}', NULL)
                """, logger: TestPostgres.logger)
            try await DatabaseMigrator(client: client, migrations: EventStoreMigrations.all, logger: TestPostgres.logger)
                .migrate()
            let waiting = try await scalar("""
                SELECT count(*)::bigint FROM outbox o JOIN events e USING (position)
                WHERE (e.stream_id, e.stream_version) IN (('s', 2), ('t', 1))
                """, on: client)
            #expect(waiting == 2)
            #expect(try await scalar("SELECT count(*)::bigint FROM outbox", on: client) == 2)
            #expect(try await scalar("""
                SELECT count(*)::bigint FROM information_schema.columns
                WHERE table_name = 'events' AND column_name = 'published_at'
                """, on: client) == 0)
        }
    }

    /// ARCHITECTURE §5: a bigserial is assigned at insert but visible at commit. Hold one transaction open with an
    /// appended event while a later transaction appends and commits; the relay publishes what it sees; then the held
    /// transaction commits, and the next relay pass finds its event: nothing is skipped.
    @Test(.timeLimit(.minutes(5))) func aTransactionCommittingLateIsNotSkipped() async throws {
        try await withMigratedDatabase { _, store in
            let inserted = Gate()
            let release = Gate()
            let early = makeEnvelope(stream: "early")
            let late = makeEnvelope(stream: "late")

            async let held = store.append([early], toStream: "early", expectedVersion: 0) { _, _ in
                // The event row is inserted (its position assigned) but not committed until the gate opens.
                inserted.open()
                await release.wait()
            }
            await inserted.wait()

            let committed = try await store.append([late], toStream: "late", expectedVersion: 0)

            // Relay pass 1: only the committed event is visible.
            let firstPass = try await store.unpublishedEvents(limit: 100)
            #expect(firstPass.map(\.envelope.id) == [late.id])
            #expect(try await store.markPublished(positions: firstPass.map(\.position)) == 1)

            release.open()
            let heldResult = try await held
            let earlyPosition = try #require(heldResult.events.first?.position)
            #expect(earlyPosition < committed.events[0].position, "the held event got the lower position")

            // A high-water-mark reader ("everything after the last position I published") would never see it …
            #expect(try await store.readAll(after: committed.events[0].position).isEmpty)
            // … but the outbox query does.
            let secondPass = try await store.unpublishedEvents(limit: 100)
            #expect(secondPass.map(\.envelope.id) == [early.id])
            #expect(try await store.markPublished(positions: secondPass.map(\.position)) == 1)
            #expect(try await store.unpublishedEvents(limit: 100).isEmpty)
        }
    }

    @Test func unpublishedEventsComeInPositionOrderAndRespectTheLimit() async throws {
        try await withMigratedDatabase { _, store in
            var ids: [UUID] = []
            for index in 0..<5 {
                let event = makeEnvelope(stream: "s\(index)")
                ids.append(event.id)
                try await store.append([event], toStream: "s\(index)", expectedVersion: 0)
            }
            let page = try await store.unpublishedEvents(limit: 3)
            #expect(page.map(\.envelope.id) == Array(ids.prefix(3)))
            #expect(try await store.markPublished(eventIds: [ids[0], ids[2]]) == 2)
            #expect(try await store.markPublished(eventIds: [ids[0]]) == 0, "already published")
            #expect(try await store.unpublishedEvents(limit: 10).map(\.envelope.id) == [ids[1], ids[3], ids[4]])
        }
    }

    @Test func backlogReportsCountAndAgeAndRepublishResetsEverything() async throws {
        try await withMigratedDatabase { client, store in
            let empty = try await store.outboxBacklog()
            #expect(empty == OutboxBacklog(count: 0, oldestRecordedAt: nil, oldestAge: nil))

            for index in 0..<3 {
                try await store.append([makeEnvelope(stream: "s\(index)")], toStream: "s\(index)", expectedVersion: 0)
            }
            try await Task.sleep(for: .milliseconds(50))
            let backlog = try await store.outboxBacklog()
            #expect(backlog.count == 3)
            #expect(backlog.oldestRecordedAt != nil)
            let age = try #require(backlog.oldestAge)
            #expect(age >= .milliseconds(50) && age < .seconds(60))

            let all = try await store.unpublishedEvents(limit: 10)
            try await store.markPublished(positions: all.map(\.position))
            #expect(try await store.outboxBacklog().count == 0)
            #expect(try await scalar("SELECT count(*)::bigint FROM outbox", on: client) == 0)

            #expect(try await store.markAllUnpublished() == 3)
            #expect(try await store.unpublishedEvents(limit: 10).map(\.position) == all.map(\.position))
            #expect(try await scalar("SELECT count(*)::bigint FROM outbox", on: client) == 3)
            #expect(try await store.markAllUnpublished() == 0, "events already waiting are not queued twice")
        }
    }

    @Test func appendsSendNoNotification() async throws {
        // Version 3 dropped the NOTIFY trigger: it serialised every committing append on PostgreSQL's global notify
        // lock, and the relay polls anyway.
        try await withMigratedDatabase { client, store in
            try await store.append([makeEnvelope(stream: "s")], toStream: "s", expectedVersion: 0)
            let triggers = try await scalar(
                "SELECT count(*)::bigint FROM pg_trigger WHERE tgname = 'events_notify_appended'", on: client)
            #expect(triggers == 0)
        }
    }
}
