/// The SKD passing grade (nilai ambang batas, NAB) applied to an applicant's formation kind (DOMAIN §2.1, §2.2). A
/// `nil` component has no minimum: the general formation sets TWK, TIU and TKP (65/80/166 in 2021–2024) and no total;
/// special formations set a total and a TIU floor only. Meeting means ≥ every set component.
public struct SkdPassingGrade: Sendable, Hashable, Codable {
    /// Minimum TWK, if any.
    public var twk: Int?
    /// Minimum TIU, if any.
    public var tiu: Int?
    /// Minimum TKP, if any.
    public var tkp: Int?
    /// Minimum total, if any.
    public var total: Int?

    /// Creates the value; each parameter is the property of the same name.
    public init(twk: Int? = nil, tiu: Int? = nil, tkp: Int? = nil, total: Int? = nil) {
        self.twk = twk
        self.tiu = tiu
        self.tkp = tkp
        self.total = total
    }
}
