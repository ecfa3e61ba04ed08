public import Foundation

/// An applicant withdrew an application (final code APS, DOMAIN §3.3), including declining an optimisation placement
/// (DOMAIN §1.9).
public struct ApplicationWithdrawnV1: RecruitmentEvent {
    public static let eventType = "asn.registration.application-withdrawn.v1"
    public static let topic = RecruitmentTopic.registration

    /// The application.
    public var applicationId: UUID
    /// The applicant.
    public var applicantId: UUID
    /// The period.
    public var periodId: UUID
    /// The formation.
    public var formationId: UUID
    /// Why.
    public var reason: WithdrawalReason
    /// Free text for `other`; never personal data beyond the applicant's own statement.
    public var note: String?

    /// Creates the value; each parameter is the property of the same name.
    public init(
        applicationId: UUID,
        applicantId: UUID,
        periodId: UUID,
        formationId: UUID,
        reason: WithdrawalReason,
        note: String? = nil
    ) {
        self.applicationId = applicationId
        self.applicantId = applicantId
        self.periodId = periodId
        self.formationId = formationId
        self.reason = reason
        self.note = note
    }

    /// Partition key: the application id.
    public var partitionKey: String { applicationId.eventKey }

    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension ApplicationWithdrawnV1 {
    public static var example: Self {
        ApplicationWithdrawnV1(
            applicationId: CatalogueExamples.fransiskaApplicationId,
            applicantId: CatalogueExamples.fransiskaApplicantId,
            periodId: CatalogueExamples.periodId,
            formationId: CatalogueExamples.formationId,
            reason: .applicantRequest,
            note: "Mengundurkan diri karena sudah diterima bekerja di tempat lain."
        )
    }
}
