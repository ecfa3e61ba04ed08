import ExamScoringRules
import Foundation
import RecruitmentEvents

/// What the exam service knows of one seated candidate when a command runs: the application's facts from intake, the
/// seats and outcomes per stage, and the version of the candidate's stream (`exam-candidate-<application id>`).
struct ExamCandidate: Sendable, Hashable {
    var applicationId: UUID
    var applicantId: UUID
    var participantNumber: String
    var periodId: UUID
    var formationId: UUID
    var formationKind: FormationKind
    var fiscalYear: Int
    var withdrawn: Bool
    /// The session of each stage the candidate is seated for.
    var seats: [ExamStage: UUID]
    /// The outcome already recorded per stage.
    var outcomes: [ExamStage: StageOutcome]
    /// The version of the candidate's stream.
    var version: Int64

    /// The stream of a candidate's exam events.
    static func streamId(_ applicationId: UUID) -> String { "exam-candidate-\(applicationId.eventKey)" }

    var streamId: String { Self.streamId(applicationId) }
}

/// How a stage ended for a candidate (one per stage; a second is refused).
enum StageOutcome: String, Sendable, Hashable, Codable {
    case scored
    case absent
    case disqualified
}
