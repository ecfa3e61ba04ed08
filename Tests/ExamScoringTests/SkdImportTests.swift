import EventStore
import ExamScoringRules
import Foundation
import PostgresNIO
import RecruitmentEvents
import ServiceKit
import TestSupport
import Testing
@testable import ExamScoring

/// CAT file imports against the real PostgreSQL: all rows or none. Every row is checked against the file's rules and
/// against the seating (a seated, not withdrawn candidate without an outcome); one bad row and nothing is recorded.
@Suite struct SkdImportTests {
    typealias H = ExamHarness

    static func file(_ lines: [String]) -> Data { Data((lines.joined(separator: "\r\n") + "\r\n").utf8) }

    static func importRows(_ h: ExamHarness) async throws -> [(String, Int)] {
        let rows = try await h.client.query("SELECT sha256, rows FROM skd_imports", logger: H.logger)
        var found: [(String, Int)] = []
        for try await row in rows.decode((String, Int).self) { found.append(row) }
        return found
    }

    /// SHA-256 as PostgreSQL computes it, independently of the service.
    static func sha256(_ data: Data, _ h: ExamHarness) async throws -> String {
        let rows = try await h.client.query("SELECT encode(sha256(\(data)), 'hex')", logger: H.logger)
        for try await hash in rows.decode(String.self) { return hash }
        return ""
    }

