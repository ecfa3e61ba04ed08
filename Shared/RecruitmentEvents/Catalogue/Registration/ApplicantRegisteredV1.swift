public import Foundation

/// An applicant created an account (DOMAIN §1.2) and the identity check against the civil registry was done.
///
/// Personal data rule: the account's NIK, KK number, place and date of birth, mobile number, e-mail, password, KTP
/// photo
/// and selfie stay in the registration service. Other services know the applicant only by ``applicantId`` and the name.
public struct ApplicantRegisteredV1: RecruitmentEvent {
    public static let eventType = "asn.registration.applicant-registered.v1"
    public static let topic = RecruitmentTopic.registration

    /// The opaque applicant id used by every other event.
    public var applicantId: UUID
    /// Full name as on the identity card (names are published in result lists anyway).
    public var fullName: String
    /// Whether NIK and KK matched the civil registry (Dukcapil) at registration.
    public var identityVerified: Bool

    /// Creates the value; each parameter is the property of the same name.
    public init(applicantId: UUID, fullName: String, identityVerified: Bool) {
        self.applicantId = applicantId
        self.fullName = fullName
        self.identityVerified = identityVerified
    }

    /// Partition key: the applicant id.
    public var partitionKey: String { applicantId.eventKey }

    /// Subject: `applicant/<applicant id>`.
    public var subject: String { "applicant/\(applicantId.eventKey)" }
}

extension ApplicantRegisteredV1 {
    public static var example: Self {
        ApplicantRegisteredV1(
            applicantId: CatalogueExamples.mariaApplicantId,
            fullName: "Maria Goreti Fanggidae",
            identityVerified: true
        )
    }
}
