import EventStore
import Foundation
import PostgresNIO
import RecruitmentEvents
import ServiceKit
import TestSupport
import Testing
@testable import Announcements

/// The scoreboard read model against the real PostgreSQL: rows per event kind, idempotent replays, sequence order
/// (also across concurrent batches) and the notification at commit.
@Suite struct ScoreboardProjectionTests {
    typealias F = ScoreboardFixtures

    @Test func projectsEachEventKindIntoPublicRowsInSequenceOrder() async throws {
        try await F.withDatabase { client in
            let session = UUID()
            var reschedule = ExamSessionRescheduledV1.example
            reschedule.sessionId = session
            let scored = F.result(session: session, participant: "2453710100001")
            let failed = F.result(session: session, participant: "2453710100002",
                                  scores: SkdScores(twk: 40, tiu: 60, tkp: 120, total: 220), meets: false)
            let reused = F.result(session: nil, participant: "2453710100003")
            let outcomes = try await F.apply([
                try F.decoded(F.session(session, site: "KPG-01")), try F.decoded(reschedule),
                try F.decoded(scored), try F.decoded(failed), try F.decoded(reused),
                try F.decoded(F.absent(session: session, participant: "2453710100004")),
                try F.decoded(F.disqualified(session: session, participant: "2453710100005")),
                try F.decoded(F.absent(session: session, participant: "2453710100006", stage: .skb)),
                try F.decoded(ApplicationSubmittedV1.example),
            ], on: client)
            #expect(outcomes == [.applied, .applied, .applied, .applied, .applied, .applied, .applied, .ignored,
                                 .ignored])

