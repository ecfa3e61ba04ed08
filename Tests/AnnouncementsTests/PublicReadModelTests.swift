import EventStore
import Foundation
import PostgresNIO
import RecruitmentEvents
import ServiceKit
import TestSupport
import Testing
@testable import Announcements

/// The public read models against the real PostgreSQL: what is public when, and whole result lists only.
@Suite struct PublicReadModelTests {
    let fixture = SelectionFixture()

    @Test func administrativeResultsShowWhatWasFinalAtTheLatestPublication() async throws {
        try await SelectionFixture.migrated { client in
            let (events, apps) = try fixture.intake(["R-001", "R-002", "R-003", "R-004"])
            _ = try await fixture.apply(events, to: PublicSelectionProjection.projection, on: client)
            let store = PublicResultsStore(postgres: client, logger: TestPostgres.logger)

            let ms = fixture.decision(apps[0], .ms, countersigned: false)
            let tms = fixture.decision(apps[1], .tms, countersigned: true)
            var countersigned = VerificationDecisionCountersignedV1.example
            countersigned.decisionId = tms.decisionId
            countersigned.applicationId = apps[1]
            let returnedDecision = fixture.decision(apps[2], .ms, countersigned: true)
            var returned = VerificationDecisionReturnedV1.example
            returned.decisionId = returnedDecision.decisionId
            returned.applicationId = apps[2]
            let pending = fixture.decision(apps[3], .ms, countersigned: true)
            // The publication arrives before the decisions (another partition): order must not matter.
            let initial = fixture.publication(.initial)
            let outcomes = try await fixture.apply([
                try fixture.decoded(initial, at: fixture.at(200)),
                try fixture.decoded(ms, at: fixture.at(100)), try fixture.decoded(tms, at: fixture.at(101)), try fixture.decoded(countersigned, at: fixture.at(150)),
                try fixture.decoded(returnedDecision, at: fixture.at(102)), try fixture.decoded(returned, at: fixture.at(160)),
                try fixture.decoded(pending, at: fixture.at(103)),
                try fixture.decoded(ApplicantRegisteredV1.example, at: fixture.at(104)),
            ], to: PublicSelectionProjection.projection, on: client)
            #expect(outcomes == [.applied, .applied, .applied, .applied, .applied, .applied, .applied, .ignored])

            let published = try #require(try await store.administrativePublication(of: fixture.formation))
            #expect(published.round == .initial)
            var rows = try await store.administrativeRows(of: fixture.formation, publishedAt: published.at, after: "", limit: 10)
            #expect(rows.map(\.registrationNumber) == ["R-001", "R-002"], "returned and uncountersigned stay out")
            #expect(rows.map(\.outcome) == [.ms, .tms])
            #expect(rows[1].unmetRequirements.map(\.requirementCode) == tms.unmetRequirements.map(\.requirementCode))
            #expect(rows[0].name == "Pelamar 0")

            // Paging by registration number.
            let page = try await store.administrativeRows(of: fixture.formation, publishedAt: published.at, after: "R-001", limit: 10)
            #expect(page.map(\.registrationNumber) == ["R-002"])

            // An upheld objection after publication shows only with the after-objection publication.
            var resolved = ObjectionResolvedV1.example
            resolved.objectionId = UUID()
            resolved.applicationId = apps[1]
            resolved.decisionId = tms.decisionId
            resolved.outcome = .upheld
            resolved.resultingOutcome = .ms
            _ = try await fixture.apply([try fixture.decoded(resolved, at: fixture.at(300))], to: PublicSelectionProjection.projection, on: client)
            rows = try await store.administrativeRows(of: fixture.formation, publishedAt: published.at, after: "", limit: 10)
            #expect(rows.map(\.outcome) == [.ms, .tms])

            _ = try await fixture.apply([try fixture.decoded(fixture.publication(.afterObjection), at: fixture.at(400))],
                                to: PublicSelectionProjection.projection, on: client)
            let after = try #require(try await store.administrativePublication(of: fixture.formation))
            #expect(after.round == .afterObjection)
            rows = try await store.administrativeRows(of: fixture.formation, publishedAt: after.at, after: "", limit: 10)
            #expect(rows.map(\.outcome) == [.ms, .ms])
            #expect(rows[1].byObjection && rows[1].unmetRequirements.isEmpty)
        }
    }

    func ranking(_ apps: [UUID], part: Int?, parts: Int?, id: UUID) -> SkdRankingFinalisedV1 {
        var ranking = SkdRankingFinalisedV1.example
        ranking.rankingId = id
        ranking.periodId = fixture.period
        ranking.formationId = fixture.formation
        ranking.part = part
        ranking.parts = parts
        ranking.rows = apps.enumerated().map { index, app in
            SkdRankingRow(applicationId: app, applicantId: UUID(), participantNumber: "P-\(app.eventKey.prefix(4))",
                          scores: SkdScores(twk: 100, tiu: 100, tkp: 200 - index, total: 400 - index),
                          rank: index + 1, code: .passedToSkb, reason: .withinCutOff)
        }
        return ranking
    }

