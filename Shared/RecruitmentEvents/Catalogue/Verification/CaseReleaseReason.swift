/// Why a verifier's claim on a case ended without a decision.
public enum CaseReleaseReason: String, SchemaEnumeration, Hashable {
    /// The verifier released the case.
    case released = "released"

    /// The claim's lease ran out.
    case leaseExpired = "lease-expired"
}
