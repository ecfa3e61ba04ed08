/// The age limits of a formation, in whole years at the time of applying (DOMAIN §1.1: 18–35; e.g. 40 for S-3
/// lecturers).
/// Only the registration service, which holds birth dates, checks them.
public struct AgeLimit: Sendable, Hashable, Codable {
    /// Minimum age in years.
    public var minimumYears: Int
    /// Maximum age in years.
    public var maximumYears: Int

    /// Creates the value; each parameter is the property of the same name.
    public init(minimumYears: Int, maximumYears: Int) {
        self.minimumYears = minimumYears
        self.maximumYears = maximumYears
    }
}