    @Test func aListSplitInPartsCountsOnlyWhenEveryPartIsInAndOnce() async throws {
        try await SelectionFixture.migrated { client in
            let (events, apps) = try fixture.intake(["R-1", "R-2", "R-3", "R-4"])
            _ = try await fixture.apply(events, to: PublicSelectionProjection.projection, on: client)
            let store = PublicResultsStore(postgres: client, logger: TestPostgres.logger)
            let id = UUID()
            let second = ranking(Array(apps[2...]), part: 2, parts: 2, id: id)
            let first = ranking(Array(apps[..<2]), part: 1, parts: 2, id: id)

            _ = try await fixture.apply([try fixture.decoded(second, at: fixture.at(500))], to: PublicExamResultsProjection.projection, on: client)
            #expect(try await store.currentList(of: fixture.formation, stage: "skd") == nil, "half a ranking is not public")

            // The first part, then both parts again (redelivery): nothing doubles.
            _ = try await fixture.apply([try fixture.decoded(first, at: fixture.at(500))], to: PublicExamResultsProjection.projection, on: client)
            _ = try await fixture.apply([try fixture.decoded(first, at: fixture.at(500)), try fixture.decoded(second, at: fixture.at(500))],
                                to: PublicExamResultsProjection.projection, on: client)
            let list = try #require(try await store.currentList(of: fixture.formation, stage: "skd"))
            #expect(list.list == id)
            let rows = try await store.listRows(list.list, as: PublicSkdRow.self, after: .start, limit: 10)
            #expect(rows.count == 4)
            #expect(rows.map(\.row.row.rank) == [1, 2, 1, 2], "each part's rows in order, parts in order")
            #expect(rows.map(\.row.name) == ["Pelamar 0", "Pelamar 1", "Pelamar 2", "Pelamar 3"])
            let page = try await store.listRows(list.list, as: PublicSkdRow.self, after: rows[1].cursor, limit: 10)
            #expect(page.map(\.row.name) == ["Pelamar 2", "Pelamar 3"])
            #expect(try await store.currentList(of: fixture.formation, stage: "final") == nil)

            let stats = try await store.statistics(ofPeriod: fixture.period)
            #expect(stats.count == 1)
            #expect(stats[0].skdPassedToSkb == 4 && stats[0].finalPassed == 0)
        }
    }

    @Test func aLaterFinalComputationSupersedesTheEarlierOne() async throws {
        try await SelectionFixture.migrated { client in
            let (events, apps) = try fixture.intake(["R-1", "R-2"])
            _ = try await fixture.apply(events, to: PublicSelectionProjection.projection, on: client)
            let store = PublicResultsStore(postgres: client, logger: TestPostgres.logger)
            func final(_ codes: [FinalResultCode]) -> FinalResultsComputedV1 {
                var result = FinalResultsComputedV1.example
                result.resultId = UUID()
                result.periodId = fixture.period
                result.formationId = fixture.formation
                result.part = nil
                result.parts = nil
                result.rows = zip(apps, codes).enumerated().map { index, pair in
                    var row = FinalResultsComputedV1.example.rows[0]
                    row.applicationId = pair.0
                    row.participantNumber = "P-\(index)"
                    row.code = pair.1
                    row.rank = index + 1
                    return row
                }
                return result
            }
            let earlier = final([.passed, .notWithinQuota])
            let later = final([.notWithinQuota, .passed])
            _ = try await fixture.apply([try fixture.decoded(earlier, at: fixture.at(600)), try fixture.decoded(later, at: fixture.at(700))],
                                to: PublicExamResultsProjection.projection, on: client)
            let list = try #require(try await store.currentList(of: fixture.formation, stage: "final"))
            #expect(list.list == later.resultId)
            let rows = try await store.listRows(list.list, as: PublicFinalRow.self, after: .start, limit: 10)
            #expect(rows.map(\.row.row.code) == [.notWithinQuota, .passed])
            let stats = try await store.statistics(ofPeriod: nil)
            #expect(stats.first?.finalPassed == 1 && stats.first?.finalNotPassed == 1)
        }
    }

    @Test func statisticsCountApplicantsAndPublishedAdministrativeOutcomes() async throws {
        try await SelectionFixture.migrated { client in
            let (events, apps) = try fixture.intake(["R-1", "R-2", "R-3"])
            _ = try await fixture.apply(events, to: PublicSelectionProjection.projection, on: client)
            _ = try await fixture.apply(events, to: FormationCountsProjection.projection, on: client)
            _ = try await fixture.apply([
                try fixture.decoded(fixture.decision(apps[0], .ms, countersigned: false), at: fixture.at(100)),
                try fixture.decoded(fixture.decision(apps[1], .tms, countersigned: false), at: fixture.at(100)),
            ], to: PublicSelectionProjection.projection, on: client)
            let store = PublicResultsStore(postgres: client, logger: TestPostgres.logger)
            var stats = try #require(try await store.statistics(ofPeriod: fixture.period).first)
            #expect(stats.applicants == 3)
            #expect(stats.administrativeMS == 0 && stats.administrativeTMS == 0, "nothing published yet")
            _ = try await fixture.apply([try fixture.decoded(fixture.publication(.initial), at: fixture.at(200))],
                                to: PublicSelectionProjection.projection, on: client)
            stats = try #require(try await store.statistics(ofPeriod: fixture.period).first)
            #expect(stats.administrativeMS == 1 && stats.administrativeTMS == 1)
            #expect(try await store.statistics(ofPeriod: UUID()).isEmpty)
            let csv = FormationStatisticsCSV.render([stats])
            #expect(csv.hasPrefix("formation_id,period_id,"))
            #expect(csv.split(separator: "\r\n").count == 2)
        }
    }

    @Test func csvFieldsAreQuotedAndFormulaSafe() {
        #expect(FormationStatisticsCSV.quoted("Dinas Kesehatan") == "Dinas Kesehatan")
        #expect(FormationStatisticsCSV.quoted("Guru, Kelas") == "\"Guru, Kelas\"")
        #expect(FormationStatisticsCSV.quoted("Kata \"x\"") == "\"Kata \"\"x\"\"\"")
        #expect(FormationStatisticsCSV.quoted("=HYPERLINK(1)") == "'=HYPERLINK(1)")
    }
}
