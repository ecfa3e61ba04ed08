public import Foundation

/// A candidate was given a seat in a session, with the participant number printed on the exam card.
public struct CandidateAssignedV1: RecruitmentEvent {
    public static let eventType = "asn.exam.candidate-assigned.v1"
    public static let topic = RecruitmentTopic.exam

    /// The session.
    public var sessionId: UUID
    /// The application.
    public var applicationId: UUID
    /// The applicant.
    public var applicantId: UUID
    /// The formation.
    public var formationId: UUID
    /// SKD or SKB.
    public var stage: ExamStage
    /// The participant number (nomor peserta; published with results).
    public var participantNumber: String
    /// The seat or computer label.
    public var seat: String

    /// Creates the value; each parameter is the property of the same name.
    public init(
        sessionId: UUID,
        applicationId: UUID,
        applicantId: UUID,
        formationId: UUID,
        stage: ExamStage,
        participantNumber: String,
        seat: String
    ) {
        self.sessionId = sessionId
        self.applicationId = applicationId
        self.applicantId = applicantId
        self.formationId = formationId
        self.stage = stage
        self.participantNumber = participantNumber
        self.seat = seat
    }

    /// Partition key: the application id.
    public var partitionKey: String { applicationId.eventKey }

    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension CandidateAssignedV1 {
    public static var example: Self {
        CandidateAssignedV1(
            sessionId: CatalogueExamples.skdSessionId,
            applicationId: CatalogueExamples.mariaApplicationId,
            applicantId: CatalogueExamples.mariaApplicantId,
            formationId: CatalogueExamples.formationId,
            stage: .skd,
            participantNumber: CatalogueExamples.mariaParticipantNumber,
            seat: "Lab 3 / PC-27"
        )
    }
}
