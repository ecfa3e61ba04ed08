public import Foundation

/// A candidate's SKD result was recorded: the score shown right after the test and on the live scoreboard (DOMAIN §2,
/// §5.1). The passing grade applied (per formation kind, DOMAIN §2.1, §2.2) travels with it so the verdict is
/// checkable. A later event for the same application supersedes it (e.g. a clerical correction).
public struct SkdResultRecordedV1: RecruitmentEvent {
    public static let eventType = "asn.exam.skd-result-recorded.v1"
    public static let topic = RecruitmentTopic.exam

    /// The application.
    public var applicationId: UUID
    /// The applicant.
    public var applicantId: UUID
    /// The formation.
    public var formationId: UUID
    /// Its kind, which selects the passing grade.
    public var formationKind: FormationKind
    /// The participant number.
    public var participantNumber: String
    /// The session, when sat in this period (absent for reused scores).
    public var sessionId: UUID?
    /// TWK, TIU, TKP and total.
    public var scores: SkdScores
    /// Answer sheet, import or reuse of the previous period's score.
    public var source: SkdScoreSource
    /// The import batch or the previous period, if any.
    public var sourceReference: String?
    /// The passing grade applied.
    public var passingGrade: SkdPassingGrade
    /// Whether every set component of the passing grade is met (≥).
    public var meetsPassingGrade: Bool

    /// Creates the value; each parameter is the property of the same name.
    public init(
        applicationId: UUID,
        applicantId: UUID,
        formationId: UUID,
        formationKind: FormationKind,
        participantNumber: String,
        sessionId: UUID? = nil,
        scores: SkdScores,
        source: SkdScoreSource,
        sourceReference: String? = nil,
        passingGrade: SkdPassingGrade,
        meetsPassingGrade: Bool
    ) {
        self.applicationId = applicationId
        self.applicantId = applicantId
        self.formationId = formationId
        self.formationKind = formationKind
        self.participantNumber = participantNumber
        self.sessionId = sessionId
        self.scores = scores
        self.source = source
        self.sourceReference = sourceReference
        self.passingGrade = passingGrade
        self.meetsPassingGrade = meetsPassingGrade
    }

    /// Partition key: the application id.
    public var partitionKey: String { applicationId.eventKey }

    /// Subject: `application/<application id>`.
    public var subject: String { "application/\(applicationId.eventKey)" }
}

extension SkdResultRecordedV1 {
    public static var example: Self {
        SkdResultRecordedV1(
            applicationId: CatalogueExamples.mariaApplicationId,
            applicantId: CatalogueExamples.mariaApplicantId,
            formationId: CatalogueExamples.formationId,
            formationKind: .umum,
            participantNumber: CatalogueExamples.mariaParticipantNumber,
            sessionId: CatalogueExamples.skdSessionId,
            scores: CatalogueExamples.mariaSkdScores,
            source: .answerSheet,
            passingGrade: CatalogueExamples.generalPassingGrade,
            meetsPassingGrade: true
        )
    }
}
