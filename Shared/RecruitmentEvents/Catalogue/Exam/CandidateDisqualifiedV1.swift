public import Foundation

/// A candidate was disqualified (code DIS) for cheating, e.g. proxy takers or remote-access software (DOMAIN §5.3).
public struct CandidateDisqualifiedV1: RecruitmentEvent {
    public static let eventType = "asn.exam.candidate-disqualified.v1"
    public static let topic = RecruitmentTopic.exam

    /// The application.
    public var applicationId: UUID
    /// The applicant.
    public var applicantId: UUID
    /// The session concerned, if any (forensics can come later).
    public var sessionId: UUID?
    /// SKD or SKB.
    public var stage: ExamStage
    /// The participant number.
    public var participantNumber: String
    /// The kind of breach.
    public var reasonCode: DisqualificationReason
    /// The public explanation.
    public var reason: String
    /// The deciding exam officer.
    public var decidedBy: UUID

    /// Creates the value; each parameter is the property of the same name.
    public init(
        applicationId: UUID,
        applicantId: UUID,
        sessionId: UUID? = nil,
        stage: ExamStage,
        participantNumber: String,
        reasonCode: DisqualificationReason,
        reason: String,
        decidedBy: UUID
    ) {
        self.applicationId = applicationId
        self.applicantId = applicantId
        self.sessionId = sessionId
        self.stage = stage
        self.participantNumber = participantNumber
        self.reasonCode = reasonCode
        self.reason = reason
        self.decidedBy = decidedBy
    }

    /// Partition key: the application id.
    public var partitionKey: String { applicationId.eventKey }

    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension CandidateDisqualifiedV1 {
    public static var example: Self {
        CandidateDisqualifiedV1(
            applicationId: CatalogueExamples.paulusApplicationId,
            applicantId: CatalogueExamples.paulusApplicantId,
            sessionId: CatalogueExamples.skdSessionId,
            stage: .skd,
            participantNumber: "2453710100498",
            reasonCode: .remoteAccess,
            reason: "Perangkat lunak akses jarak jauh ditemukan pada komputer peserta (audit BKN dan BSSN).",
            decidedBy: CatalogueExamples.examOfficerId
        )
    }
}
