import EventStore
import ExamScoringRules
import Foundation
import PostgresNIO
import RecruitmentEvents
import ServiceKit
import TestSupport
import Testing
@testable import ExamScoring

/// SKD results, absences and disqualifications against the real PostgreSQL (DOMAIN §1.6, §2, §5.3): one outcome per
/// candidate and stage, recorded as an event in the candidate's stream together with its `stage_outcomes` row, with
/// the passing grade of the candidate's formation kind and fiscal year; every refusal records nothing.
@Suite struct SkdResultTests {
    typealias H = ExamHarness

    static let generalGrade = SkdPassingGrade(twk: 65, tiu: 80, tkp: 166)
    static let cumlaudeGrade = SkdPassingGrade(tiu: 85, total: 311)

    @Test func subScoresAreRecordedWithTheFormationsPassingGrade() async throws {
        try await H.run { h in
            let cohort = try await h.seatedCohort(2)
            let maria = cohort.submissions[0]
            let event = try await h.recordSkd(cohort.numbers[0], twk: 110, tiu: 130, tkp: 202,
                                              sessionId: cohort.session)
            #expect(event == SkdResultRecordedV1(
                applicationId: maria.applicationId, applicantId: maria.applicantId, formationId: cohort.formation,
                formationKind: .umum, participantNumber: cohort.numbers[0], sessionId: cohort.session,
                scores: SkdScores(twk: 110, tiu: 130, tkp: 202, total: 442), source: .imported,
                passingGrade: Self.generalGrade, meetsPassingGrade: true))

            // The event is version 2 of the candidate's stream; the table and the stream version agree.
            let stream = try await h.candidateStream(maria.applicationId)
            #expect(stream.map(\.streamVersion) == [1, 2])
            #expect(stream.last?.event(SkdResultRecordedV1.self) == event)
            #expect(stream.last?.correlationId == "exam-tests")
            #expect(try await h.outcomes()[maria.applicationId] == H.Outcome(outcome: "scored", skdTotal: 442))
            #expect(try await h.participantVersions()[maria.applicationId] == 2)

            // The roster shows it.
            let roster = try await RosterStore(postgres: h.client, logger: H.logger)
                .roster(of: cohort.session, limit: 10, after: nil)
            #expect(roster.map(\.outcome) == ["scored", nil])
            #expect(roster.first?.skdScores == event.scores)