            let rows = try await F.rows(client)
            #expect(rows.map(\.participantNumber) == ["2453710100001", "2453710100002", "2453710100003",
                                                      "2453710100004", "2453710100005"])
            #expect(rows.map(\.sequence) == rows.map(\.sequence).sorted())
            #expect(Set(rows.map(\.sequence)).count == rows.count)
            let first = try #require(rows.first)
            #expect(first.status == .scored && first.twk == 90 && first.tiu == 100 && first.tkp == 170
                    && first.total == 360 && first.meetsPassingGrade == true)
            #expect(first.siteCode == "KPG-01" && first.sessionId == session)
            #expect(first.formationId == scored.formationId && first.formationKind == scored.formationKind)
            #expect(rows[1].meetsPassingGrade == false)
            #expect(rows[2].sessionId == nil && rows[2].siteCode == nil)
            #expect(rows[3].status == .absent && rows[3].total == nil && rows[3].meetsPassingGrade == nil)
            #expect(rows[4].status == .disqualified && rows[4].reasonCode == .remoteAccess && rows[4].twk == nil)

            // The session took the reschedule; the public row type carries no applicant id and no free text.
            let sessions = try await ScoreboardStore(postgres: client, logger: TestPostgres.logger)
                .sessions(after: .minimum, periodId: nil, stage: .skd, limit: 10)
            #expect(sessions.map(\.startsAt) == [reschedule.startsAt])
            let json = String(decoding: try JSONResponseCoding.encoder.encode(rows), as: UTF8.self)
            #expect(!json.contains(scored.applicantId.eventKey) && !json.contains(scored.applicationId.eventKey))
            #expect(!json.contains("akses jarak jauh") && !json.contains("applicant"))
            let columns = try await client.query(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'scoreboard_results'",
                logger: TestPostgres.logger)
            var names: [String] = []
            for try await name in columns.decode(String.self) { names.append(name) }
            #expect(!names.contains("applicant_id") && !names.contains("reason"))
        }
    }

    @Test func aReplayOrARepeatChangesNothingAndACorrectionMovesTheRowToANewSequence() async throws {
        try await F.withDatabase { client in
            let session = UUID()
            let application = UUID()
            let batch = [
                try F.decoded(F.session(session)),
                try F.decoded(F.result(application: application, session: session, participant: "2453710100011")),
                try F.decoded(F.result(session: session, participant: "2453710100012")),
            ]
            try await F.apply(batch, on: client)
            let before = try await F.rows(client)
            #expect(before.count == 2)

            // The same events again (a redelivery under new ids, or a republish): same rows, same sequences.
            try await F.apply(batch, on: client)
            #expect(try await F.rows(client) == before)

            // A clerical correction of one result: one row, at a sequence above every earlier one.
            try await F.apply([try F.decoded(F.result(
                application: application, session: session, participant: "2453710100011",
                scores: SkdScores(twk: 95, tiu: 100, tkp: 170, total: 365)))], on: client)
            let after = try await F.rows(client)
            #expect(after.count == 2)
            let corrected = try #require(after.first { $0.participantNumber == "2453710100011" })
            #expect(corrected.total == 365)
            #expect(corrected.sequence > before.map(\.sequence).max()!)
            #expect(after.last?.participantNumber == "2453710100011")

            // An absence after the result keeps the formation the result named.
            try await F.apply([try F.decoded(F.absent(
                application: application, session: session, participant: "2453710100011"))], on: client)
            let absent = try #require(try await F.rows(client).first { $0.participantNumber == "2453710100011" })
            #expect(absent.status == .absent && absent.formationId == corrected.formationId && absent.total == nil)

            // A rebuild empties the rows; replaying gives the same rows at new, higher sequences (never reused).
            let highest = try await F.rows(client).map(\.sequence).max()!
            try await client.withConnection { connection in
                try await ScoreboardProjection.projection.reset(connection, TestPostgres.logger)
            }
            #expect(try await F.rows(client).isEmpty)
            try await F.apply(batch, on: client)
            let replayed = try await F.rows(client)
            #expect(replayed.map(\.participantNumber) == before.map(\.participantNumber))
            #expect(replayed.allSatisfy { $0.sequence > highest })
        }
    }

    @Test func aBatchWaitsForAnOpenOneSoSequencesBecomeVisibleInOrder() async throws {
        try await F.withDatabase { client in
            let session = UUID()
            try await F.apply([try F.decoded(F.session(session))], on: client)
            let firstCommitted = ScoreboardFlag()
            let secondDone = ScoreboardFlag()
            try await client.withConnection { first in
                try await first.query("BEGIN", logger: TestPostgres.logger)
                _ = try await ScoreboardProjection.projection.applyAll(
                    [try F.decoded(F.result(session: session, participant: "2453710100021"))], first,
                    TestPostgres.logger)
                // A second batch (another replica) while the first is still open.
                let second = Task {
                    try await F.apply([try F.decoded(F.result(session: session, participant: "2453710100022"))],
                                      on: client)
                    await secondDone.set()
                    return await firstCommitted.isSet
                }
                try await Task.sleep(for: .milliseconds(500))
                // Nothing after sequence 0 is visible, and the second batch has not got past the counter.
                #expect(try await F.rows(client).isEmpty)
                #expect(await !secondDone.isSet)
                await firstCommitted.set()
                try await first.query("COMMIT", logger: TestPostgres.logger)
                #expect(try await second.value, "the second batch committed before the first")
            }
            let rows = try await F.rows(client)
            #expect(rows.map(\.participantNumber) == ["2453710100021", "2453710100022"])
            #expect(rows[0].sequence < rows[1].sequence)
        }
    }

    @Test func listenersAreNotifiedAtCommitWithTheHighestSequence() async throws {
        try await F.withDatabase { client in
            let session = UUID()
            try await client.withConnection { listener in
                try await listener.listen(on: ScoreboardProjection.channel) { notifications in
                    var iterator = notifications.makeAsyncIterator()
                    try await client.withConnection { writer in
                        try await writer.query("BEGIN", logger: TestPostgres.logger)
                        _ = try await ScoreboardProjection.projection.applyAll([
                            try F.decoded(F.session(session)),
                            try F.decoded(F.result(session: session, participant: "2453710100031")),
                            try F.decoded(F.result(session: session, participant: "2453710100032")),
                        ], writer, TestPostgres.logger)
                        try await Task.sleep(for: .milliseconds(300))
                        try await writer.query("COMMIT", logger: TestPostgres.logger)
                    }
                    let notification = try await iterator.next()
                    let rows = try await F.rows(client)
                    #expect(notification?.payload == String(rows.map(\.sequence).max() ?? -1))
                    // A batch that changes no row (sessions only) does not notify.
                    try await F.apply([try F.decoded(F.session(UUID()))], on: client)
                    try await F.apply([try F.decoded(F.result(session: session, participant: "2453710100033"))],
                                      on: client)
                    let next = try await iterator.next()
                    let newest = try await F.rows(client).map(\.sequence).max() ?? -1
                    #expect(next?.payload == String(newest))
                }
            }
        }
    }

    @Test func filtersBySessionAndSite() async throws {
        try await F.withDatabase { client in
            let (a, b) = (UUID(), UUID())
            try await F.apply([
                try F.decoded(F.session(a, site: "KPG-01")), try F.decoded(F.session(b, site: "KPG-02")),
                try F.decoded(F.result(session: a, participant: "2453710100041")),
                try F.decoded(F.result(session: b, participant: "2453710100042")),
            ], on: client)
            #expect(try await F.rows(client, filter: ScoreboardFilter(sessionId: a)).map(\.participantNumber)
                    == ["2453710100041"])
            #expect(try await F.rows(client, filter: ScoreboardFilter(siteCode: "KPG-02")).map(\.participantNumber)
                    == ["2453710100042"])
            #expect(try await F.rows(client, filter: ScoreboardFilter(sessionId: a, siteCode: "KPG-02")).isEmpty)
        }
    }
}

/// A flag one task sets and another reads.
actor ScoreboardFlag {
    private(set) var isSet = false
    func set() { isSet = true }
}
