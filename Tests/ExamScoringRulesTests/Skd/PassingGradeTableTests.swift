import RecruitmentEvents
import Testing
@testable import ExamScoringRules

@Suite("PassingGradeTable defaults and lookup (DOMAIN §2.1, §2.2)")
struct PassingGradeTableTests {
    @Test("Default grades, falling back to the latest earlier table", arguments: [
        (FormationKind.umum, 2021, SkdFixtures.general, 2021),
        (.umum, 2022, SkdFixtures.general, 2021),
        (.umum, 2023, SkdFixtures.general, 2023),
        (.umum, 2024, SkdFixtures.general, 2024),
        (.umum, 2026, SkdFixtures.general, 2024),
        (.cumlaude, 2021, SkdFixtures.cumlaude, 2021),
        (.diaspora, 2023, SkdFixtures.cumlaude, 2023),
        (.cumlaude, 2026, SkdFixtures.cumlaude, 2024),
        (.disabilitas, 2024, SkdFixtures.disabilitas, 2024),
        (.putraPutriPapua, 2021, SkdFixtures.disabilitas, 2021),
        (.putraPutriDaerahTertinggal, 2024, SkdFixtures.disabilitas, 2024),
        (.putraPutriDaerahTertinggal, 2026, SkdFixtures.disabilitas, 2024),
    ])
    func defaults(kind: FormationKind, fiscalYear: Int, grade: SkdPassingGrade, tableYear: Int) throws {
        let found = try PassingGradeTable.defaults.grade(for: kind, fiscalYear: fiscalYear)
        #expect(found.grade == grade)
        #expect(found.year == tableYear)
    }

    @Test("Special kinds set only a total and a TIU floor (DOMAIN §2.2)")
    func specialKinds() throws {
        for kind in [FormationKind.cumlaude, .diaspora, .disabilitas, .putraPutriPapua] {
            let grade = try PassingGradeTable.defaults.grade(for: kind, fiscalYear: 2024).grade
            #expect(grade.twk == nil && grade.tkp == nil && grade.total != nil && grade.tiu != nil)
        }
    }

    @Test("Missing tables and kinds are typed errors", arguments: [
        (FormationKind.umum, 2020, PassingGradeLookupError.noTableInForce(fiscalYear: 2020)),
        (.putraPutriDaerahTertinggal, 2021, .kindNotInTable(kind: .putraPutriDaerahTertinggal, fiscalYear: 2021,
                                                             tableYear: 2021)),
        (.putraPutriDaerahTertinggal, 2023, .kindNotInTable(kind: .putraPutriDaerahTertinggal, fiscalYear: 2023,
                                                             tableYear: 2023)),
        (.putraPutriKalimantan, 2024, .kindNotInTable(kind: .putraPutriKalimantan, fiscalYear: 2024, tableYear: 2024)),
        (.putraPutriKalimantan, 2026, .kindNotInTable(kind: .putraPutriKalimantan, fiscalYear: 2026, tableYear: 2024)),
        (.tenagaNonAsn, 2024, .kindNotInTable(kind: .tenagaNonAsn, fiscalYear: 2024, tableYear: 2024)),
    ])
    func errors(kind: FormationKind, fiscalYear: Int, expected: PassingGradeLookupError) {
        #expect(throws: expected) {
            try PassingGradeTable.defaults.grade(for: kind, fiscalYear: fiscalYear)
        }
    }

    @Test("Error descriptions name what to configure")
    func descriptions() {
        let missingKind = PassingGradeLookupError.kindNotInTable(
            kind: .putraPutriKalimantan, fiscalYear: 2026, tableYear: 2024)
        #expect(missingKind.description.contains("putra-putri-kalimantan"))
        #expect(missingKind.description.contains("2024") && missingKind.description.contains("2026"))
        #expect(PassingGradeLookupError.noTableInForce(fiscalYear: 2019).description.contains("2019"))
    }

    @Test("An empty table has nothing in force")
    func emptyTable() {
        #expect(throws: PassingGradeLookupError.noTableInForce(fiscalYear: 2024)) {
            try PassingGradeTable().grade(for: .umum, fiscalYear: 2024)
        }
    }
}
