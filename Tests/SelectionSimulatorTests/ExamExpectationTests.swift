import ExamScoringRules
import Foundation
import RecruitmentEvents
@testable import SelectionSimulator
import Testing

/// The codes the simulator expects from the SKD ranking and the final integration, computed without the service.
@Suite struct ExamExpectationTests {
    static func id(_ serial: Int) -> String {
        "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - String(serial).count) + String(serial)
    }

    static func record(_ serial: Int, _ outcome: SkdRecord.Outcome) -> SkdRecord {
        SkdRecord(applicant: serial, applicationId: id(serial), participantNumber: "26000000\(10 + serial)",
                  outcome: outcome)
    }

    @Test func aGeneralFormationRanksAsDomainSection3Point1() throws {
        // As the exam flow test: quota 1 → 3 SKB places.
        let records = [
            Self.record(1, .scored(twk: 120, tiu: 140, tkp: 190)), Self.record(2, .scored(twk: 100, tiu: 125, tkp: 185)),
            Self.record(3, .scored(twk: 90, tiu: 110, tkp: 175)), Self.record(4, .scored(twk: 70, tiu: 85, tkp: 170)),
            Self.record(5, .scored(twk: 60, tiu: 100, tkp: 180)), Self.record(6, .absent), Self.record(7, .disqualified),
        ]
        let expected = try ExpectedSkdRanking.codes(records, kind: "umum", quota: 1, fiscalYear: 2026)
        #expect(expected.codes == [
            Self.id(1): "P/L", Self.id(2): "P/L", Self.id(3): "P/L", Self.id(4): "P", Self.id(5): "TL",
            Self.id(6): "TH", Self.id(7): "DIS",
        ])
        #expect(ExpectedSkdRanking.describe(expected.grade) == "TWK 65, TIU 80, TKP 166")
    }

    @Test func specialFormationsUseTheirOwnGrade() throws {
        let records = [
            Self.record(1, .scored(twk: 30, tiu: 90, tkp: 200)), // total 320, TIU 90: passes cumlaude
            Self.record(2, .scored(twk: 100, tiu: 80, tkp: 200)), // TIU 80 < 85: TL
            Self.record(3, .scored(twk: 50, tiu: 90, tkp: 150)), // total 290 < 311: TL
        ]
        let cumlaude = try ExpectedSkdRanking.codes(records, kind: "cumlaude", quota: 1, fiscalYear: 2026)
        #expect(cumlaude.codes == [Self.id(1): "P/L", Self.id(2): "TL", Self.id(3): "TL"])
        let disabilitas = try ExpectedSkdRanking.codes(records, kind: "disabilitas", quota: 1, fiscalYear: 2026)
        #expect(disabilitas.codes == [Self.id(1): "P/L", Self.id(2): "P/L", Self.id(3): "P/L"])
        #expect(throws: SimulationError.self) {
            try ExpectedSkdRanking.codes(records, kind: "nonsense", quota: 1, fiscalYear: 2026)
        }
    }

    static let formation = FormationPlan(
        positionName: "Pranata Komputer Ahli Pertama", unitName: "Diskominfo Kota Kupang", kind: "umum", quota: 1,
        majors: ["Teknik Informatika"], skbComponents: [("cat", 70), ("praktik-kerja", 30)])

    static func finalist(_ serial: Int, twk: Int, tiu: Int, tkp: Int, skb: [String: Int]?,
                         born: CalendarDay = CalendarDay(year: 1998, month: 5, day: 1)) -> ExpectedFinalResults.Candidate
    {
        .init(applicant: serial, applicationId: id(serial), participantNumber: "26000000\(10 + serial)",
              skd: SkdScores(twk: twk, tiu: tiu, tkp: tkp, total: twk + tiu + tkp), skb: skb, grade: "3.50",
              birthDate: born)
    }

    static var formations: [ExpectedFinalResults.Formation] {
        [ExpectedFinalResults.Formation(formationId: id(900), plan: formation, candidates: [
            finalist(1, twk: 120, tiu: 140, tkp: 190, skb: ["cat": 80, "praktik-kerja": 70]), // 81.82, 77.00 → 78.928
            finalist(2, twk: 100, tiu: 125, tkp: 185, skb: ["cat": 90, "praktik-kerja": 85]), // 74.55, 88.50 → 82.92
            finalist(3, twk: 90, tiu: 110, tkp: 175, skb: nil),
        ])]
    }

    @Test func finalResultsIntegrate40To60() throws {
        #expect(FinalResultsCheck.skd100Hundredths(total: 442) == 8036)
        #expect(FinalResultsCheck.skd100Hundredths(total: 450) == 8182)
        #expect(FinalResultsCheck.skd100Hundredths(total: 311) == 5655)
        #expect(ExpectedFinalResults.skb100(["cat": 80, "praktik-kerja": 70], scheme: Self.formation.skbComponents)
            == ExactDecimal("77.00"))
        let rows = try #require(try ExpectedFinalResults.rows(Self.formations)[Self.id(900)])
        let byId = Dictionary(uniqueKeysWithValues: rows.map { ($0.applicationId.uuidString.lowercased(), $0) })
        #expect(byId[Self.id(2)]?.code == .passed)
        #expect(byId[Self.id(2)]?.rank == 1)
        #expect(byId[Self.id(1)]?.code == .notWithinQuota)
        #expect(byId[Self.id(1)]?.integratedScore == ExactDecimal("78.928"))
        #expect(byId[Self.id(3)]?.code == .absentFromSkb)
    }

    @Test func ageBreaksAFullTieOlderFirst() throws {
        let older = CalendarDay(year: 1995, month: 1, day: 2)
        let formation = ExpectedFinalResults.Formation(formationId: Self.id(901), plan: Self.formation, candidates: [
            Self.finalist(1, twk: 100, tiu: 100, tkp: 170, skb: ["cat": 80, "praktik-kerja": 80]),
            Self.finalist(2, twk: 100, tiu: 100, tkp: 170, skb: ["cat": 80, "praktik-kerja": 80], born: older),
        ])
        let rows = try #require(try ExpectedFinalResults.rows([formation])[Self.id(901)])
        #expect(rows.first?.applicationId.uuidString.lowercased() == Self.id(2))
        #expect(rows.map(\.code) == [.passed, .notWithinQuota])
    }

    static func answered(_ expected: [String: [FinalResultRow]]) -> [String: [FinalResultsCheck.Row]] {
        expected.mapValues { rows in
            rows.map {
                FinalResultsCheck.Row(
                    applicationId: $0.applicationId.uuidString.lowercased(), code: $0.code.rawValue, rank: $0.rank,
                    skdScore100: $0.skdScore100, skbScore100: $0.skbScore100, integratedScore: $0.integratedScore,
                    placedFormationId: $0.placedFormationId?.uuidString.lowercased())
            }
        }
    }

    @Test func theCheckAcceptsAgreementAndNamesDifferences() throws {
        let expected = try ExpectedFinalResults.rows(Self.formations)
        let good = Self.answered(expected)
        #expect(FinalResultsCheck.differences(answered: good, expected: expected, formations: Self.formations).isEmpty)

        var wrongCode = good
        wrongCode[Self.id(900)]?[0].code = "P/TL"
        wrongCode[Self.id(900)]?[1].code = "P/L"
        let codeDifferences = FinalResultsCheck.differences(answered: wrongCode, expected: expected,
                                                            formations: Self.formations)
        #expect(codeDifferences.count == 2)

        var wrongScore = good
        wrongScore[Self.id(900)]?[0].integratedScore = ExactDecimal("82.93")
        #expect(FinalResultsCheck.differences(answered: wrongScore, expected: expected, formations: Self.formations)
            .contains { $0.contains("integrated score 82.93") })

        var missing = good
        missing[Self.id(900)]?.removeLast()
        #expect(FinalResultsCheck.differences(answered: missing, expected: expected, formations: Self.formations)
            == ["applicant 3: SKD P/L but missing from the final results"])
    }

    @Test func theServiceAnswerIsParsed() throws {
        let parsed = try FinalResultsCheck.parse([[
            "formationId": Self.id(900).uppercased(), "skdWeightPercent": "40", "skbWeightPercent": "60",
            "rows": [["applicationId": Self.id(1).uppercased(), "code": "P/TL", "rank": 2, "skdScore100": "81.82",
                      "skbScore100": "77.00", "integratedScore": "78.928"]],
        ]])
        #expect(parsed.skdWeight == ExactDecimal(40))
        let row = try #require(parsed.rows[Self.id(900)]?.first)
        #expect(row.applicationId == Self.id(1))
        #expect(row.integratedScore == ExactDecimal("78.928"))
        #expect(try SkbStage.policy(skd: parsed.skdWeight, skb: parsed.skbWeight) == .standard)
    }
}
