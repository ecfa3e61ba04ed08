/// Why a verification case was closed without an administrative result.
public enum CaseClosureReason: String, SchemaEnumeration, Hashable {
    /// The applicant withdrew the application (``ApplicationWithdrawnV1``) before a decision.
    case applicationWithdrawn = "application-withdrawn"
}
