/// A requirement a TMS decision names as not met (DOMAIN §1.4: a TMS result must state the unmet requirement).
public struct UnmetRequirement: Sendable, Hashable, Codable {
    /// The ``RequiredDocument/code`` of a submitted document, or a general requirement: `kualifikasi-pendidikan`,
    /// `akreditasi` or `usia`.
    public var requirementCode: String
    /// Why it is not met.
    public var reasonCode: RequirementFailureReason
    /// The explanation shown to the applicant and used in the objection form.
    public var explanation: String

    /// Creates the value; each parameter is the property of the same name.
    public init(requirementCode: String, reasonCode: RequirementFailureReason, explanation: String) {
        self.requirementCode = requirementCode
        self.reasonCode = reasonCode
        self.explanation = explanation
    }
}
