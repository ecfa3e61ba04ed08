public import RecruitmentEvents

/// The level of the hiring agency (instansi), which sets the limits on SKB components (DOMAIN §1.7).
public enum AgencyLevel: String, SchemaEnumeration, Hashable {
    /// A ministry or other national agency: CAT ≥ 50% of the SKB, interview ≤ 30%, competency certificate ≤ 20%.
    case central

    /// A province, regency or city: CAT ≥ 60% of the SKB, at most one extra test, and no interview.
    case regional
}
