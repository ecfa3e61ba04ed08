/// A document applicants of a period must upload (DOMAIN §1.3), with the limits the registration service enforces.
public struct RequiredDocument: Sendable, Hashable, Codable {
    /// The requirement's code, unique within the period (e.g. `transkrip-nilai`, `str`); uploads, reviews and unmet
    /// requirements refer to it.
    public var code: String
    /// What kind of document it is.
    public var type: DocumentType
    /// The label shown to applicants, e.g. "Transkrip nilai".
    public var label: String
    /// Accepted formats (checked by magic bytes).
    public var acceptedFormats: [DocumentFormat]
    /// Largest accepted file, in bytes (e.g. 500 KB = 512000 for a transcript).
    public var maximumSizeBytes: Int
    /// Whether submission is blocked without it.
    public var mandatory: Bool
    /// Only for these formation kinds (e.g. the doctor's letter for disabilitas); `nil` means every kind.
    public var formationKinds: [FormationKind]?

    /// Creates the value; each parameter is the property of the same name.
    public init(
        code: String,
        type: DocumentType,
        label: String,
        acceptedFormats: [DocumentFormat],
        maximumSizeBytes: Int,
        mandatory: Bool,
        formationKinds: [FormationKind]? = nil
    ) {
        self.code = code
        self.type = type
        self.label = label
        self.acceptedFormats = acceptedFormats
        self.maximumSizeBytes = maximumSizeBytes
        self.mandatory = mandatory
        self.formationKinds = formationKinds
    }
}
