import EventStore
import Foundation
import PostgresNIO
import RecruitmentEvents
import ServiceKit
import TestSupport
import Testing
@testable import ExamScoring

/// Seating against the real PostgreSQL (DOMAIN §1.6-1.7): who gets an SKD seat, in which session and with which
/// participant number; seating again only adds; full sessions; the SKB seats the P/L of finalised rankings.
@Suite struct SeatingTests {
    typealias H = ExamHarness

    /// 2024-10-21T02:00Z plus `hours`.
    static func at(_ hours: Double) -> Date { H.t0 + hours * 3600 }

    static func isParticipantNumber(_ number: String, year: String) -> Bool {
        number.count == 10 && number.hasPrefix(year) && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber)
    }

    @Test func onlyFinalPublishedMsCandidatesWhoStayGetSkdSeats() async throws {
        try await H.run { h in
            let period = try await h.openPeriod()
            let formation = try await h.publishFormation(period: period)
            let unpublishedFormation = try await h.publishFormation(period: period, position: "Arsiparis Ahli Pertama")
            let submissions = (1...7).map { H.submission($0, period: period, formation: formation) }
            let finalMS = submissions[0]
            let awaitingMS = submissions[1]
            let finalTMS = submissions[2]
            let withdrawn = submissions[3]
            let undecided = submissions[4]
            let countersignedMS = submissions[5]
            let returnedMS = submissions[6]
            let elsewhere = H.submission(8, period: period, formation: unpublishedFormation)
            let tms = H.decision(finalTMS, .tms, awaitingCountersignature: true)
            let toCountersign = H.decision(countersignedMS, .ms, awaitingCountersignature: true)
            let toReturn = H.decision(returnedMS, .ms, awaitingCountersignature: true)
            try await h.intake(submissions + [elsewhere] as [any RecruitmentEvent])
            try await h.intake([
                H.decision(finalMS), H.decision(awaitingMS, .ms, awaitingCountersignature: true),
                tms, H.countersignature(tms), H.decision(withdrawn), H.withdrawal(withdrawn),
                toCountersign, H.countersignature(toCountersign), toReturn,
                VerificationDecisionReturnedV1(
                    decisionId: toReturn.decisionId, caseId: toReturn.caseId, applicationId: returnedMS.applicationId,
                    supervisorId: H.supervisor, reason: "Periksa ulang ijazah."),
                H.decision(elsewhere), H.publication(period: period, formation: formation),
            ])
            let session = try await h.schedule(period: period, capacity: 10)

            let summary = try await h.seat(period: period)
            #expect(summary.stage == .skd)
            #expect(summary.assigned == 2)
            #expect(summary.unseated == 0)
            let seats = try await h.seats()
            #expect(seats == [
                finalMS.applicationId: H.Seat(sessionId: session.sessionId, seat: "Kursi 001"),
                countersignedMS.applicationId: H.Seat(sessionId: session.sessionId, seat: "Kursi 002"),
            ])
            #expect(try await h.seatsTaken(session.sessionId) == 2)
            #expect(Set(try await h.participantNumbers().keys) == [finalMS.applicationId, countersignedMS.applicationId])
            let assigned = try await h.allEvents().filter { $0.envelope.type == CandidateAssignedV1.eventType }
            #expect(assigned.count == 2)

            // Once the other formation is published, its candidate is added; nobody is seated twice.
            try await h.publish(period: period, formation: unpublishedFormation)
            #expect(try await h.seat(period: period).assigned == 1)
            #expect(try await h.seats()[elsewhere.applicationId]?.seat == "Kursi 003")
            #expect(try await h.seats().count == 3)
        }
    }

    @Test func sessionsFillInStartOrderWithUniqueParticipantNumbersAndEvents() async throws {
        try await H.run { h in
            let period = try await h.openPeriod()
            let formation = try await h.publishFormation(period: period)
            // Admitted out of registration-number order: seats follow the registration number.
            let submissions = try await h.admit([5, 3, 1, 4, 2], period: period, formation: formation)
            try await h.publish(period: period, formation: formation)
            let late = try await h.schedule(period: period, startsAt: Self.at(3), capacity: 10, label: "Sesi 2")
            let early = try await h.schedule(period: period, startsAt: Self.at(0), capacity: 2, label: "Sesi 1")
            let skb = try await h.schedule(period: period, stage: .skb, startsAt: Self.at(-1), capacity: 10)

            let summary = try await h.seat(period: period)
            #expect(summary.assigned == 5)
            #expect(summary.unseated == 0)

            let byNumber = Dictionary(uniqueKeysWithValues: submissions.map {
                (Int($0.registrationNumber.suffix(6))!, $0.applicationId)
            })
            let seats = try await h.seats()
            #expect((1...5).map { seats[byNumber[$0]!] } == [
                H.Seat(sessionId: early.sessionId, seat: "Kursi 001"),
                H.Seat(sessionId: early.sessionId, seat: "Kursi 002"),
                H.Seat(sessionId: late.sessionId, seat: "Kursi 001"),
                H.Seat(sessionId: late.sessionId, seat: "Kursi 002"),
                H.Seat(sessionId: late.sessionId, seat: "Kursi 003"),
            ])
            #expect(try await h.seatsTaken(early.sessionId) == 2)
            #expect(try await h.seatsTaken(late.sessionId) == 3)
            #expect(try await h.seatsTaken(skb.sessionId) == 0)

            // Participant numbers: ten digits, the fiscal year's two first, unique.
            let numbers = try await h.participantNumbers()
            #expect(numbers.count == 5)
            #expect(Set(numbers.values).count == 5)
            for number in numbers.values { #expect(Self.isParticipantNumber(number, year: "24"), "\(number)") }

            // Each candidate's stream starts with the seat, at version 1, with the number and seat of the tables.
            for submission in submissions {
                let stream = try await h.candidateStream(submission.applicationId)
                #expect(stream.map(\.streamVersion) == [1])
                let event = try #require(stream.first?.event(CandidateAssignedV1.self))
                let seat = try #require(seats[submission.applicationId])
                #expect(event == CandidateAssignedV1(
                    sessionId: seat.sessionId, applicationId: submission.applicationId,
                    applicantId: submission.applicantId, formationId: formation, stage: .skd,
                    participantNumber: numbers[submission.applicationId]!, seat: seat.seat))
                #expect(stream.first?.correlationId == "exam-tests")
                #expect(stream.first?.partitionKey == submission.applicationId.eventKey)
            }
            #expect(try await h.participantVersions().values.allSatisfy { $0 == 1 })

            // Seating again adds nothing.
            let before = try await h.snapshot()
            #expect(try await h.seat(period: period).assigned == 0)
            #expect(try await h.snapshot() == before)

            // Two more candidates: only they are seated, after the seats taken, with new numbers.
            let more = try await h.admit([6, 7], period: period, formation: formation)
            let again = try await h.seat(period: period)
            #expect(again.assigned == 2)
            let after = try await h.seats()
            #expect(after[more[0].applicationId] == H.Seat(sessionId: late.sessionId, seat: "Kursi 004"))
            #expect(after[more[1].applicationId] == H.Seat(sessionId: late.sessionId, seat: "Kursi 005"))
            for submission in submissions { #expect(after[submission.applicationId] == seats[submission.applicationId]) }
            let allNumbers = try await h.participantNumbers()
            #expect(Set(allNumbers.values).count == 7)
            for (id, number) in numbers { #expect(allNumbers[id] == number) }
            #expect(try await h.allEvents().filter { $0.envelope.type == CandidateAssignedV1.eventType }.count == 7)
        }
    }

    @Test func fullSessionsLeaveCandidatesUnseatedAndThenRefuse() async throws {
        try await H.run { h in
            let period = try await h.openPeriod(fiscalYear: 2025)
            let formation = try await h.publishFormation(period: period)

            // No session at all.
            _ = try await h.admit(1...3, period: period, formation: formation)
            try await h.publish(period: period, formation: formation)
            let empty = try await h.snapshot()
            let noSession = await refusal { try await h.seat(period: period) }
            #expect(noSession?.summary == "409 /problems/no-free-seats")
            #expect(noSession?.detail?.hasPrefix("3 candidates need a SKD seat") == true)
            #expect(try await h.snapshot() == empty)

            let session = try await h.schedule(period: period, capacity: 2)
            let summary = try await h.seat(period: period)
            #expect(summary.assigned == 2)
            #expect(summary.unseated == 1)
            #expect(try await h.seatsTaken(session.sessionId) == 2)
            for number in try await h.participantNumbers().values {
                #expect(Self.isParticipantNumber(number, year: "25"), "\(number)")
            }

            let before = try await h.snapshot()
            let full = await refusal { try await h.seat(period: period) }
            #expect(full?.summary == "409 /problems/no-free-seats")
            #expect(full?.detail?.hasPrefix("1 candidates need a SKD seat") == true)
            #expect(try await h.snapshot() == before)

            // A new session takes the one left.
            _ = try await h.schedule(period: period, startsAt: H.t0 + 86_400, capacity: 5)
            #expect(try await h.seat(period: period).assigned == 1)
            #expect(try await h.seats().count == 3)

            let unknown = await refusal { try await h.seat(period: UUID()) }
            #expect(unknown?.summary == "404 /problems/not-found")
        }
    }

    @Test func skbSeatingTakesOnlyPassedToSkbOfFinalisedRankingsAndKeepsTheNumber() async throws {
        try await H.run { h in
            // Quota 1: three SKB places. Six seated: four meet the grade, one is below it, one withdraws later.
            let cohort = try await h.seatedCohort(6)
            let n = cohort.numbers
            let skbSession = try await h.schedule(period: cohort.period, stage: .skb, startsAt: H.t0 + 30 * 86_400)

            // Before the ranking is finalised nobody may sit the SKB.
            #expect(try await h.seat(period: cohort.period, stage: .skb).assigned == 0)

            try await h.recordSkd(n[0], twk: 110, tiu: 130, tkp: 202)  // 442
            try await h.recordSkd(n[1], twk: 100, tiu: 120, tkp: 190)  // 410
            try await h.recordSkd(n[2], twk: 90, tiu: 120, tkp: 188)   // 398
            try await h.recordSkd(n[3], twk: 80, tiu: 100, tkp: 170)   // 350: P
            try await h.recordSkd(n[4], twk: 60, tiu: 150, tkp: 200)   // TWK below 65: TL
            try await h.recordSkd(n[5], twk: 150, tiu: 175, tkp: 225)  // the best, but withdraws after the ranking
            let ranking = try await h.rankings.finalise(cohort.formation, context: h.context(7200))
            let codes = Dictionary(uniqueKeysWithValues: ranking.rows.map { ($0.participantNumber, $0.code) })
            #expect(codes == [n[5]: .passedToSkb, n[0]: .passedToSkb, n[1]: .passedToSkb, n[2]: .passedOutsideQuota,
                              n[3]: .passedOutsideQuota, n[4]: .belowPassingGrade])
            try await h.intake([H.withdrawal(cohort.submissions[5])], at: H.t0 + 86_400)

            let summary = try await h.seat(period: cohort.period, stage: .skb)
            #expect(summary.stage == .skb)
            #expect(summary.assigned == 2)
            #expect(summary.unseated == 0)
            let skbSeats = try await h.seats(.skb)
            let passed = [cohort.submissions[0], cohort.submissions[1]]
            // In participant-number order (issued in registration-number order).
            #expect(skbSeats == [
                passed[0].applicationId: H.Seat(sessionId: skbSession.sessionId, seat: "Kursi 001"),
                passed[1].applicationId: H.Seat(sessionId: skbSession.sessionId, seat: "Kursi 002"),
            ])
            #expect(try await h.seats(.skd).count == 6)

            // The SKB seat is version 3 of the same stream (seat, result, seat), with the SKD participant number.
            let versions = try await h.participantVersions()
            for (index, submission) in passed.enumerated() {
                let stream = try await h.candidateStream(submission.applicationId)
                #expect(stream.map(\.streamVersion) == [1, 2, 3])
                #expect(stream.map(\.type) == [CandidateAssignedV1.eventType, SkdResultRecordedV1.eventType,
                                               CandidateAssignedV1.eventType])
                let event = try #require(stream.last?.event(CandidateAssignedV1.self))
                #expect(event.stage == .skb)
                #expect(event.sessionId == skbSession.sessionId)
                #expect(event.participantNumber == n[index])
                #expect(event.seat == skbSeats[submission.applicationId]?.seat)
                #expect(versions[submission.applicationId] == 3)
            }
            #expect(try await h.candidateStream(cohort.submissions[2].applicationId).count == 2)
            #expect(try await h.participantNumbers().count == 6)

            // Seating the SKB again adds nothing.
            let before = try await h.snapshot()
            #expect(try await h.seat(period: cohort.period, stage: .skb).assigned == 0)
            #expect(try await h.snapshot() == before)
        }
    }
}
