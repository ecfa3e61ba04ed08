public import Foundation

/// A verifier recorded the administrative decision MS or TMS for an application (DOMAIN §1.4). It takes effect only
/// when a supervisor countersigns it (``VerificationDecisionCountersignedV1``, four eyes) and may be returned
/// (``VerificationDecisionReturnedV1``).
public struct VerificationDecisionRecordedV1: RecruitmentEvent {
    public static let eventType = "asn.verification.decision-recorded.v1"
    public static let topic = RecruitmentTopic.verification

    /// The decision's id.
    public var decisionId: UUID
    /// The case.
    public var caseId: UUID
    /// The application.
    public var applicationId: UUID
    /// The applicant.
    public var applicantId: UUID
    /// MS or TMS.
    public var outcome: AdministrativeOutcome
    /// For TMS, every unmet requirement with its reason; empty for MS.
    public var unmetRequirements: [UnmetRequirement]
    /// The deciding officer.
    public var verifierId: UUID
    /// Whether the decision waits for a supervisor's countersignature (four eyes) before it is the application's
    /// result. `false`: it is final as recorded (e.g. MS when only TMS decisions need a second pair of eyes). Absent in
    /// events of producers that predate the field, which always required it: read absent as `true`.
    public var requiresCountersignature: Bool?

    /// Creates the value; each parameter is the property of the same name.
    public init(
        decisionId: UUID,
        caseId: UUID,
        applicationId: UUID,
        applicantId: UUID,
        outcome: AdministrativeOutcome,
        unmetRequirements: [UnmetRequirement],
        verifierId: UUID,
        requiresCountersignature: Bool? = nil
    ) {
        self.decisionId = decisionId
        self.caseId = caseId
        self.applicationId = applicationId
        self.applicantId = applicantId
        self.outcome = outcome
        self.unmetRequirements = unmetRequirements
        self.verifierId = verifierId
        self.requiresCountersignature = requiresCountersignature
    }

    /// Whether the decision is final only once countersigned (``requiresCountersignature``, absent read as `true`).
    public var awaitsCountersignature: Bool { requiresCountersignature ?? true }

    /// Partition key: the application id, so each application's verification stays ordered.
    public var partitionKey: String { applicationId.eventKey }

    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension VerificationDecisionRecordedV1 {
    public static var example: Self {
        VerificationDecisionRecordedV1(
            decisionId: CatalogueExamples.decisionId,
            caseId: CatalogueExamples.caseId,
            applicationId: CatalogueExamples.mariaApplicationId,
            applicantId: CatalogueExamples.mariaApplicantId,
            outcome: .tms,
            unmetRequirements: [
                UnmetRequirement(
                    requirementCode: "transkrip-nilai",
                    reasonCode: .unreadable,
                    explanation: "Transkrip nilai halaman 2 tidak terbaca."
                ),
            ],
            verifierId: CatalogueExamples.verifierId,
            requiresCountersignature: true
        )
    }
}
