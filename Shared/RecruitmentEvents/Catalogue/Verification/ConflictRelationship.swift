/// The kind of conflict of interest an officer declares with an applicant (KKN-free selection, DOMAIN §1).
public enum ConflictRelationship: String, SchemaEnumeration, Hashable {
    /// Family relation.
    case family = "family"

    /// Current or former working relation.
    case work = "work"

    /// Other personal acquaintance.
    case personal = "personal"

    /// Any other conflict.
    case other = "other"
}
