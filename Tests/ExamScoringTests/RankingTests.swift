import EventStore
import ExamScoringRules
import Foundation
import PostgresNIO
import RecruitmentEvents
import ServiceKit
import TestSupport
import Testing
@testable import ExamScoring

/// The SKD ranking of a formation against the real PostgreSQL (DOMAIN §3.1): previewed while outcomes arrive,
/// finalised once every eligible candidate is seated and every seated one has an outcome, once.
@Suite struct RankingTests {
    typealias H = ExamHarness

    /// Nine seated candidates of a quota-1 formation (three SKB places) and what each gets:
    /// 0: 442 rank 1; 4: 420 rank 2; 1 and 2: 398 with TKP 188, TIU 125, TWK 85, both rank 3 (2 is tied at the
    /// cut-off); 3: 398 with TIU 120, rank 5, P; 5: TWK 60, TL; 6: absent; 7: disqualified; 8: withdraws, no outcome.
    static func recordAll(_ cohort: ExamHarness.Cohort, _ h: ExamHarness, except skipped: Set<Int> = []) async throws {
        let n = cohort.numbers
        let scores: [Int: (Int, Int, Int)] = [
            0: (110, 130, 202), 4: (100, 125, 195), 1: (85, 125, 188), 2: (85, 125, 188), 3: (90, 120, 188),
            5: (60, 150, 200),
        ]
        for (index, (twk, tiu, tkp)) in scores.sorted(by: { $0.key < $1.key }) where !skipped.contains(index) {
            try await h.recordSkd(n[index], twk: twk, tiu: tiu, tkp: tkp)
        }
        if !skipped.contains(6) { try await h.results.recordAbsence(n[6], stage: .skd, context: h.context()) }
        if !skipped.contains(7) {
            try await h.results.recordDisqualification(
                n[7], DisqualificationRequest(stage: .skd, reasonCode: .prohibitedItem,
                                              reason: "Membawa telepon genggam ke ruang ujian."),
                context: h.context())
        }
    }

    static func codes(_ h: ExamHarness) async throws -> [UUID: String] {
        let rows = try await h.client.query("SELECT application_id, code FROM skd_codes", logger: H.logger)
        var codes: [UUID: String] = [:]
        for try await (id, code) in rows.decode((UUID, String).self) { codes[id] = code }
        return codes
    }

    @Test func finalisingWaitsForEveryOutcomeAndThePreviewCountsThem() async throws {
        try await H.run { h in
            let cohort = try await h.seatedCohort(9)
            try await h.intake([H.withdrawal(cohort.submissions[8])], at: H.t0 + 60)
            try await Self.recordAll(cohort, h, except: [3, 6])

            let preview = try await h.rankings.view(cohort.formation)
            #expect(preview.finalised == false)
            #expect(preview.pending == 2)
            #expect(preview.ranking.rows.count == 6)
            #expect(preview.ranking.formationId == cohort.formation)
            #expect(preview.ranking.skbPlaces == 3)

            let before = try await h.snapshot()
            let pending = await refusal { try await h.rankings.finalise(cohort.formation, context: h.context()) }
            #expect(pending?.summary == "409 /problems/results-pending")
            #expect(pending?.detail?.hasPrefix("2 seated candidates") == true)
            #expect(try await h.snapshot() == before)
            #expect(try await h.stream(ExamFormation.streamId(cohort.formation)).isEmpty)

            // One more: one pending.
            try await h.results.recordAbsence(cohort.numbers[6], stage: .skd, context: h.context())
            #expect(try await h.rankings.view(cohort.formation).pending == 1)
            let stillPending = await refusal { try await h.rankings.finalise(cohort.formation, context: h.context()) }
            #expect(stillPending?.detail?.hasPrefix("1 seated candidates") == true)

            // The last outcome; the withdrawn candidate is not waited for.
            try await h.recordSkd(cohort.numbers[3], twk: 90, tiu: 120, tkp: 188)
            #expect(try await h.rankings.view(cohort.formation).pending == 0)
            let ranking = try await h.rankings.finalise(cohort.formation, context: h.context())
            #expect(ranking.rows.count == 8)
            #expect(!ranking.rows.map(\.applicationId).contains(cohort.submissions[8].applicationId))
        }
    }

