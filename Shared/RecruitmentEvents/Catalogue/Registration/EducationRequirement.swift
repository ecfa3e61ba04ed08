/// An accepted education level and majors of a formation (DOMAIN §1.1: "education qualification").
public struct EducationRequirement: Sendable, Hashable, Codable {
    /// The education level.
    public var level: EducationLevel
    /// Accepted majors (program studi) as listed in the announcement; empty means any major of that level.
    public var majors: [String]

    /// Creates the value; each parameter is the property of the same name.
    public init(level: EducationLevel, majors: [String]) {
        self.level = level
        self.majors = majors
    }
}
