public import RecruitmentEvents

/// One component of a formation's SKB as announced with the formation, with its weight (DOMAIN §1.1, §1.7).
public struct SkbSchemeComponent: Sendable, Hashable, Codable {
    /// The component; CAT is mandatory.
    public var component: SkbComponent
    /// Its weight in the SKB score, in percent: more than 0, at most 100, at most 2 decimals.
    public var weightPercent: ExactDecimal
    /// The top of the raw scale when scores arrive raw (e.g. `500` for an SKB-CAT), normalised as raw × 100 / maximum;
    /// `nil` when scores arrive on 0–100. Raw SKB-CAT normalisation is per-formation configuration because the
    /// sources disagree (DOMAIN §3.2 [UNCONFIRMED]). Positive, at most 6 decimals.
    public var rawMaximum: ExactDecimal?

    /// Creates the value; each parameter is the property of the same name.
    public init(component: SkbComponent, weightPercent: ExactDecimal, rawMaximum: ExactDecimal? = nil) {
        self.component = component
        self.weightPercent = weightPercent
        self.rawMaximum = rawMaximum
    }
}
