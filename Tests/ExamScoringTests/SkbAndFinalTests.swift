import EventStore
import ExamScoringRules
import Foundation
import PostgresNIO
import RecruitmentEvents
import ServiceKit
import TestSupport
import Testing
@testable import ExamScoring

/// SKB schemes and results and the final integration against the real PostgreSQL (DOMAIN §1.7-1.9, §3.2-3.3): the
/// scheme a formation announced or an officer set, locked by the first SKB result; SKB results scored against it;
/// the final results of a whole period, once, after every ranking and every SKB outcome.
@Suite struct SkbAndFinalTests {
    typealias H = ExamHarness

    /// One formation of `period` taken through the SKD: admitted (registration numbers `first...`), published,
    /// seated, scored with `scores` (nil: absent), ranked. Its candidates are in `submissions`/`numbers` order.
    static func throughSkd(
        _ h: ExamHarness, period: UUID, first: Int = 1, quota: Int = 1, position: String = "Pranata Komputer Ahli Pertama",
        skb: [SkbComponentWeight] = FormationPublishedV1.example.skbComponents, scores: [(Int, Int, Int)?]
    ) async throws -> ExamHarness.Cohort {
        let formation = try await h.publishFormation(period: period, quota: quota, position: position, skb: skb)
        let submissions = try await h.admit(first..<(first + scores.count), period: period, formation: formation)
        try await h.publish(period: period, formation: formation)
        let session = try await h.schedule(period: period, startsAt: H.t0 + TimeInterval(first) * 3600)
        _ = try await h.seat(period: period)
        let all = try await h.participantNumbers()
        let numbers = submissions.map { all[$0.applicationId] ?? "missing" }
        for (number, score) in zip(numbers, scores) {
            if let (twk, tiu, tkp) = score {
                try await h.recordSkd(number, twk: twk, tiu: tiu, tkp: tkp)
            } else {
                try await h.results.recordAbsence(number, stage: .skd, context: h.context())
            }
        }
        _ = try await h.rankings.finalise(formation, context: h.context(7200))
        return ExamHarness.Cohort(period: period, formation: formation, submissions: submissions,
                                  session: session.sessionId, numbers: numbers)
    }

    /// Schedules an SKB session and seats the period's P/L candidates in it.
    @discardableResult
    static func seatSkb(_ h: ExamHarness, period: UUID) async throws -> UUID {
        let session = try await h.schedule(period: period, stage: .skb, startsAt: H.t0 + 30 * 86_400)
        _ = try await h.seat(period: period, stage: .skb)
        return session.sessionId
    }

    static func entry(_ formation: UUID, _ h: ExamHarness) async throws -> SchemeStore.Entry? {
        try await h.client.withConnection { connection in try await h.schemes.entry(of: formation, on: connection) }
    }

    static let maria = (110, 130, 202)

    // MARK: Schemes

    @Test func theSchemeComesFromTheAnnouncedComponents() async throws {
        try await H.run { h in
            let period = try await h.openPeriod()
            let announced = try await h.publishFormation(period: period)
            let entry = try #require(try await Self.entry(announced, h))
            #expect(entry.source == "announced")
            #expect(entry.agencyLevel == .regional)
            #expect(entry.locked == false)
            #expect(entry.components == [
                SkbSchemeComponent(component: .cat, weightPercent: ExactDecimal(70)),
                SkbSchemeComponent(component: .praktikKerja, weightPercent: ExactDecimal(30)),
            ])
            let scheme = try await h.client.withConnection { try await h.schemes.scheme(of: announced, on: $0) }
            #expect(scheme?.components.map(\.component) == [.cat, .praktikKerja])

            // A formation that announced no SKB components has no scheme, and its SKB results wait for one.
            let silent = try await Self.throughSkd(h, period: period, first: 10, position: "Arsiparis Ahli Pertama",
                                                   skb: [], scores: [Self.maria])
            #expect(try await Self.entry(silent.formation, h) == nil)
            try await Self.seatSkb(h, period: period)
            let before = try await h.snapshot()
            let none = await refusal { try await h.recordSkb(silent.numbers[0], H.skb(cat: "80", practice: "80")) }
            #expect(none?.summary == "409 /problems/no-skb-scheme")
            #expect(try await h.snapshot() == before)

