public import RecruitmentEvents

/// The SKB components of one formation and their weights, checked against the limits of the agency level
/// (DOMAIN §1.7). Built only by ``validated(_:agency:)`` (decoding validates too), so a scheme in hand always obeys
/// DOMAIN §1.7. Components are kept CAT first, then in the announced order.
public struct SkbScheme: Sendable, Hashable, Codable {
    /// The components, CAT first; no component twice; weights sum to 100.
    public let components: [SkbSchemeComponent]
    /// The agency level whose limits the scheme was checked against.
    public let agency: AgencyLevel

    /// Wraps components that ``validated(_:agency:)`` has checked and ordered.
    init(checkedComponents components: [SkbSchemeComponent], agency: AgencyLevel) {
        self.components = components
        self.agency = agency
    }

    /// The scheme's entry for a component, if the scheme has it.
    public func component(_ component: SkbComponent) -> SkbSchemeComponent? {
        components.first { $0.component == component }
    }

    /// The components and weights as they travel in events (``SkbComponentWeight``), CAT first.
    public var weights: [SkbComponentWeight] {
        components.map { SkbComponentWeight(component: $0.component, weightPercent: $0.weightPercent) }
    }
}
