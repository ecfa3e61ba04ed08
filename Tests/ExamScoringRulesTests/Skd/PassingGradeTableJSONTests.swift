import Foundation
import RecruitmentEvents
import Testing
@testable import ExamScoringRules

@Suite("PassingGradeTable overrides from configuration")
struct PassingGradeTableJSONTests {
    static func table(_ text: String) throws(ScoreValidationError) -> PassingGradeTable {
        try PassingGradeTable(json: Data(text.utf8))
    }

    @Test("Reads years, kinds and components")
    func reads() throws {
        let table = try Self.table(#"""
            {"2025": {"umum": {"twk": 65, "tiu": 80, "tkp": 166}, "cumlaude": {"total": 311, "tiu": 85}},
             "2024": {"putra-putri-kalimantan": {"total": 0, "tiu": 0, "twk": 150, "tkp": 225}}}
            """#)
        #expect(table.grades == [
            2025: [.umum: SkdFixtures.general, .cumlaude: SkdFixtures.cumlaude],
            2024: [.putraPutriKalimantan: SkdPassingGrade(twk: 150, tiu: 0, tkp: 225, total: 0)],
        ])
        #expect(try Self.table("{}") == PassingGradeTable())
    }

    @Test("Overrides win per year and kind; other years and kinds keep their defaults")
    func merging() throws {
        let overrides = try Self.table(#"""
            {"2024": {"umum": {"twk": 70, "tiu": 80, "tkp": 166}, "putra-putri-kalimantan": {"total": 286, "tiu": 60}},
             "2025": {"umum": {"twk": 65, "tiu": 85, "tkp": 170}}}
            """#)
        let table = PassingGradeTable.defaults.merging(overrides)
        let umum2024 = try table.grade(for: .umum, fiscalYear: 2024)
        #expect(umum2024.grade == SkdPassingGrade(twk: 70, tiu: 80, tkp: 166) && umum2024.year == 2024)
        #expect(try table.grade(for: .putraPutriKalimantan, fiscalYear: 2024).grade == SkdFixtures.disabilitas)
        #expect(try table.grade(for: .cumlaude, fiscalYear: 2024).grade == SkdFixtures.cumlaude)
        #expect(try table.grade(for: .umum, fiscalYear: 2021).grade == SkdFixtures.general)
        let umum2026 = try table.grade(for: .umum, fiscalYear: 2026)
        #expect(umum2026.grade == SkdPassingGrade(twk: 65, tiu: 85, tkp: 170) && umum2026.year == 2025)
        // A year new to the table is a decision of its own: it holds only the kinds configured for it.
        #expect(throws: PassingGradeLookupError.kindNotInTable(kind: .cumlaude, fiscalYear: 2025, tableYear: 2025)) {
            try table.grade(for: .cumlaude, fiscalYear: 2025)
        }
        #expect(PassingGradeTable.defaults.merging(PassingGradeTable()) == PassingGradeTable.defaults)
    }

    @Test("A kind's override replaces its whole grade, not component by component")
    func wholeGrade() throws {
        let table = PassingGradeTable.defaults.merging(try Self.table(#"{"2024": {"umum": {"total": 311}}}"#))
        #expect(try table.grade(for: .umum, fiscalYear: 2024).grade == SkdPassingGrade(total: 311))
    }

    @Test("Validation", arguments: [
        (#"{"25": {"umum": {"twk": 65}}}"#, [IssueSummary("25", "invalid-year")]),
        (#"{"1999": {"umum": {"twk": 65}}}"#, [IssueSummary("1999", "invalid-year")]),
        (#"{"2101": {"umum": {"twk": 65}}}"#, [IssueSummary("2101", "invalid-year")]),
        (#"{"+202": {"umum": {"twk": 65}}}"#, [IssueSummary("+202", "invalid-year")]),
        (#"{"2025": {"umumx": {"twk": 65}}}"#, [IssueSummary("2025.umumx", "unknown-formation-kind")]),
        (#"{"2025": {"cumlaude": {"total": 311, "tiu": 200}}}"#, [IssueSummary("2025.cumlaude.tiu", "out-of-range")]),
        (#"{"2025": {"umum": {"twk": 151}}}"#, [IssueSummary("2025.umum.twk", "out-of-range")]),
        (#"{"2025": {"umum": {"tkp": 226}}}"#, [IssueSummary("2025.umum.tkp", "out-of-range")]),
        (#"{"2025": {"umum": {"total": 551}}}"#, [IssueSummary("2025.umum.total", "out-of-range")]),
        (#"{"2025": {"umum": {"total": -1}}}"#, [IssueSummary("2025.umum.total", "out-of-range")]),
        (#"{"2025": {"umum": {"twk": "65"}}}"#, [IssueSummary("2025.umum.twk", "not-an-integer")]),
        (#"{"2025": {"umum": {"twk": 65.5}}}"#, [IssueSummary("2025.umum.twk", "not-an-integer")]),
        (#"{"2025": {"umum": {"twk": null}}}"#, [IssueSummary("2025.umum.twk", "not-an-integer")]),
        (#"{"2025": {"umum": {"twk": 65, "twx": 1}}}"#, [IssueSummary("2025.umum.twx", "unknown-component")]),
        (#"{"2025": {"umum": {}}}"#, [IssueSummary("2025.umum", "empty-passing-grade")]),
        (#"{"2025": {"umum": {"passing": 1}}}"#, [
            IssueSummary("2025.umum.passing", "unknown-component"), IssueSummary("2025.umum", "empty-passing-grade"),
        ]),
        (#"{"2025": {"umum": 65}}"#, [IssueSummary("2025.umum", "not-an-object")]),
        (#"{"2025": {}}"#, [IssueSummary("2025", "empty-table")]),
        (#"{"2025": []}"#, [IssueSummary("2025", "not-an-object")]),
        (#"[]"#, [IssueSummary("", "not-an-object")]),
        (#"{"2025": "#, [IssueSummary("", "invalid-json")]),
    ])
    func validation(json: String, expected: [IssueSummary]) {
        #expect(issues { () throws(ScoreValidationError) in try Self.table(json) } == expected)
    }

    @Test("Every issue is reported, by year, kind and component")
    func everyIssue() {
        let json = #"""
            {"2026": {"umum": {"twk": 200, "tiu": 5.5}}, "2025": {"cumlaude": {"tiu": 85}, "papua": {"tiu": 60}},
             "20x5": {"umum": {"twk": 65}}}
            """#
        #expect(issues { () throws(ScoreValidationError) in try Self.table(json) } == [
            IssueSummary("2025.papua", "unknown-formation-kind"),
            IssueSummary("2026.umum.twk", "out-of-range"),
            IssueSummary("2026.umum.tiu", "not-an-integer"),
            IssueSummary("20x5", "invalid-year"),
        ])
    }
}
