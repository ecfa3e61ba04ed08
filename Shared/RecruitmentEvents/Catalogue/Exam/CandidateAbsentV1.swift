public import Foundation

/// A candidate did not attend a session: code TH at the SKD, P/TH at the SKB (DOMAIN §3.1, §3.3).
public struct CandidateAbsentV1: RecruitmentEvent {
    public static let eventType = "asn.exam.candidate-absent.v1"
    public static let topic = RecruitmentTopic.exam

    /// The application.
    public var applicationId: UUID
    /// The applicant.
    public var applicantId: UUID
    /// The missed session.
    public var sessionId: UUID
    /// SKD or SKB.
    public var stage: ExamStage
    /// The participant number.
    public var participantNumber: String

    /// Creates the value; each parameter is the property of the same name.
    public init(applicationId: UUID, applicantId: UUID, sessionId: UUID, stage: ExamStage, participantNumber: String) {
        self.applicationId = applicationId
        self.applicantId = applicantId
        self.sessionId = sessionId
        self.stage = stage
        self.participantNumber = participantNumber
    }

    /// Partition key: the application id.
    public var partitionKey: String { applicationId.eventKey }

    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension CandidateAbsentV1 {
    public static var example: Self {
        CandidateAbsentV1(
            applicationId: CatalogueExamples.simonApplicationId,
            applicantId: CatalogueExamples.simonApplicantId,
            sessionId: CatalogueExamples.skdSessionId,
            stage: .skd,
            participantNumber: "2453710100412"
        )
    }
}
