public import RecruitmentEvents

/// What a candidate's SKB came to, as the final integration sees it (DOMAIN §1.8, §3.3).
public enum FinalSkbOutcome: Sendable, Hashable {
    /// Sat the SKB: SKB₁₀₀ on 0–100, with at most ``IntegrationPolicy/decimals`` decimals (as
    /// ``SkbScheme/score(_:policy:)`` produces it). Ranked.
    case scored(ExactDecimal)

    /// Absent at an SKB stage: final code P/TH, not ranked.
    case absent

    /// Disqualified at the SKB (DOMAIN §5.3): final code DIS, not ranked.
    case disqualified

    /// Withdrew: final code APS, not ranked.
    case withdrawn
}
