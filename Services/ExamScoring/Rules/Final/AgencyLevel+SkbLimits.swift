public import RecruitmentEvents

extension AgencyLevel {
    /// The least weight of the mandatory CAT in the SKB, in percent: 50 central, 60 regional (DOMAIN §1.7).
    public var minimumCatWeightPercent: ExactDecimal {
        switch self {
        case .central: ExactDecimal(50)
        case .regional: ExactDecimal(60)
        }
    }

    /// How many components besides CAT the SKB may have: unlimited (`nil`) central, 1 regional (DOMAIN §1.7).
    public var maximumExtraComponents: Int? {
        switch self {
        case .central: nil
        case .regional: 1
        }
    }

    /// Whether the agency may use the component at all: a regional agency may not interview (DOMAIN §1.7).
    public func allows(_ component: SkbComponent) -> Bool {
        !(self == .regional && component == .wawancara)
    }

    /// The cap on a component's weight in percent, if any below 100: central interview 30, central competency
    /// certificate 20 (DOMAIN §1.7). A regional extra test is capped by the CAT minimum (at most 40).
    public func maximumWeightPercent(of component: SkbComponent) -> ExactDecimal? {
        switch (self, component) {
        case (.central, .wawancara): ExactDecimal(30)
        case (.central, .sertifikatKompetensi): ExactDecimal(20)
        default: nil
        }
    }
}
