public import RecruitmentEvents

/// SKD passing grades (NAB) by fiscal year and formation kind (DOMAIN §2.1, §2.2), as set by each year's KepmenPANRB.
///
/// Start from ``defaults`` and merge the configured overrides (``init(json:)``, ``merging(_:)``) over them; values the
/// sources leave unconfirmed have no default and must come from configuration.
public struct PassingGradeTable: Sendable, Hashable {
    /// The grades: fiscal year of the decision that set them → formation kind → grade. A year's table is complete on
    /// its own: a kind it lacks has no grade that year, even if an earlier year had one.
    public var grades: [Int: [FormationKind: SkdPassingGrade]]

    /// Creates the value; each parameter is the property of the same name.
    public init(grades: [Int: [FormationKind: SkdPassingGrade]] = [:]) {
        self.grades = grades
    }

    /// The passing grade for a formation kind in a fiscal year.
    ///
    /// A year without a table of its own uses the latest earlier year that has one: a KepmenPANRB on the NAB stays in
    /// force until a new one replaces it (e.g. fiscal year 2026 uses the 2024 table until a 2026 decision is
    /// configured). There is no fallback per kind: the table found must list `kind`.
    ///
    /// - Returns: the grade and the year of the table it comes from (to publish which decision was applied).
    /// - Throws: ``PassingGradeLookupError/noTableInForce(fiscalYear:)`` when no table exists at or before
    ///   `fiscalYear`; ``PassingGradeLookupError/kindNotInTable(kind:fiscalYear:tableYear:)`` when the table in force
    ///   has no grade for `kind`.
    public func grade(
        for kind: FormationKind, fiscalYear: Int
    ) throws(PassingGradeLookupError) -> (grade: SkdPassingGrade, year: Int) {
        guard let year = grades.keys.filter({ $0 <= fiscalYear }).max(), let table = grades[year] else {
            throw .noTableInForce(fiscalYear: fiscalYear)
        }
        guard let grade = table[kind] else {
            throw .kindNotInTable(kind: kind, fiscalYear: fiscalYear, tableYear: year)
        }
        return (grade, year)
    }

    /// This table with `overrides` laid over it, per year and kind: a kind set in an override year replaces that
    /// year's grade for the kind (the whole grade, not component by component); other kinds of the year and years not
    /// overridden keep their values. A year new to the table holds only the kinds the override lists.
    public func merging(_ overrides: PassingGradeTable) -> PassingGradeTable {
        var merged = grades
        for (year, table) in overrides.grades {
            merged[year, default: [:]].merge(table) { _, override in override }
        }
        return PassingGradeTable(grades: merged)
    }
}
