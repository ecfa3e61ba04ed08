/// Why a document or requirement was not accepted by a verifier (DOMAIN §1.3, §1.4).
public enum RequirementFailureReason: String, SchemaEnumeration, Hashable {
    /// The document was not uploaded.
    case missing = "missing"

    /// The scan cannot be read.
    case unreadable = "unreadable"

    /// Another document was uploaded in its place.
    case wrongDocument = "wrong-document"

    /// Not a scan of the original.
    case notOriginal = "not-original"

    /// Pages or parts are missing.
    case incomplete = "incomplete"

    /// Signature, stamp or e-meterai missing.
    case missingSignatureOrStamp = "missing-signature-or-stamp"

    /// Data disagree with the application (e.g. name differs from the diploma).
    case dataMismatch = "data-mismatch"

    /// Education level or major not among those of the formation.
    case educationMismatch = "education-mismatch"

    /// Accreditation below what the formation requires.
    case accreditationInsufficient = "accreditation-insufficient"

    /// Outside the formation's age limits (checked by registration).
    case ageOutOfRange = "age-out-of-range"

    /// The document is no longer valid (e.g. STR).
    case expired = "expired"

    /// Another reason, explained in the free text.
    case other = "other"
}
