public import Foundation

/// An applicant chose a selection type and formation and started filling in an application (DOMAIN §1.2, flow
/// "choose selection type and formation → fill form → upload"). Documents are uploaded into the application; until
/// ``ApplicationSubmittedV1`` the formation may still change, and the submitted one is authoritative.
public struct ApplicationStartedV1: RecruitmentEvent {
    public static let eventType = "asn.registration.application-started.v1"
    public static let topic = RecruitmentTopic.registration

    /// The application's id: the partition key of everything about it.
    public var applicationId: UUID
    /// The applicant.
    public var applicantId: UUID
    /// The period.
    public var periodId: UUID
    /// The chosen formation.
    public var formationId: UUID
    /// Its kind (umum or a special kind).
    public var formationKind: FormationKind

    /// Creates the value; each parameter is the property of the same name.
    public init(
        applicationId: UUID,
        applicantId: UUID,
        periodId: UUID,
        formationId: UUID,
        formationKind: FormationKind
    ) {
        self.applicationId = applicationId
        self.applicantId = applicantId
        self.periodId = periodId
        self.formationId = formationId
        self.formationKind = formationKind
    }

    /// Partition key: the application id.
    public var partitionKey: String { applicationId.eventKey }

    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension ApplicationStartedV1 {
    public static var example: Self {
        ApplicationStartedV1(
            applicationId: CatalogueExamples.mariaApplicationId,
            applicantId: CatalogueExamples.mariaApplicantId,
            periodId: CatalogueExamples.periodId,
            formationId: CatalogueExamples.formationId,
            formationKind: .umum
        )
    }
}
