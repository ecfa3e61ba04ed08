public import Foundation

/// A submitted application entered administrative verification (DOMAIN §1.4: verification runs in parallel with
/// registration). Opened on ``ApplicationSubmittedV1``.
public struct VerificationCaseOpenedV1: RecruitmentEvent {
    public static let eventType = "asn.verification.case-opened.v1"
    public static let topic = RecruitmentTopic.verification

    /// The case's id.
    public var caseId: UUID
    /// The application.
    public var applicationId: UUID
    /// The applicant.
    public var applicantId: UUID
    /// The period.
    public var periodId: UUID
    /// The formation applied for.
    public var formationId: UUID
    /// Its kind (decides the special documents to check).
    public var formationKind: FormationKind
    /// The registration number, for the officers' work lists.
    public var registrationNumber: String
    /// The submitted documents to review.
    public var documentIds: [UUID]

    /// Creates the value; each parameter is the property of the same name.
    public init(
        caseId: UUID,
        applicationId: UUID,
        applicantId: UUID,
        periodId: UUID,
        formationId: UUID,
        formationKind: FormationKind,
        registrationNumber: String,
        documentIds: [UUID]
    ) {
        self.caseId = caseId
        self.applicationId = applicationId
        self.applicantId = applicantId
        self.periodId = periodId
        self.formationId = formationId
        self.formationKind = formationKind
        self.registrationNumber = registrationNumber
        self.documentIds = documentIds
    }

    /// Partition key: the application id, so each application's verification stays ordered.
    public var partitionKey: String { applicationId.eventKey }

    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension VerificationCaseOpenedV1 {
    public static var example: Self {
        VerificationCaseOpenedV1(
            caseId: CatalogueExamples.caseId,
            applicationId: CatalogueExamples.mariaApplicationId,
            applicantId: CatalogueExamples.mariaApplicantId,
            periodId: CatalogueExamples.periodId,
            formationId: CatalogueExamples.formationId,
            formationKind: .umum,
            registrationNumber: CatalogueExamples.mariaRegistrationNumber,
            documentIds: [
                CatalogueExamples.photoDocumentId, CatalogueExamples.selfieDocumentId,
                CatalogueExamples.identityCardDocumentId, CatalogueExamples.letterDocumentId,
                CatalogueExamples.diplomaDocumentId, CatalogueExamples.transcriptDocumentId,
            ]
        )
    }
}
