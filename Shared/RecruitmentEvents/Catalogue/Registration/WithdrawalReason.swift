/// Why an application was withdrawn (final code APS, DOMAIN §3.3).
public enum WithdrawalReason: String, SchemaEnumeration, Hashable {
    /// The applicant withdrew.
    case applicantRequest = "applicant-request"

    /// The applicant declined an optimisation placement (DOMAIN §1.9).
    case declinedPlacement = "declined-placement"

    /// Another reason, in the note.
    case other = "other"
}
