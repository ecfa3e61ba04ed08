import EventStore
import Foundation
import PostgresNIO
import RecruitmentEvents
import ServiceKit
import TestSupport
import Testing
@testable import ExamScoring

/// The `candidate-intake` projection against the real PostgreSQL: periods, formations, applications and withdrawals
/// from the registration topic; decisions, countersignatures, returns, objections and publications from the
/// verification topic, in whichever order the two topics deliver them. Who may sit the SKD follows from these.
@Suite struct IntakeProjectionTests {
    typealias H = ExamHarness

    struct ApplicationRow: Equatable {
        var applicantId: UUID
        var periodId: UUID
        var formationId: UUID
        var kind: String
        var registrationNumber: String
        var name: String
        var grade: AcademicGrade
        var submittedAt: Date
        var withdrawnAt: Date?
    }

    static func applications(_ h: ExamHarness) async throws -> [UUID: ApplicationRow] {
        let rows = try await h.client.query(
            """
            SELECT application_id, applicant_id, period_id, formation_id, formation_kind, registration_number,
                   applicant_name, academic_grade::text, submitted_at, withdrawn_at
            FROM applications
            """, logger: H.logger)
        var found: [UUID: ApplicationRow] = [:]
        for try await (id, applicant, period, formation, kind, number, name, grade, submitted, withdrawn) in rows.decode(
            (UUID, UUID, UUID, UUID, String, String, String, String, Date, Date?).self)
        {
            found[id] = ApplicationRow(
                applicantId: applicant, periodId: period, formationId: formation, kind: kind,
                registrationNumber: number, name: name, grade: try JSONColumn.decode(AcademicGrade.self, from: grade),
                submittedAt: submitted, withdrawnAt: withdrawn)
        }
        return found
    }

    struct ResultRow: Equatable, CustomStringConvertible {
        var decisionId: UUID
        var outcome: String
        var final: Bool
        var description: String { "\(outcome) final=\(final) \(decisionId.eventKey.prefix(8))" }
    }

    static func administrativeResults(_ h: ExamHarness) async throws -> [UUID: ResultRow] {
        let rows = try await h.client.query(
            "SELECT application_id, decision_id, outcome, final FROM administrative_results", logger: H.logger)
        var found: [UUID: ResultRow] = [:]
        for try await (id, decision, outcome, final) in rows.decode((UUID, UUID, String, Bool).self) {
            found[id] = ResultRow(decisionId: decision, outcome: outcome, final: final)
        }
        return found
    }

    static func formation(_ formationId: UUID, _ h: ExamHarness) async throws -> ExamFormation {
        try await h.client.withConnection { connection in
            try await FormationStore.formation(formationId, lock: false, on: connection, logger: H.logger)
        }
    }

    @Test func periodFormationApplicationAndWithdrawal() async throws {
        try await H.run { h in
            var period = SelectionPeriodOpenedV1.example
            period.periodId = UUID()
            var formation = FormationPublishedV1.example
            formation.formationId = UUID()
            formation.periodId = period.periodId
            let submission = H.submission(357, period: period.periodId, formation: formation.formationId, gpa: "3.62")
            let submittedAt = H.t0 - 10 * 86_400
            let outcomes = try await h.intake([period, formation, ApplicantRegisteredV1.example, submission],
                                              at: submittedAt)
            #expect(outcomes == [.applied, .applied, .ignored, .applied])

            let periods = try await h.client.query(
                "SELECT agency_name, program, fiscal_year, time_zone FROM periods WHERE period_id = \(period.periodId)",
                logger: H.logger)
            var periodRows: [String] = []
            for try await (agency, program, year, zone) in periods.decode((String, String, Int, String).self) {
                periodRows.append("\(agency)|\(program)|\(year)|\(zone)")
            }
            #expect(periodRows == ["Pemerintah Kota Kupang|CPNS|2024|Asia/Makassar"])

            let stored = try await Self.formation(formation.formationId, h)
            #expect(stored.periodId == period.periodId)
            #expect(stored.kind == .umum)
            #expect(stored.quota == 1)
            #expect(stored.fiscalYear == 2024)
            #expect(stored.version == 0)
            #expect(stored.educationRequirements == formation.educationRequirements)
            let announced = try await h.client.withConnection { try await h.schemes.entry(of: formation.formationId, on: $0) }
            #expect(announced?.components.map(\.component) == [.cat, .praktikKerja])

            // The submission as the exam needs it; its time is the envelope's (the fourth event of the batch).
            let expected = ApplicationRow(
                applicantId: submission.applicantId, periodId: period.periodId, formationId: formation.formationId,
                kind: "umum", registrationNumber: "REG-2024-5371-000357", name: "Peserta 357",
                grade: submission.academicGrade, submittedAt: submittedAt + 3, withdrawnAt: nil)
            #expect(try await Self.applications(h) == [submission.applicationId: expected])

            // A redelivered submission changes nothing; a withdrawal stamps its time, and a second one keeps the first.
            try await h.intake([submission], at: H.t0)
            #expect(try await Self.applications(h) == [submission.applicationId: expected])
            let withdrawnAt = H.t0 - 5 * 86_400
            #expect(try await h.intake([H.withdrawal(submission)], at: withdrawnAt) == [.applied])
            try await h.intake([H.withdrawal(submission)], at: H.t0)
            var withdrawn = expected
            withdrawn.withdrawnAt = withdrawnAt
            #expect(try await Self.applications(h) == [submission.applicationId: withdrawn])

            // A corrected period (same id) replaces the stored one.
            period.fiscalYear = 2025
            try await h.intake([period])
            #expect(try await Self.formation(formation.formationId, h).fiscalYear == 2025)

            // Intake writes no event of the exam service.
            #expect(try await h.allEvents().isEmpty)
        }
    }

