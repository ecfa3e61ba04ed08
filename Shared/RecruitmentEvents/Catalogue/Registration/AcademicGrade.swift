/// The applicant's GPA (IPK) or average diploma grade, used only as the third final tie-break (DOMAIN §3.3). How grades
/// on different scales are compared is [UNCONFIRMED], so the scale travels with the value.
public struct AcademicGrade: Sendable, Hashable, Codable {
    /// GPA or average diploma grade.
    public var kind: AcademicGradeKind
    /// The grade, e.g. `3.62`.
    public var value: ExactDecimal
    /// The top of its scale, e.g. `4.00` or `100`.
    public var scaleMaximum: ExactDecimal

    /// Creates the value; each parameter is the property of the same name.
    public init(kind: AcademicGradeKind, value: ExactDecimal, scaleMaximum: ExactDecimal) {
        self.kind = kind
        self.value = value
        self.scaleMaximum = scaleMaximum
    }
}
