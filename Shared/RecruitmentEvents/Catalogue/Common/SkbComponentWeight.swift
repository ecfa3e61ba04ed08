/// One SKB component and its weight as announced with the formation (DOMAIN §1.1: the type and weight of extra tests
/// must be announced).
public struct SkbComponentWeight: Sendable, Hashable, Codable {
    /// The component.
    public var component: SkbComponent
    /// Its weight in the SKB score, in percent; the weights of a formation sum to 100.
    public var weightPercent: ExactDecimal

    /// Creates the value; each parameter is the property of the same name.
    public init(component: SkbComponent, weightPercent: ExactDecimal) {
        self.component = component
        self.weightPercent = weightPercent
    }
}