    @Test func finalisingWaitsForEligibleCandidatesWithoutASeat() async throws {
        try await H.run { h in
            let period = try await h.openPeriod()
            let formation = try await h.publishFormation(period: period)
            let submissions = try await h.admit(1...3, period: period, formation: formation)
            try await h.publish(period: period, formation: formation)
            _ = try await h.schedule(period: period, capacity: 2)
            #expect(try await h.seat(period: period).unseated == 1)
            let numbers = try await h.participantNumbers()
            for submission in submissions {
                guard let number = numbers[submission.applicationId] else { continue }
                try await h.recordSkd(number, twk: 100, tiu: 100, tkp: 200)
            }
            #expect(try await h.rankings.view(formation).pending == 0)

            let before = try await h.snapshot()
            let unseated = await refusal { try await h.rankings.finalise(formation, context: h.context()) }
            #expect(unseated?.summary == "409 /problems/candidates-not-seated")
            #expect(unseated?.detail?.hasPrefix("1 candidates") == true)
            #expect(try await h.snapshot() == before)

            // Seated and scored, the formation can be finalised.
            _ = try await h.schedule(period: period, startsAt: H.t0 + 86_400, capacity: 1)
            #expect(try await h.seat(period: period).assigned == 1)
            let last = try #require(submissions.first { numbers[$0.applicationId] == nil })
            let number = try #require(try await h.participantNumbers()[last.applicationId])
            try await h.recordSkd(number, twk: 100, tiu: 100, tkp: 200)
            #expect(try await h.rankings.finalise(formation, context: h.context()).rows.count == 3)
        }
    }