            // TWK one step under 65 misses the general grade, whatever the total.
            let below = try await h.recordSkd(cohort.numbers[1], twk: 60, tiu: 175, tkp: 225)
            #expect(below.meetsPassingGrade == false)
            #expect(below.passingGrade == Self.generalGrade)
            #expect(below.sessionId == cohort.session)
            #expect(try await h.outcomes()[cohort.submissions[1].applicationId]?.skdTotal == 460)
        }
    }

    @Test func theCumlaudeGradeAsksOnlyForTotalAndTiu() async throws {
        try await H.run { h in
            let period = try await h.openPeriod()
            let umum = try await h.publishFormation(period: period, kind: .umum)
            let cumlaude = try await h.publishFormation(period: period, kind: .cumlaude)
            let inUmum = try await h.admit([1], period: period, formation: umum, kind: .umum)
            let inCumlaude = try await h.admit([2, 3], period: period, formation: cumlaude, kind: .cumlaude)
            try await h.publish(period: period, formation: nil)
            _ = try await h.schedule(period: period)
            #expect(try await h.seat(period: period).assigned == 3)
            let numbers = try await h.participantNumbers()

            // TWK 50 and TKP 150 are under the general floors; the total 320 ≥ 311 and TIU 120 ≥ 85 pass cumlaude.
            let general = try await h.recordSkd(numbers[inUmum[0].applicationId]!, twk: 50, tiu: 120, tkp: 150)
            #expect(general.formationKind == .umum)
            #expect(general.passingGrade == Self.generalGrade)
            #expect(general.meetsPassingGrade == false)
            let special = try await h.recordSkd(numbers[inCumlaude[0].applicationId]!, twk: 50, tiu: 120, tkp: 150)
            #expect(special.formationKind == .cumlaude)
            #expect(special.passingGrade == Self.cumlaudeGrade)
            #expect(special.meetsPassingGrade == true)
            // TIU 80 (total 350) misses the cumlaude TIU floor of 85.
            let lowTiu = try await h.recordSkd(numbers[inCumlaude[1].applicationId]!, twk: 100, tiu: 80, tkp: 170)
            #expect(lowTiu.meetsPassingGrade == false)

            let stored = try await h.candidateStream(inCumlaude[0].applicationId).last?.event(SkdResultRecordedV1.self)
            #expect(stored?.passingGrade == Self.cumlaudeGrade)
            #expect(stored?.meetsPassingGrade == true)
        }
    }

    /// A valid key: TWK all A, TIU all B, TKP A=5 … E=1.
    static let key = SkdAnswerKey(
        twk: Array(repeating: .a, count: 30), tiu: Array(repeating: .b, count: 35),
        tkp: Array(repeating: ["A": 5, "B": 4, "C": 3, "D": 2, "E": 1], count: 45))

    /// 22 TWK right (110), 26 TIU right (130), TKP 22 × A + 23 × B (202): Maria's 442.
    static func sheet(package: UUID) -> SkdResultRequest.AnswerSheet {
        .init(packageId: package,
              twk: Array(repeating: .a, count: 22) + Array(repeating: .c, count: 7) + [nil],
              tiu: Array(repeating: .b, count: 26) + Array(repeating: nil, count: 9),
              tkp: Array(repeating: .a, count: 22) + Array(repeating: .b, count: 23))
    }

    @Test func anAnswerSheetIsScoredAgainstItsPackagesKey() async throws {
        try await H.run { h in
            let cohort = try await h.seatedCohort(3)
            let package = try await h.packages.create(
                periodId: cohort.period, code: "PKT-A", key: Self.key, context: h.context())
            #expect(try await h.packages.packages(ofPeriod: cohort.period).map(\.code) == ["PKT-A"])
            #expect(try await h.packages.package(package.packageId)?.key == Self.key)

            let event = try await h.results.recordSkd(
                cohort.numbers[0], SkdResultRequest(answerSheet: Self.sheet(package: package.packageId)),
                context: h.context(3600))
            #expect(event.scores == SkdScores(twk: 110, tiu: 130, tkp: 202, total: 442))
            #expect(event.source == .answerSheet)
            #expect(event.sourceReference == "package:PKT-A")
            #expect(event.meetsPassingGrade)
            #expect(try await h.outcomes()[cohort.submissions[0].applicationId]?.skdTotal == 442)
            // The key never leaves the service: the event names the package, not its answers.
            let payload = String(decoding: try #require(try await h.candidateStream(
                cohort.submissions[0].applicationId).last).data, as: UTF8.self)
            #expect(!payload.contains("\"tkp\":[{"))

            // A package code is unique in its period; a package of another period, an unknown package, a sheet
            // that does not fit the key, or both scores and a sheet are refused, and nothing is recorded.
            let duplicate = await refusal {
                try await h.packages.create(periodId: cohort.period, code: "PKT-A", key: Self.key, context: h.context())
            }
            #expect(duplicate?.summary == "409 /problems/duplicate-package")
            let otherPeriod = try await h.openPeriod()
            let foreign = try await h.packages.create(
                periodId: otherPeriod, code: "PKT-A", key: Self.key, context: h.context())
            let noPeriod = await refusal {
                try await h.packages.create(periodId: UUID(), code: "PKT-Z", key: Self.key, context: h.context())
            }
            #expect(noPeriod?.summary == "404 /problems/not-found")

            let before = try await h.snapshot()
            let number = cohort.numbers[1]
            let wrongPeriod = await refusal {
                try await h.results.recordSkd(
                    number, SkdResultRequest(answerSheet: Self.sheet(package: foreign.packageId)), context: h.context())
            }
            #expect(wrongPeriod?.summary == "422 /problems/unknown-package")
            #expect(wrongPeriod?.fieldCodes == ["answerSheet.packageId/other-period"])
            let unknown = await refusal {
                try await h.results.recordSkd(
                    number, SkdResultRequest(answerSheet: Self.sheet(package: UUID())), context: h.context())
            }
            #expect(unknown?.summary == "422 /problems/unknown-package")
            #expect(unknown?.fieldCodes == ["answerSheet.packageId/unknown"])
            var short = Self.sheet(package: package.packageId)
            short.twk.removeLast()
            let misfit = await refusal {
                try await h.results.recordSkd(number, SkdResultRequest(answerSheet: short), context: h.context())
            }
            #expect(misfit?.summary == "422 /problems/validation-failed")
            #expect(misfit?.fieldCodes == ["answers.twk/wrong-item-count"])
            let both = await refusal {
                try await h.results.recordSkd(
                    number, SkdResultRequest(scores: .init(twk: 100, tiu: 100, tkp: 200),
                                             answerSheet: Self.sheet(package: package.packageId)),
                    context: h.context())
            }
            #expect(both?.summary == "422 /problems/validation-failed")
            #expect(both?.fieldCodes == ["scores/one-of"])
            let neither = await refusal {
                try await h.results.recordSkd(number, SkdResultRequest(), context: h.context())
            }
            #expect(neither?.fieldCodes == ["scores/one-of"])
            #expect(try await h.snapshot() == before)
        }
    }

    @Test func outOfRangeScoresAreRefusedWithEveryField() async throws {
        try await H.run { h in
            let cohort = try await h.seatedCohort(1)
            let before = try await h.snapshot()
            let problem = await refusal { try await h.recordSkd(cohort.numbers[0], twk: 155, tiu: 12, tkp: 226) }
            #expect(problem?.summary == "422 /problems/validation-failed")
            #expect(problem?.fieldCodes == ["scores.twk/out-of-range", "scores.tiu/not-a-multiple-of-5",
                                            "scores.tkp/out-of-range"])
            let negative = await refusal { try await h.recordSkd(cohort.numbers[0], twk: -5, tiu: 0, tkp: 0) }
            #expect(negative?.fieldCodes == ["scores.twk/out-of-range"])
            #expect(try await h.snapshot() == before)
            #expect(try await h.outcomes().isEmpty)
            #expect(try await h.candidateStream(cohort.submissions[0].applicationId).count == 1)

            // The edges are valid: 0 everywhere is a (failing) result.
            let zero = try await h.recordSkd(cohort.numbers[0], twk: 0, tiu: 0, tkp: 0)
            #expect(zero.scores.total == 0)
            #expect(!zero.meetsPassingGrade)
        }
    }

    @Test func unknownUnseatedWithdrawnAndElsewhereAreRefused() async throws {
        try await H.run { h in
            let cohort = try await h.seatedCohort(3)
            let before = try await h.snapshot()

            for number in ["2499999999", "../etc/passwd", ""] {
                let unknown = await refusal { try await h.recordSkd(number, twk: 100, tiu: 100, tkp: 200) }
                #expect(unknown?.summary == "404 /problems/not-found", "\(number)")
            }

            // Nobody has an SKB seat yet: no SKB outcome of any kind.
            let number = cohort.numbers[0]
            let notSeated = await refusal {
                try await h.results.recordAbsence(number, stage: .skb, context: h.context())
            }
            #expect(notSeated?.summary == "409 /problems/not-seated")
            let skb = await refusal { try await h.recordSkb(number, H.skb(cat: "80", practice: "80")) }
            #expect(skb?.summary == "409 /problems/not-seated")
            let dis = await refusal {
                try await h.results.recordDisqualification(
                    number, DisqualificationRequest(stage: .skb, reasonCode: .proxyTaker,
                                                    reason: "Joki tertangkap di lokasi ujian."),
                    context: h.context())
            }
            #expect(dis?.summary == "409 /problems/not-seated")

            // A result for another session than the candidate's.
            let elsewhere = await refusal {
                try await h.recordSkd(number, twk: 100, tiu: 100, tkp: 200, sessionId: UUID())
            }
            #expect(elsewhere?.summary == "409 /problems/seated-elsewhere")
            #expect(elsewhere?.fieldCodes == ["sessionId/seated-elsewhere"])
            #expect(try await h.snapshot() == before)

            // A withdrawal after seating: no result, no absence.
            try await h.intake([H.withdrawal(cohort.submissions[1])], at: H.t0 + 600)
            let withdrawnScore = await refusal {
                try await h.recordSkd(cohort.numbers[1], twk: 100, tiu: 100, tkp: 200)
            }
            #expect(withdrawnScore?.summary == "409 /problems/candidate-withdrawn")
            let withdrawnAbsence = await refusal {
                try await h.results.recordAbsence(cohort.numbers[1], stage: .skd, context: h.context())
            }
            #expect(withdrawnAbsence?.summary == "409 /problems/candidate-withdrawn")
            #expect(try await h.snapshot() == before)
        }
    }

    @Test func aSecondOutcomeIsRefusedAndChangesNothing() async throws {
        try await H.run { h in
            let cohort = try await h.seatedCohort(1)
            let number = cohort.numbers[0]
            let first = try await h.recordSkd(number, twk: 110, tiu: 130, tkp: 202)
            let before = try await h.snapshot()
            let rows = try await h.outcomes()

            let again = await refusal { try await h.recordSkd(number, twk: 150, tiu: 175, tkp: 225) }
            #expect(again?.summary == "409 /problems/result-already-recorded")
            #expect(again?.detail?.contains("(scored)") == true)
            let absent = await refusal { try await h.results.recordAbsence(number, stage: .skd, context: h.context()) }
            #expect(absent?.summary == "409 /problems/result-already-recorded")
            let dis = await refusal {
                try await h.results.recordDisqualification(
                    number, DisqualificationRequest(stage: .skd, reasonCode: .remoteAccess,
                                                    reason: "Akses jarak jauh terdeteksi oleh panitia."),
                    context: h.context())
            }
            #expect(dis?.summary == "409 /problems/result-already-recorded")

            #expect(try await h.snapshot() == before)
            #expect(try await h.outcomes() == rows)
            let stream = try await h.candidateStream(cohort.submissions[0].applicationId)
            #expect(stream.count == 2)
            #expect(stream.last?.event(SkdResultRecordedV1.self) == first)
        }
    }

    @Test func concurrentResultsForOneCandidateRecordExactlyOne() async throws {
        try await H.run { h in
            let cohort = try await h.seatedCohort(1)
            let number = cohort.numbers[0]
            let attempts = 6
            let outcomes = await withTaskGroup(of: Result<Int, any Error>.self) { group in
                for attempt in 0..<attempts {
                    group.addTask {
                        do {
                            let event = try await h.recordSkd(number, twk: 100, tiu: 100, tkp: 170 + attempt)
                            return .success(event.scores.tkp)
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                var outcomes: [Result<Int, any Error>] = []
                for await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            let recorded = outcomes.compactMap { try? $0.get() }
            #expect(recorded.count == 1)
            // Every other attempt is told why: the result is already recorded.
            for case .failure(let error) in outcomes {
                let problem = (error as? any ProblemConvertible)?.problem ?? (error as? Problem)
                #expect(problem?.summary == "409 /problems/result-already-recorded", "\(String(reflecting: error))")
            }

            let stream = try await h.candidateStream(cohort.submissions[0].applicationId)
            #expect(stream.map(\.streamVersion) == [1, 2])
            #expect(stream.last?.event(SkdResultRecordedV1.self)?.scores.tkp == recorded.first)
            #expect(try await h.outcomes()[cohort.submissions[0].applicationId]?.skdTotal == 200 + (recorded.first ?? -1))
            #expect(try await h.participantVersions()[cohort.submissions[0].applicationId] == 2)
        }
    }

    /// The race above, made certain: every attempt is already waiting for the candidate's lock (its statement began
    /// before any result existed) when the holder commits a result. Each must then see that result and answer 409.
    @Test func attemptsWaitingForTheCandidateLockSeeTheResultCommittedMeanwhile() async throws {
        try await H.run { h in
            let cohort = try await h.seatedCohort(1)
            let number = cohort.numbers[0]
            let waiters = 3
            let attempts = try await h.client.withConnection { holder in
                try await PostgresTransaction.run(on: holder, logger: H.logger) { connection in
                    let candidate = try #require(
                        try await CandidateStore.lock(participantNumber: number, on: connection, logger: H.logger))
                    let attempts = Task {
                        await withTaskGroup(of: Problem?.self) { group in
                            for _ in 0..<waiters {
                                group.addTask { await refusal { try await h.recordSkd(number, twk: 5, tiu: 5, tkp: 5) } }
                            }
                            var problems: [Problem?] = []
                            for await problem in group { problems.append(problem) }
                            return problems
                        }
                    }
                    try await Self.waitForLockWaiters(waiters, h)
                    // The holder records a result as ResultCommands does, and commits.
                    let scores = SkdScores(twk: 110, tiu: 130, tkp: 202, total: 442)
                    let event = SkdResultRecordedV1(
                        applicationId: candidate.applicationId, applicantId: candidate.applicantId,
                        formationId: candidate.formationId, formationKind: .umum, participantNumber: number,
                        sessionId: cohort.session, scores: scores, source: .imported,
                        passingGrade: Self.generalGrade, meetsPassingGrade: true)
                    let version = try await h.writer.append(
                        [event], to: candidate.streamId, after: candidate.version, context: h.context(),
                        on: connection)
                    try await CandidateStore.setVersion(version, of: candidate.applicationId, on: connection,
                                                        logger: H.logger)
                    try await CandidateStore.insertOutcome(
                        .scored, stage: .skd, of: candidate, skdTotal: 442, result: try JSONColumn.text(scores),
                        context: h.context(), on: connection, logger: H.logger)
                    return attempts
                }
            }
            let problems = await attempts.value
            #expect(problems.map { $0?.summary } == Array(repeating: "409 /problems/result-already-recorded",
                                                          count: waiters))
            let stream = try await h.candidateStream(cohort.submissions[0].applicationId)
            #expect(stream.map(\.streamVersion) == [1, 2])
            #expect(try await h.outcomes()[cohort.submissions[0].applicationId]?.skdTotal == 442)
        }
    }

    /// Waits (polling PostgreSQL, at most 30 s) until `count` sessions of this database wait for a row lock.
    static func waitForLockWaiters(_ count: Int, _ h: ExamHarness) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let rows = try await h.client.query(
                """
                SELECT count(*)::integer FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'
                """, logger: H.logger)
            for try await waiting in rows.decode(Int.self) where waiting >= count { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("fewer than \(count) sessions ever waited for the candidate's lock")
    }

    @Test func absenceAndDisqualificationAreOutcomesWithTheirEvents() async throws {
        try await H.run { h in
            let cohort = try await h.seatedCohort(3)
            let (absentee, cheat) = (cohort.submissions[0], cohort.submissions[1])

            let absence = try await h.results.recordAbsence(cohort.numbers[0], stage: .skd, context: h.context())
            #expect(absence == CandidateAbsentV1(
                applicationId: absentee.applicationId, applicantId: absentee.applicantId, sessionId: cohort.session,
                stage: .skd, participantNumber: cohort.numbers[0]))
            #expect(try await h.candidateStream(absentee.applicationId).last?.event(CandidateAbsentV1.self) == absence)

            // The public reason: 10 to 1000 characters once trimmed; nothing is recorded otherwise.
            let before = try await h.snapshot()
            for reason in ["Joki.", "   Joki ok       ", String(repeating: "x", count: 1001)] {
                let problem = await refusal {
                    try await h.results.recordDisqualification(
                        cohort.numbers[1], DisqualificationRequest(stage: .skd, reasonCode: .proxyTaker, reason: reason),
                        context: h.context())
                }
                #expect(problem?.summary == "422 /problems/validation-failed")
                #expect(problem?.fieldCodes == ["reason/length"])
            }
            #expect(try await h.snapshot() == before)

            let reason = "Peserta digantikan joki; wajah tidak cocok dengan foto SSCASN."
            let dis = try await h.results.recordDisqualification(
                cohort.numbers[1],
                DisqualificationRequest(stage: .skd, reasonCode: .faceRecognitionMismatch, reason: "  \(reason)\n"),
                context: h.context())
            #expect(dis == CandidateDisqualifiedV1(
                applicationId: cheat.applicationId, applicantId: cheat.applicantId, sessionId: cohort.session,
                stage: .skd, participantNumber: cohort.numbers[1], reasonCode: .faceRecognitionMismatch,
                reason: reason, decidedBy: H.officer))
            let stream = try await h.candidateStream(cheat.applicationId)
            #expect(stream.map(\.streamVersion) == [1, 2])
            #expect(stream.last?.event(CandidateDisqualifiedV1.self) == dis)

            #expect(try await h.outcomes() == [
                absentee.applicationId: H.Outcome(outcome: "absent", skdTotal: nil),
                cheat.applicationId: H.Outcome(outcome: "disqualified", skdTotal: nil),
            ])
            let roster = try await RosterStore(postgres: h.client, logger: H.logger)
                .roster(of: cohort.session, limit: 10, after: nil)
            #expect(roster.map(\.outcome) == ["absent", "disqualified", nil])
        }
    }
}
