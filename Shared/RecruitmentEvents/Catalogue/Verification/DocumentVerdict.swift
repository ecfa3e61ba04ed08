/// A verifier's verdict on one document.
public enum DocumentVerdict: String, SchemaEnumeration, Hashable {
    /// The document satisfies its requirement.
    case valid = "valid"

    /// It does not; a single invalid document is enough for TMS (DOMAIN §1.4).
    case invalid = "invalid"
}