    @Test func aValidFileRecordsAnEventForEveryRow() async throws {
        try await H.run { h in
            let cohort = try await h.seatedCohort(3)
            let n = cohort.numbers
            // An Indonesian spreadsheet export: `;`, a BOM, aliases, upper-case header, a blank line.
            let data = Data([0xEF, 0xBB, 0xBF]) + Self.file([
                "No_Peserta;TWK;TIU;TKP;Total;Keterangan",
                "\(n[0]);110;130;202;442;",
                ";;;;;",
                "\(n[1]);;;;;TH",
                "\(n[2]);60;85;170;;",
            ])
            let summary = try await h.results.importSkd(data, context: h.context(3600))
            #expect(summary.scored == 2)
            #expect(summary.absent == 1)
            let sha256 = try await Self.sha256(data, h)
            #expect(sha256.count == 64)
            #expect(summary.sha256 == sha256)
            let audit = try await Self.importRows(h)
            #expect(audit.map(\.0) == [sha256])
            #expect(audit.map(\.1) == [3])

            let ids = cohort.submissions.map(\.applicationId)
            #expect(try await h.outcomes() == [
                ids[0]: H.Outcome(outcome: "scored", skdTotal: 442),
                ids[1]: H.Outcome(outcome: "absent", skdTotal: nil),
                ids[2]: H.Outcome(outcome: "scored", skdTotal: 315),
            ])
            let first = try #require(try await h.candidateStream(ids[0]).last?.event(SkdResultRecordedV1.self))
            #expect(first.source == .imported)
            #expect(first.sourceReference == "import:\(summary.importId.eventKey)")
            #expect(first.scores == SkdScores(twk: 110, tiu: 130, tkp: 202, total: 442))
            #expect(first.sessionId == cohort.session)
            #expect(first.meetsPassingGrade)
            let absence = try #require(try await h.candidateStream(ids[1]).last?.event(CandidateAbsentV1.self))
            #expect(absence.sessionId == cohort.session)
            #expect(absence.participantNumber == n[1])
            let third = try #require(try await h.candidateStream(ids[2]).last?.event(SkdResultRecordedV1.self))
            #expect(third.meetsPassingGrade == false)
            for id in ids { #expect(try await h.candidateStream(id).map(\.streamVersion) == [1, 2]) }
            #expect(try await h.participantVersions().values.sorted() == [2, 2, 2])

            // The same file again: every row is now already scored.
            let before = try await h.snapshot()
            let again = await refusal { try await h.results.importSkd(data, context: h.context(7200)) }
            #expect(again?.summary == "422 /problems/validation-failed")
            #expect(again?.fieldCodes == ["rows[1].nomor_peserta/result-already-recorded",
                                          "rows[2].nomor_peserta/result-already-recorded",
                                          "rows[3].nomor_peserta/result-already-recorded"])
            #expect(try await h.snapshot() == before)
        }
    }

    @Test func oneBadScoreRejectsTheWholeFile() async throws {
        try await H.run { h in
            let cohort = try await h.seatedCohort(3)
            let n = cohort.numbers
            let before = try await h.snapshot()
            let problem = await refusal {
                try await h.results.importSkd(Self.file([
                    "nomor_peserta,twk,tiu,tkp",
                    "\(n[0]),110,130,202",
                    "\(n[1]),151,130,202",
                    "\(n[2]),100,100,200",
                ]), context: h.context())
            }
            #expect(problem?.summary == "422 /problems/validation-failed")
            #expect(problem?.fieldCodes == ["rows[2].twk/out-of-range"])
            #expect(try await h.snapshot() == before)
            #expect(try await h.outcomes().isEmpty)
            #expect(try await Self.importRows(h).isEmpty)
        }
    }

    @Test func unknownScoredOrWithdrawnParticipantsRejectTheWholeFile() async throws {
        try await H.run { h in
            let cohort = try await h.seatedCohort(4)
            let n = cohort.numbers
            try await h.recordSkd(n[1], twk: 100, tiu: 100, tkp: 200)
            try await h.intake([H.withdrawal(cohort.submissions[2])], at: H.t0 + 60)
            // Admitted and published, but seated nowhere: no participant number at all.
            let late = try await h.admit([99], period: cohort.period, formation: cohort.formation)
            #expect(try await h.participantNumbers()[late[0].applicationId] == nil)

            let before = try await h.snapshot()
            let problem = await refusal {
                try await h.results.importSkd(Self.file([
                    "nomor_peserta;twk;tiu;tkp;keterangan",
                    "\(n[0]);110;130;202;",
                    "2499999999;100;100;200;",
                    "\(n[1]);100;100;200;",
                    "\(n[2]);;;;TH",
                    "\(n[3]);100;100;200;",
                ]), context: h.context())
            }
            #expect(problem?.summary == "422 /problems/validation-failed")
            #expect(problem?.fieldCodes == ["rows[2].nomor_peserta/unknown-participant",
                                            "rows[3].nomor_peserta/result-already-recorded",
                                            "rows[4].nomor_peserta/candidate-withdrawn"])
            #expect(try await h.snapshot() == before)
            #expect(try await h.outcomes().count == 1)
            #expect(try await Self.importRows(h).isEmpty)

            // Without the three, the file goes in.
            let summary = try await h.results.importSkd(Self.file([
                "nomor_peserta;twk;tiu;tkp;keterangan",
                "\(n[0]);110;130;202;",
                "\(n[3]);;;;th",
            ]), context: h.context())
            #expect((summary.scored, summary.absent) == (1, 1))
            #expect(try await h.outcomes().count == 3)
        }
    }

    @Test func aFileThatIsNotAScoreFileIsRefused() async throws {
        try await H.run { h in
            let cohort = try await h.seatedCohort(1)
            let before = try await h.snapshot()
            let header = await refusal {
                try await h.results.importSkd(Self.file(["peserta,twk,tiu", "\(cohort.numbers[0]),1,2"]),
                                              context: h.context())
            }
            #expect(header?.summary == "422 /problems/validation-failed")
            #expect(header?.fieldCodes.contains("header/unknown-column") == true)
            #expect(header?.fieldCodes.contains("header/missing-column") == true)
            let empty = await refusal {
                try await h.results.importSkd(Self.file(["nomor_peserta,twk,tiu,tkp"]), context: h.context())
            }
            #expect(empty?.fieldCodes == ["file/no-rows"])
            #expect(try await h.snapshot() == before)
        }
    }
}
