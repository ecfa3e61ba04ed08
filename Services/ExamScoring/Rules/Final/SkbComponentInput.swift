public import RecruitmentEvents

/// One submitted SKB component result (DOMAIN §1.7, §3.2): either a score already on 0–100 or a raw score that the
/// scheme's raw maximum normalises, never both.
public struct SkbComponentInput: Sendable, Hashable, Codable {
    /// The component.
    public var component: SkbComponent
    /// The score on 0–100, with at most ``IntegrationPolicy/decimals`` decimals.
    public var score: ExactDecimal?
    /// The raw score, 0 up to the scheme's ``SkbSchemeComponent/rawMaximum``, at most 6 decimals.
    public var rawScore: ExactDecimal?

    /// Creates the value; each parameter is the property of the same name.
    public init(component: SkbComponent, score: ExactDecimal? = nil, rawScore: ExactDecimal? = nil) {
        self.component = component
        self.score = score
        self.rawScore = rawScore
    }
}
