public import RecruitmentEvents

/// What happened to an applicant at the SKD (DOMAIN §3.1): scored, absent (TH) or disqualified for cheating (DIS).
public enum SkdCandidateOutcome: Sendable, Hashable {
    /// Sat the SKD; the scores should have passed ``SkdScores/validated(twk:tiu:tkp:total:fieldPrefix:)``.
    case scored(SkdScores)
    /// Did not attend (TH).
    case absent
    /// Disqualified (DIS), e.g. a proxy taker or remote-access cheating (DOMAIN §5.3).
    case disqualified
}
