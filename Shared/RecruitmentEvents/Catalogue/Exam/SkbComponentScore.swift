/// One component of an applicant's SKB result (DOMAIN §1.7, §3.2). Raw SKB-CAT → 0–100 normalisation is [UNCONFIRMED],
/// so
/// the raw score and its maximum travel next to the normalised score.
public struct SkbComponentScore: Sendable, Hashable, Codable {
    /// The component.
    public var component: SkbComponent
    /// Its weight in percent, as announced with the formation.
    public var weightPercent: ExactDecimal
    /// The raw score, if the component has one.
    public var rawScore: ExactDecimal?
    /// The raw maximum used for normalisation (per-formation configuration).
    public var rawMaximum: ExactDecimal?
    /// The score on 0–100.
    public var score: ExactDecimal

    /// Creates the value; each parameter is the property of the same name.
    public init(
        component: SkbComponent,
        weightPercent: ExactDecimal,
        rawScore: ExactDecimal? = nil,
        rawMaximum: ExactDecimal? = nil,
        score: ExactDecimal
    ) {
        self.component = component
        self.weightPercent = weightPercent
        self.rawScore = rawScore
        self.rawMaximum = rawMaximum
        self.score = score
    }
}