    @Test func finalisingRecordsTheRankingItsCodesAndTheEventOnce() async throws {
        try await H.run { h in
            let cohort = try await h.seatedCohort(9)
            let n = cohort.numbers
            let ids = cohort.submissions.map(\.applicationId)
            try await h.intake([H.withdrawal(cohort.submissions[8])], at: H.t0 + 60)
            try await Self.recordAll(cohort, h)

            let ranking = try await h.rankings.finalise(cohort.formation, context: h.context(7200))
            #expect(ranking.periodId == cohort.period)
            #expect(ranking.formationId == cohort.formation)
            #expect(ranking.formationKind == .umum)
            #expect(ranking.quota == 1)
            #expect(ranking.skbPlaces == 3)
            #expect(ranking.passingGrade == SkdPassingGrade(twk: 65, tiu: 80, tkp: 166))
            struct Row: Equatable {
                var number: String
                var rank: Int?
                var code: SkdResultCode
                var reason: SkdRankingReason
            }
            #expect(ranking.rows.map { Row(number: $0.participantNumber, rank: $0.rank, code: $0.code, reason: $0.reason) }
                == [
                    Row(number: n[0], rank: 1, code: .passedToSkb, reason: .withinCutOff),
                    Row(number: n[4], rank: 2, code: .passedToSkb, reason: .withinCutOff),
                    Row(number: n[1], rank: 3, code: .passedToSkb, reason: .withinCutOff),
                    Row(number: n[2], rank: 3, code: .passedToSkb, reason: .tiedAtCutOff),
                    Row(number: n[3], rank: 5, code: .passedOutsideQuota, reason: .outsideCutOff),
                    Row(number: n[5], rank: nil, code: .belowPassingGrade, reason: .belowPassingGrade),
                    Row(number: n[6], rank: nil, code: .absent, reason: .absent),
                    Row(number: n[7], rank: nil, code: .disqualified, reason: .disqualified),
                ])
            #expect(ranking.rows[4].reasonDetail?.contains("TIU 120 < 125") == true)

            // The event: version 1 of the formation's stream.
            let stream = try await h.stream(ExamFormation.streamId(cohort.formation))
            #expect(stream.map(\.streamVersion) == [1])
            #expect(stream.first?.event(SkdRankingFinalisedV1.self) == ranking)
            #expect(stream.first?.partitionKey == cohort.formation.eventKey)
            #expect(try await FormationStoreVersion.of(cohort.formation, h) == 1)

            // The codes each candidate takes to the SKB seating.
            #expect(try await Self.codes(h) == [
                ids[0]: "P/L", ids[4]: "P/L", ids[1]: "P/L", ids[2]: "P/L", ids[3]: "P", ids[5]: "TL", ids[6]: "TH",
                ids[7]: "DIS",
            ])

            // The view now answers the finalised ranking.
            let view = try await h.rankings.view(cohort.formation)
            #expect(view.finalised)
            #expect(view.pending == 0)
            #expect(view.ranking == ranking)

            // Once only.
            let before = try await h.snapshot()
            let again = await refusal { try await h.rankings.finalise(cohort.formation, context: h.context()) }
            #expect(again?.summary == "409 /problems/ranking-finalised")
            #expect(try await h.snapshot() == before)
            #expect(try await h.stream(ExamFormation.streamId(cohort.formation)).count == 1)

            let unknown = await refusal { try await h.rankings.finalise(UUID(), context: h.context()) }
            #expect(unknown?.summary == "404 /problems/not-found")
            let unknownView = await refusal { try await h.rankings.view(UUID()) }
            #expect(unknownView?.summary == "404 /problems/not-found")
        }
    }

    @Test func rankingsAreFinalisedPerFormationWithTheKindsGrade() async throws {
        try await H.run { h in
            let period = try await h.openPeriod()
            let umum = try await h.publishFormation(period: period, kind: .umum)
            let cumlaude = try await h.publishFormation(period: period, kind: .cumlaude)
            let inUmum = try await h.admit([1], period: period, formation: umum, kind: .umum)
            let inCumlaude = try await h.admit([2], period: period, formation: cumlaude, kind: .cumlaude)
            try await h.publish(period: period, formation: nil)
            _ = try await h.schedule(period: period)
            _ = try await h.seat(period: period)
            let numbers = try await h.participantNumbers()
            // The same scores: below the general TWK floor, enough for cumlaude.
            try await h.recordSkd(numbers[inUmum[0].applicationId]!, twk: 50, tiu: 120, tkp: 150)
            // The cumlaude formation is still pending; the general one can be finalised alone.
            let general = try await h.rankings.finalise(umum, context: h.context())
            #expect(general.rows.map(\.code) == [.belowPassingGrade])
            #expect(general.rows.first?.reasonDetail == "TWK 50 < 65; TKP 150 < 166")
            #expect(await refusal { try await h.rankings.finalise(cumlaude, context: h.context()) }?.summary
                == "409 /problems/results-pending")

            try await h.recordSkd(numbers[inCumlaude[0].applicationId]!, twk: 50, tiu: 120, tkp: 150)
            let special = try await h.rankings.finalise(cumlaude, context: h.context())
            #expect(special.passingGrade == SkdPassingGrade(tiu: 85, total: 311))
            #expect(special.rows.map(\.code) == [.passedToSkb])
            #expect(try await Self.codes(h) == [inUmum[0].applicationId: "TL", inCumlaude[0].applicationId: "P/L"])
        }
    }
}

/// The version of a formation's stream as the service keeps it.
enum FormationStoreVersion {
    static func of(_ formationId: UUID, _ h: ExamHarness) async throws -> Int64? {
        let rows = try await h.client.query(
            "SELECT stream_version FROM formation_streams WHERE formation_id = \(formationId)", logger: H.logger)
        for try await version in rows.decode(Int64.self) { return version }
        return nil
    }

    typealias H = ExamHarness
}
