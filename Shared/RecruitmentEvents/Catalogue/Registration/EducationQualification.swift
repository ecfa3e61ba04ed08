/// The education an applicant applies with, as entered from the diploma (DOMAIN §1.2).
public struct EducationQualification: Sendable, Hashable, Codable {
    /// The education level.
    public var level: EducationLevel
    /// The major (program studi) as printed on the diploma.
    public var major: String
    /// The university or school.
    public var institution: String?

    /// Creates the value; each parameter is the property of the same name.
    public init(level: EducationLevel, major: String, institution: String? = nil) {
        self.level = level
        self.major = major
        self.institution = institution
    }
}
