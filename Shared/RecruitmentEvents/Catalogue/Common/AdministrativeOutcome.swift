/// The result of the administrative selection (DOMAIN §1.4).
public enum AdministrativeOutcome: String, SchemaEnumeration, Hashable {
    /// Memenuhi syarat: meets the requirements.
    case ms = "MS"

    /// Tidak memenuhi syarat: does not; the unmet requirement must be stated.
    case tms = "TMS"
}
