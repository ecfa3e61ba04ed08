/// The final result code after integration and optimisation (DOMAIN §1.9, §3.3).
public enum FinalResultCode: String, SchemaEnumeration, Hashable {
    /// Passed.
    case passed = "P/L"

    /// Passed after optimisation moved the applicant between formation kinds of the same post and education.
    case passedAfterKindMove = "P/L-1"

    /// Passed after optimisation moved the applicant to another location.
    case passedAfterLocationMove = "P/L-2"

    /// Not within the quota.
    case notWithinQuota = "P/TL"

    /// Absent at an SKB stage.
    case absentFromSkb = "P/TH"

    /// Failed a requirement.
    case requirementNotMet = "TMS"

    /// Also a failed requirement; DOMAIN §3.3 lists TMS-1 without defining how it differs from TMS [UNCONFIRMED].
    case requirementNotMetVariant = "TMS-1"

    /// Withdrew.
    case withdrew = "APS"

    /// Disqualified at the SKB for cheating (``CandidateDisqualifiedV1`` with stage SKB; DOMAIN §5.3). DOMAIN §3.3 lists
    /// no final code for this; the SKD's DIS is reused so the public list says what happened.
    case disqualified = "DIS"
}
