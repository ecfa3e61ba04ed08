/// A test site (titik lokasi, "tilok"), e.g. a BKN office or a "mandiri" site such as Politeknik Negeri Kupang
/// (DOMAIN §1.6, §6.1).
public struct ExamSite: Sendable, Hashable, Codable {
    /// The site's code in the exam service, if any.
    public var code: String?
    /// The site's name.
    public var name: String
    /// Street address, for the applicant's card.
    public var address: String?
    /// Regency or city of the site.
    public var regency: String?

    /// Creates the value; each parameter is the property of the same name.
    public init(code: String? = nil, name: String, address: String? = nil, regency: String? = nil) {
        self.code = code
        self.name = name
        self.address = address
        self.regency = regency
    }
}