            let unknown = await refusal { try await Self.entry(UUID(), h) }
            #expect(unknown?.summary == "404 /problems/not-found")
        }
    }

    @Test func settingASchemeIsValidatedForTheAgencyAndStored() async throws {
        try await H.run { h in
            let period = try await h.openPeriod()
            let formation = try await h.publishFormation(period: period)
            let before = try await h.snapshot()

            let wrongSum = await refusal {
                try await h.schemes.set(
                    [SkbSchemeComponent(component: .cat, weightPercent: ExactDecimal(60)),
                     SkbSchemeComponent(component: .praktikKerja, weightPercent: ExactDecimal(30))],
                    agency: nil, of: formation, context: h.context())
            }
            #expect(wrongSum?.summary == "422 /problems/validation-failed")
            #expect(wrongSum?.fieldCodes == ["components/weights-do-not-sum-to-100"])
            let interview = await refusal {
                try await h.schemes.set(
                    [SkbSchemeComponent(component: .cat, weightPercent: ExactDecimal(70)),
                     SkbSchemeComponent(component: .wawancara, weightPercent: ExactDecimal(30))],
                    agency: nil, of: formation, context: h.context())
            }
            #expect(interview?.fieldCodes == ["components[1].component/component-not-allowed"])
            let noCat = await refusal {
                try await h.schemes.set(
                    [SkbSchemeComponent(component: .praktikKerja, weightPercent: ExactDecimal(100))],
                    agency: nil, of: formation, context: h.context())
            }
            #expect(noCat?.fieldCodes == ["components/missing-cat"])
            let unknown = await refusal {
                try await h.schemes.set([SkbSchemeComponent(component: .cat, weightPercent: ExactDecimal(100))],
                                        agency: nil, of: UUID(), context: h.context())
            }
            #expect(unknown?.summary == "404 /problems/not-found")
            #expect(try await h.snapshot() == before)
            #expect(try await Self.entry(formation, h)?.source == "announced")

            // A central agency may interview (at most 30 %); the scheme is stored CAT first.
            let central = try await h.schemes.set(
                [SkbSchemeComponent(component: .wawancara, weightPercent: ExactDecimal(30)),
                 SkbSchemeComponent(component: .cat, weightPercent: ExactDecimal(70), rawMaximum: ExactDecimal(500))],
                agency: .central, of: formation, context: h.context())
            #expect(central.components.map(\.component) == [.cat, .wawancara])
            let stored = try #require(try await Self.entry(formation, h))
            #expect(stored.source == "set")
            #expect(stored.agencyLevel == .central)
            #expect(stored.components == central.components)
            #expect(stored.components.first?.rawMaximum == ExactDecimal(500))
            #expect(try await h.count("skb_schemes") == 1)

            // Set again, before any SKB result, it is replaced.
            _ = try await h.schemes.set(
                [SkbSchemeComponent(component: .cat, weightPercent: ExactDecimal(100))], agency: nil, of: formation,
                context: h.context())
            #expect(try await Self.entry(formation, h)?.components.map(\.component) == [.cat])
            #expect(try await Self.entry(formation, h)?.agencyLevel == .regional)
            #expect(try await h.count("skb_schemes") == 1)
        }
    }

    @Test func skbResultsAreScoredAgainstTheSchemeWhichThenLocks() async throws {
        try await H.run { h in
            let period = try await h.openPeriod()
            let cohort = try await Self.throughSkd(h, period: period, scores: [Self.maria, (100, 120, 180), (90, 110, 175)])
            let skbSession = try await Self.seatSkb(h, period: period)
            // CAT arrives raw out of 500 (DOMAIN §3.2 [UNCONFIRMED]), work practice on 0-100.
            _ = try await h.schemes.set(
                [SkbSchemeComponent(component: .cat, weightPercent: ExactDecimal(70), rawMaximum: ExactDecimal(500)),
                 SkbSchemeComponent(component: .praktikKerja, weightPercent: ExactDecimal(30))],
                agency: nil, of: cohort.formation, context: h.context())

            let before = try await h.snapshot()
            let number = cohort.numbers[0]
            let missing = await refusal {
                try await h.recordSkb(number, [SkbComponentInput(component: .cat, rawScore: ExactDecimal(380))])
            }
            #expect(missing?.summary == "422 /problems/validation-failed")
            #expect(missing?.fieldCodes == ["inputs/missing-component"])
            let invalid = await refusal {
                try await h.recordSkb(number, [
                    SkbComponentInput(component: .cat, rawScore: ExactDecimal(501)),
                    SkbComponentInput(component: .praktikKerja, score: ExactDecimal("82.005")!),
                    SkbComponentInput(component: .wawancara, score: ExactDecimal(90)),
                ])
            }
            #expect(invalid?.fieldCodes == ["inputs[0].rawScore/out-of-range", "inputs[1].score/too-many-decimals",
                                            "inputs[2].component/unknown-component"])
            #expect(try await h.snapshot() == before)
            #expect(try await Self.entry(cohort.formation, h)?.locked == false)

            // 70 % × 380/500 (76.00) + 30 % × 82 = 77.80 (DOMAIN §3.2's example).
            let event = try await h.recordSkb(number, [
                SkbComponentInput(component: .praktikKerja, score: ExactDecimal(82)),
                SkbComponentInput(component: .cat, rawScore: ExactDecimal(380)),
            ])
            #expect(event.score.description == "77.80")
            #expect(event.components == [
                SkbComponentScore(component: .cat, weightPercent: ExactDecimal(70), rawScore: ExactDecimal(380),
                                  rawMaximum: ExactDecimal(500), score: ExactDecimal("76.00")!),
                SkbComponentScore(component: .praktikKerja, weightPercent: ExactDecimal(30),
                                  score: ExactDecimal("82.00")!),
            ])
            #expect(event.participantNumber == number)
            #expect(event.formationId == cohort.formation)
            let stream = try await h.candidateStream(cohort.submissions[0].applicationId)
            #expect(stream.map(\.streamVersion) == [1, 2, 3, 4])
            #expect(stream.last?.event(SkbResultRecordedV1.self) == event)
            #expect(try await h.outcomes(.skb) == [cohort.submissions[0].applicationId: H.Outcome(outcome: "scored")])
            let roster = try await RosterStore(postgres: h.client, logger: H.logger)
                .roster(of: skbSession, limit: 10, after: nil)
            #expect(roster.first?.skbScore?.description == "77.80")

            // A second SKB result for the candidate is refused.
            let second = await refusal { try await h.recordSkb(number, H.skb(cat: "90", practice: "90")) }
            #expect(second?.summary == "409 /problems/result-already-recorded")

            // The scheme is locked now.
            #expect(try await Self.entry(cohort.formation, h)?.locked == true)
            let locked = try await h.snapshot()
            let change = await refusal {
                try await h.schemes.set(
                    [SkbSchemeComponent(component: .cat, weightPercent: ExactDecimal(100))], agency: nil,
                    of: cohort.formation, context: h.context())
            }
            #expect(change?.summary == "409 /problems/skb-scheme-locked")
            #expect(try await h.snapshot() == locked)
            #expect(try await Self.entry(cohort.formation, h)?.components.count == 2)
        }
    }

    @Test func anSkbAbsenceAlsoLocksTheScheme() async throws {
        try await H.run { h in
            let period = try await h.openPeriod()
            let cohort = try await Self.throughSkd(h, period: period, scores: [Self.maria])
            try await Self.seatSkb(h, period: period)
            let absence = try await h.results.recordAbsence(cohort.numbers[0], stage: .skb, context: h.context())
            #expect(absence.stage == .skb)
            let problem = await refusal {
                try await h.schemes.set(
                    [SkbSchemeComponent(component: .cat, weightPercent: ExactDecimal(100))], agency: nil,
                    of: cohort.formation, context: h.context())
            }
            #expect(problem?.summary == "409 /problems/skb-scheme-locked")
        }
    }

    /// A scheme being set and a first SKB result are serialised: the result waits for the scheme's transaction (which
    /// holds the formation's row, as `SchemeStore.set` does) and is scored with the scheme it commits.
    @Test func aFirstSkbResultWaitsForASchemeBeingSet() async throws {
        try await H.run { h in
            let period = try await h.openPeriod()
            let cohort = try await Self.throughSkd(h, period: period, scores: [Self.maria])
            try await Self.seatSkb(h, period: period)
            let catOnly = [SkbSchemeComponent(component: .cat, weightPercent: ExactDecimal(100))]
            let finished = Flag()
            let result = try await h.client.withConnection { holder in
                try await PostgresTransaction.run(on: holder, logger: H.logger) { connection in
                    // What SchemeStore.set does inside its transaction, held open.
                    try await connection.query(
                        "SELECT 1 FROM formations WHERE formation_id = \(cohort.formation) FOR UPDATE",
                        logger: H.logger)
                    try await connection.query(
                        """
                        INSERT INTO skb_schemes (formation_id, agency_level, components, set_by, set_at)
                        VALUES (\(cohort.formation), 'regional', \(try JSONColumn.text(catOnly))::json,
                                \(H.officer), \(H.t0))
                        """, logger: H.logger)
                    let result = Task {
                        defer { Task { await finished.set() } }
                        return try await h.recordSkb(cohort.numbers[0], H.skb(cat: "76", practice: "82"))
                    }
                    // Until the result waits for the lock (or, wrongly, is already recorded).
                    let deadline = ContinuousClock.now + .seconds(30)
                    while ContinuousClock.now < deadline, await !finished.value {
                        let rows = try await h.client.query(
                            """
                            SELECT count(*)::integer FROM pg_stat_activity
                            WHERE datname = current_database() AND wait_event_type = 'Lock'
                            """, logger: H.logger)
                        var waiting = 0
                        for try await count in rows.decode(Int.self) { waiting = count }
                        if waiting > 0 { break }
                        try await Task.sleep(for: .milliseconds(10))
                    }
                    return result
                }
            }
            // Scored with the scheme committed first: CAT 100 %, so the work practice score is not one of its inputs.
            let outcome = await result.result
            let problem = await refusal { try outcome.get() }
            #expect(problem?.summary == "422 /problems/validation-failed")
            #expect(problem?.fieldCodes == ["inputs[1].component/unknown-component"])
            #expect(try await h.outcomes(.skb).isEmpty)
            let event = try await h.recordSkb(cohort.numbers[0], [SkbComponentInput(component: .cat, score: ExactDecimal(76))])
            #expect(event.components.map(\.weightPercent) == [ExactDecimal(100)])
            #expect(event.score.description == "76.00")
        }
    }

    actor Flag {
        private(set) var value = false
        func set() { value = true }
    }

    // MARK: Final results

    @Test func finalResultsWaitForEveryRankingAndEverySkbOutcome() async throws {
        try await H.run { h in
            let period = try await h.openPeriod()
            let unknown = await refusal {
                try await h.finals.compute(period: UUID(), authorization: "Bearer x", context: h.context())
            }
            #expect(unknown?.summary == "404 /problems/not-found")

            // Formation A is ranked; formation B is scored but not ranked.
            let ranked = try await Self.throughSkd(h, period: period, scores: [Self.maria, (100, 120, 180)])
            let formationB = try await h.publishFormation(period: period, position: "Analis Kebijakan Ahli Pertama")
            let inB = try await h.admit([50], period: period, formation: formationB)
            try await h.publish(period: period, formation: formationB)
            _ = try await h.seat(period: period)
            let numberB = try #require(try await h.participantNumbers()[inB[0].applicationId])
            try await h.recordSkd(numberB, twk: 100, tiu: 100, tkp: 200)

            var before = try await h.snapshot()
            let missing = await refusal {
                try await h.finals.compute(period: period, authorization: "Bearer x", context: h.context())
            }
            #expect(missing?.summary == "409 /problems/rankings-missing")
            #expect(missing?.detail?.contains(formationB.eventKey) == true)
            #expect(missing?.detail?.contains(ranked.formation.eventKey) == false)
            #expect(try await h.snapshot() == before)

            // Ranked, but nobody is seated for the SKB: every P/L candidate is pending.
            _ = try await h.rankings.finalise(formationB, context: h.context())
            before = try await h.snapshot()
            let unseated = await refusal {
                try await h.finals.compute(period: period, authorization: "Bearer x", context: h.context())
            }
            #expect(unseated?.summary == "409 /problems/results-pending")
            #expect(unseated?.detail?.contains("2 in formation \(ranked.formation.eventKey)") == true)
            #expect(unseated?.detail?.contains("1 in formation \(formationB.eventKey)") == true)
            #expect(try await h.snapshot() == before)

            // Seated, one SKB outcome of three recorded: two pending.
            try await Self.seatSkb(h, period: period)
            try await h.recordSkb(ranked.numbers[0], H.skb(cat: "76", practice: "82"))
            before = try await h.snapshot()
            let pending = await refusal {
                try await h.finals.compute(period: period, authorization: "Bearer x", context: h.context())
            }
            #expect(pending?.summary == "409 /problems/results-pending")
            #expect(pending?.detail?.contains("1 in formation \(ranked.formation.eventKey)") == true)
            #expect(pending?.detail?.contains("1 in formation \(formationB.eventKey)") == true)
            #expect(try await h.snapshot() == before)
            #expect(try await h.count("final_results") == 0)
        }
    }

    @Test func finalResultsAreComputedOncePerFormationOfThePeriod() async throws {
        try await H.run { h in
            let period = try await h.openPeriod()
            // A: three P/L — the best passes, the second is outside the quota, the third is absent at the SKB.
            let a = try await Self.throughSkd(h, period: period, scores: [Self.maria, (100, 120, 180), (90, 110, 175)])
            // B: another post, one P/L who passes.
            let b = try await Self.throughSkd(h, period: period, first: 20, position: "Analis Kebijakan Ahli Pertama",
                                              scores: [(95, 110, 190)])
            // C: a third post nobody applied for.
            let c = try await h.publishFormation(period: period, position: "Arsiparis Ahli Pertama")
            try await Self.seatSkb(h, period: period)
            try await h.recordSkb(a.numbers[0], H.skb(cat: "76", practice: "82"))
            try await h.recordSkb(a.numbers[1], H.skb(cat: "70", practice: "70"))
            try await h.results.recordAbsence(a.numbers[2], stage: .skb, context: h.context())
            try await h.recordSkb(b.numbers[0], H.skb(cat: "60", practice: "65"))

            let results = try await h.finals.compute(
                period: period, authorization: "Bearer x", context: h.context(60 * 86_400))
            #expect(results.map(\.formationId) == [a.formation, b.formation, c].sorted { $0.uuidString < $1.uuidString })
            let byFormation = Dictionary(uniqueKeysWithValues: results.map { ($0.formationId, $0) })
            for result in results {
                #expect(result.periodId == period)
                #expect(result.skdWeightPercent == ExactDecimal(40))
                #expect(result.skbWeightPercent == ExactDecimal(60))
                #expect(result.quota == 1)
            }

            let rowsA = try #require(byFormation[a.formation]).rows
            #expect(rowsA.map(\.participantNumber) == a.numbers)
            #expect(rowsA.map(\.code) == [.passed, .notWithinQuota, .absentFromSkb])
            #expect(rowsA.map(\.rank) == [1, 2, nil])
            // 442 → 80.36; 0.4 × 80.36 + 0.6 × 77.80 = 78.824 (DOMAIN §3.2).
            #expect(rowsA[0].skdScore100?.description == "80.36")
            #expect(rowsA[0].skbScore100?.description == "77.80")
            #expect(rowsA[0].integratedScore?.description == "78.824")
            #expect(rowsA[1].integratedScore?.description == "71.092")
            #expect(rowsA[2].integratedScore == nil)
            #expect(rowsA[2].skdScores == SkdScores(twk: 90, tiu: 110, tkp: 175, total: 375))
            #expect(try #require(byFormation[b.formation]).rows.map(\.code) == [.passed])
            #expect(try #require(byFormation[c]).rows.isEmpty)

            // One event per formation, after the ranking in the formation's stream; the table answers the same.
            for result in results {
                let stream = try await h.stream(ExamFormation.streamId(result.formationId))
                #expect(stream.last?.event(FinalResultsComputedV1.self) == result)
                #expect(stream.map(\.streamVersion) == (result.formationId == c ? [1] : [1, 2]))
                #expect(try await h.finals.result(of: result.formationId) == result)
                #expect(try await FormationStoreVersion.of(result.formationId, h) == Int64(stream.count))
            }
            #expect(try await h.allEvents().filter { $0.envelope.type == FinalResultsComputedV1.eventType }.count == 3)

            // Once per period.
            let before = try await h.snapshot()
            let again = await refusal {
                try await h.finals.compute(period: period, authorization: "Bearer x", context: h.context())
            }
            #expect(again?.summary == "409 /problems/final-results-computed")
            #expect(try await h.snapshot() == before)
        }
    }

    @Test func aTieOnlyAgeCanBreakNeedsRegistrationAndRecordsNothingWithoutIt() async throws {
        try await H.run { h in
            let period = try await h.openPeriod()
            // Equal SKD, equal SKB, equal GPA: only the older applicant wins (DOMAIN §3.3 step 4).
            let cohort = try await Self.throughSkd(h, period: period, scores: [Self.maria, Self.maria])
            try await Self.seatSkb(h, period: period)
            for number in cohort.numbers { try await h.recordSkb(number, H.skb(cat: "76", practice: "82")) }

            let before = try await h.snapshot()
            let problem = await refusal {
                try await h.finals.compute(period: period, authorization: "Bearer x", context: h.context())
            }
            #expect(problem?.summary == "503 /problems/service-unavailable")
            #expect(try await h.snapshot() == before)
            #expect(try await h.count("final_results") == 0)
            #expect(try await h.allEvents().filter { $0.envelope.type == FinalResultsComputedV1.eventType }.isEmpty)
        }
    }
}