    @Test func decisionsBecomeFinalAsRecordedOrWhenCountersigned() async throws {
        try await H.run { h in
            let (period, formation) = (UUID(), UUID())
            let asRecorded = H.submission(1, period: period, formation: formation)
            let countersigned = H.submission(2, period: period, formation: formation)
            try await h.intake([asRecorded, countersigned])

            let finalMS = H.decision(asRecorded, .ms, awaitingCountersignature: false)
            let awaiting = H.decision(countersigned, .ms, awaitingCountersignature: true)
            #expect(try await h.intake([finalMS, awaiting]) == [.applied, .applied])
            #expect(try await Self.administrativeResults(h) == [
                asRecorded.applicationId: ResultRow(decisionId: finalMS.decisionId, outcome: "MS", final: true),
                countersigned.applicationId: ResultRow(decisionId: awaiting.decisionId, outcome: "MS", final: false),
            ])

            // A countersignature of another decision of the same application finalises nothing.
            var stale = H.countersignature(awaiting)
            stale.decisionId = UUID()
            try await h.intake([stale])
            #expect(try await Self.administrativeResults(h)[countersigned.applicationId]?.final == false)

            try await h.intake([H.countersignature(awaiting)])
            #expect(try await Self.administrativeResults(h)[countersigned.applicationId] ==
                ResultRow(decisionId: awaiting.decisionId, outcome: "MS", final: true))

            // A decision without the countersignature flag (older producers) awaits it.
            let legacy = H.submission(3, period: period, formation: formation)
            var unflagged = H.decision(legacy, .ms)
            unflagged.requiresCountersignature = nil
            try await h.intake([legacy, unflagged])
            #expect(try await Self.administrativeResults(h)[legacy.applicationId]?.final == false)
        }
    }

    @Test func aReturnedDecisionIsDeletedAndOnlyThatOne() async throws {
        try await H.run { h in
            let submission = H.submission(1, period: UUID(), formation: UUID())
            let first = H.decision(submission, .tms, awaitingCountersignature: true)
            try await h.intake([submission, first])
            #expect(try await Self.administrativeResults(h)[submission.applicationId]?.outcome == "TMS")

            let returned = VerificationDecisionReturnedV1(
                decisionId: first.decisionId, caseId: first.caseId, applicationId: submission.applicationId,
                supervisorId: H.supervisor, reason: "Transkrip terbaca; periksa ulang.")
            #expect(try await h.intake([returned]) == [.applied])
            #expect(try await Self.administrativeResults(h).isEmpty)

            // The verifier's second decision stands; a late return of the first one does not remove it.
            let second = H.decision(submission, .ms, awaitingCountersignature: true)
            try await h.intake([second, returned])
            #expect(try await Self.administrativeResults(h) == [
                submission.applicationId: ResultRow(decisionId: second.decisionId, outcome: "MS", final: false),
            ])
        }
    }

    @Test func anUpheldObjectionTurnsTmsIntoAFinalMs() async throws {
        try await H.run { h in
            let period = try await h.openPeriod()
            let formation = try await h.publishFormation(period: period)
            let maria = H.submission(357, period: period, formation: formation)
            let yohanes = H.submission(358, period: period, formation: formation)
            let tmsMaria = H.decision(maria, .tms, awaitingCountersignature: true)
            let tmsYohanes = H.decision(yohanes, .tms, awaitingCountersignature: true)
            try await h.intake([maria, yohanes, tmsMaria, tmsYohanes, H.countersignature(tmsMaria),
                                H.countersignature(tmsYohanes), H.publication(period: period, formation: formation)])
            #expect(try await Self.administrativeResults(h).values.map(\.description).sorted() == [
                "TMS final=true \(tmsMaria.decisionId.eventKey.prefix(8))",
                "TMS final=true \(tmsYohanes.decisionId.eventKey.prefix(8))",
            ].sorted())
            _ = try await h.schedule(period: period)
            // A final TMS sits nothing: no one is eligible.
            #expect(try await h.seat(period: period).assigned == 0)

            var upheld = ObjectionResolvedV1.example
            upheld.objectionId = UUID()
            upheld.applicationId = maria.applicationId
            upheld.applicantId = maria.applicantId
            upheld.decisionId = tmsMaria.decisionId
            var rejected = upheld
            rejected.objectionId = UUID()
            rejected.applicationId = yohanes.applicationId
            rejected.applicantId = yohanes.applicantId
            rejected.decisionId = tmsYohanes.decisionId
            rejected.outcome = .rejected
            rejected.resultingOutcome = .tms
            #expect(try await h.intake([upheld, rejected]) == [.applied, .applied])
            let results = try await Self.administrativeResults(h)
            #expect(results[maria.applicationId] ==
                ResultRow(decisionId: tmsMaria.decisionId, outcome: "MS", final: true))
            #expect(results[yohanes.applicationId] ==
                ResultRow(decisionId: tmsYohanes.decisionId, outcome: "TMS", final: true))

            // Maria now sits the SKD; Yohanes does not.
            #expect(try await h.seat(period: period).assigned == 1)
            #expect(Set(try await h.participantNumbers().keys) == [maria.applicationId])
        }
    }

    @Test func publicationsPerFormationAndPerPeriod() async throws {
        try await H.run { h in
            let period = try await h.openPeriod()
            let first = try await h.publishFormation(period: period)
            let second = try await h.publishFormation(period: period, position: "Analis Kebijakan Ahli Pertama")
            let inFirst = try await h.admit([1], period: period, formation: first)
            let inSecond = try await h.admit([2], period: period, formation: second)
            _ = try await h.schedule(period: period)

            // Nothing is published: nobody is eligible.
            #expect(try await h.seat(period: period).assigned == 0)

            let perFormation = H.publication(period: period, formation: first)
            #expect(try await h.intake([perFormation, perFormation]) == [.applied, .applied])
            #expect(try await h.count("administrative_publications") == 1)
            #expect(try await h.seat(period: period).assigned == 1)
            #expect(Set(try await h.participantNumbers().keys) == [inFirst[0].applicationId])

            // Another period's publication publishes nothing here.
            try await h.publish(period: UUID(), formation: nil)
            #expect(try await h.seat(period: period).assigned == 0)

            // A publication for the whole period covers the other formation.
            try await h.publish(period: period, formation: nil)
            let rows = try await h.client.query(
                "SELECT formation_id FROM administrative_publications WHERE period_id = \(period)", logger: H.logger)
            var formations: [UUID?] = []
            for try await formation in rows.decode(UUID?.self) { formations.append(formation) }
            #expect(formations.count == 2)
            #expect(formations.contains(nil))
            #expect(try await h.seat(period: period).assigned == 1)
            #expect(Set(try await h.participantNumbers().keys) == [inFirst[0].applicationId, inSecond[0].applicationId])
        }
    }

    @Test func verificationEventsBeforeTheSubmissionCountOnceItArrives() async throws {
        try await H.run { h in
            let period = try await h.openPeriod()
            let formation = try await h.publishFormation(period: period)
            let early = H.submission(1, period: period, formation: formation)
            let decision = H.decision(early, .ms, awaitingCountersignature: true)
            // The verification topic runs ahead: decision, countersignature and publication, and no submission yet.
            #expect(try await h.intake([decision, H.countersignature(decision),
                                        H.publication(period: period, formation: formation)])
                == [.applied, .applied, .applied])
            #expect(try await Self.administrativeResults(h)[early.applicationId] ==
                ResultRow(decisionId: decision.decisionId, outcome: "MS", final: true))
            #expect(try await Self.applications(h).isEmpty)
            let session = try await h.schedule(period: period)
            #expect(try await h.seat(period: period).assigned == 0)

            // The submission arrives; the candidate now gets a seat.
            try await h.intake([early])
            let summary = try await h.seat(period: period)
            #expect(summary.assigned == 1)
            #expect(summary.unseated == 0)
            #expect(try await h.seats()[early.applicationId] == H.Seat(sessionId: session.sessionId, seat: "Kursi 001"))
            let stream = try await h.candidateStream(early.applicationId)
            #expect(stream.map(\.type) == [CandidateAssignedV1.eventType])
        }
    }

    @Test func resetEmptiesTheIntakeTablesOnly() async throws {
        try await H.run { h in
            let cohort = try await h.seatedCohort(2)
            let projection = CandidateIntakeProjection.projection
            try await PostgresTransaction.run(on: h.client, logger: H.logger) { connection in
                try await projection.reset(connection, H.logger)
            }
            for table in ["periods", "formations", "applications", "administrative_results",
                          "administrative_publications"] {
                #expect(try await h.count(table) == 0, "\(table)")
            }
            // The exam's own tables are the inline read model of its streams and survive a rebuild.
            #expect(try await h.count("participants") == 2)
            #expect(try await h.count("seats") == 2)
            #expect(try await h.seats().keys.contains(cohort.submissions[0].applicationId))
        }
    }
}
