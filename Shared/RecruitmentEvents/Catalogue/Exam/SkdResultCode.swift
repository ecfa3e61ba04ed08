/// The SKD result code of a ranked applicant (DOMAIN §3.1).
public enum SkdResultCode: String, SchemaEnumeration, Hashable {
    /// Met the passing grade and within 3 × quota (ties at the boundary included): goes to SKB.
    case passedToSkb = "P/L"

    /// Met the passing grade but ranked outside 3 × quota.
    case passedOutsideQuota = "P"

    /// Below the passing grade.
    case belowPassingGrade = "TL"

    /// Absent.
    case absent = "TH"

    /// Disqualified.
    case disqualified = "DIS"
}
