public import Foundation

/// An applicant submitted ("akhiri pendaftaran") an application before the deadline (DOMAIN §1.2). The data cannot be
/// edited afterwards; verification starts from this snapshot (DOMAIN §1.4).
///
/// It carries what the later stages need: the formation and its kind (passing grade, DOMAIN §2), the education
/// (eligibility) and the GPA or diploma average for the third final tie-break (DOMAIN §3.3). No birth date travels: the
/// fourth tie-break, "older applicant first", can only be decided by the registration service, which alone holds birth
/// dates; the exam service obtains from it just an ordering of the tied applications, never the dates themselves (how
/// that ordering is requested is not part of this catalogue yet).
public struct ApplicationSubmittedV1: RecruitmentEvent {
    public static let eventType = "asn.registration.application-submitted.v1"
    public static let topic = RecruitmentTopic.registration

    /// The application.
    public var applicationId: UUID
    /// The applicant.
    public var applicantId: UUID
    /// The period.
    public var periodId: UUID
    /// The formation applied for (one per period, DOMAIN §1.2).
    public var formationId: UUID
    /// Its kind.
    public var formationKind: FormationKind
    /// The registration number printed on the registration card (may be published).
    public var registrationNumber: String
    /// The name as on the diploma, without titles (DOMAIN §1.2).
    public var applicantName: String
    /// The education applied with.
    public var education: EducationQualification
    /// GPA or average diploma grade, for the final tie-break.
    public var academicGrade: AcademicGrade
    /// The submitted documents (the last upload per requirement).
    public var documents: [SubmittedDocument]

    /// Creates the value; each parameter is the property of the same name.
    public init(
        applicationId: UUID,
        applicantId: UUID,
        periodId: UUID,
        formationId: UUID,
        formationKind: FormationKind,
        registrationNumber: String,
        applicantName: String,
        education: EducationQualification,
        academicGrade: AcademicGrade,
        documents: [SubmittedDocument]
    ) {
        self.applicationId = applicationId
        self.applicantId = applicantId
        self.periodId = periodId
        self.formationId = formationId
        self.formationKind = formationKind
        self.registrationNumber = registrationNumber
        self.applicantName = applicantName
        self.education = education
        self.academicGrade = academicGrade
        self.documents = documents
    }

    /// Partition key: the application id.
    public var partitionKey: String { applicationId.eventKey }

    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension ApplicationSubmittedV1 {
    public static var example: Self {
        ApplicationSubmittedV1(
            applicationId: CatalogueExamples.mariaApplicationId,
            applicantId: CatalogueExamples.mariaApplicantId,
            periodId: CatalogueExamples.periodId,
            formationId: CatalogueExamples.formationId,
            formationKind: .umum,
            registrationNumber: CatalogueExamples.mariaRegistrationNumber,
            applicantName: "Maria Goreti Fanggidae",
            education: EducationQualification(
                level: .s1,
                major: "Teknik Informatika",
                institution: "Universitas Nusa Cendana"
            ),
            academicGrade: AcademicGrade(
                kind: .ipk,
                value: CatalogueExamples.decimal("3.62"),
                scaleMaximum: CatalogueExamples.decimal("4.00")
            ),
            documents: [
                SubmittedDocument(
                    documentId: CatalogueExamples.photoDocumentId,
                    requirementCode: "pas-foto",
                    type: .pasFoto,
                    sha256: CatalogueExamples.photoSha256
                ),
                SubmittedDocument(
                    documentId: CatalogueExamples.selfieDocumentId,
                    requirementCode: "swafoto",
                    type: .swafoto,
                    sha256: CatalogueExamples.selfieSha256
                ),
                SubmittedDocument(
                    documentId: CatalogueExamples.identityCardDocumentId,
                    requirementCode: "ktp",
                    type: .ktp,
                    sha256: CatalogueExamples.identityCardSha256
                ),
                SubmittedDocument(
                    documentId: CatalogueExamples.letterDocumentId,
                    requirementCode: "surat-lamaran",
                    type: .suratLamaran,
                    sha256: CatalogueExamples.letterSha256
                ),
                SubmittedDocument(
                    documentId: CatalogueExamples.diplomaDocumentId,
                    requirementCode: "ijazah",
                    type: .ijazah,
                    sha256: CatalogueExamples.diplomaSha256
                ),
                SubmittedDocument(
                    documentId: CatalogueExamples.transcriptDocumentId,
                    requirementCode: "transkrip-nilai",
                    type: .transkripNilai,
                    sha256: CatalogueExamples.transcriptSha256
                ),
            ]
        )
    }
}
