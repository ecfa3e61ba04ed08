/// The answer to an objection (DOMAIN §1.5).
public enum ObjectionOutcome: String, SchemaEnumeration, Hashable {
    /// Accepted: the verifier erred; the decision is corrected (to MS).
    case upheld = "upheld"

    /// Rejected: the decision stands.
    case rejected = "rejected"
}
