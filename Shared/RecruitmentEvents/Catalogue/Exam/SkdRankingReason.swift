/// Why a ranking row got its code, so that the public list can say so.
public enum SkdRankingReason: String, SchemaEnumeration, Hashable {
    /// Ranked within 3 × quota.
    case withinCutOff = "within-cut-off"

    /// Fully tied (total, TKP, TIU, TWK) with the last place: all tied applicants go on.
    case tiedAtCutOff = "tied-at-cut-off"

    /// Ranked below 3 × quota after the TKP → TIU → TWK tie-break.
    case outsideCutOff = "outside-cut-off"

    /// Missed a passing-grade component (see the detail).
    case belowPassingGrade = "below-passing-grade"

    /// Did not attend.
    case absent = "absent"

    /// Disqualified (see ``CandidateDisqualifiedV1``).
    case disqualified = "disqualified"
}
