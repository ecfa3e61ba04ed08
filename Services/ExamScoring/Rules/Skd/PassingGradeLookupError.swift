public import RecruitmentEvents

/// No passing grade could be found for a formation (DOMAIN §2.1, §2.2): configuration must supply one before the
/// formation can be ranked.
public enum PassingGradeLookupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No table exists for `fiscalYear` or any earlier year.
    case noTableInForce(fiscalYear: Int)
    /// The table in force for `fiscalYear` (that of `tableYear`) has no grade for `kind`.
    case kindNotInTable(kind: FormationKind, fiscalYear: Int, tableYear: Int)

    /// What is missing and what to configure, for people.
    public var description: String {
        switch self {
        case .noTableInForce(let fiscalYear):
            "No SKD passing-grade table is in force for fiscal year \(fiscalYear): configure one for that year or "
                + "an earlier one."
        case .kindNotInTable(let kind, let fiscalYear, let tableYear):
            "The \(tableYear) SKD passing-grade table, in force for fiscal year \(fiscalYear), has no grade for "
                + "formation kind \(kind.rawValue): configure it for \(tableYear) or later."
        }
    }
}
