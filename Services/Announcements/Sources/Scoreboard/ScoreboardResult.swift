import Foundation
import RecruitmentEvents

/// One public row of the live scoreboard: what the screens outside the exam site show for a participant.
///
/// Only public columns: the participant number, the formation, the session and its site, the SKD sub-scores and the
/// verdict. Never the applicant id, never the free-text reason of a disqualification (only its public code).
struct ScoreboardResult: Codable, Sendable, Equatable {
    /// Increases with every change of any row; the SSE event id and the `after` cursor.
    var sequence: Int64
    var participantNumber: String
    /// Absent for an absence recorded before any result of the candidate.
    var formationId: UUID?
    var formationKind: FormationKind?
    /// The session sat; absent for a score reused from the previous period.
    var sessionId: UUID?
    /// The session's test site code and name, once the session is known.
    var siteCode: String?
    var siteName: String?
    /// TWK, TIU, TKP and total: present when `status` is `scored`.
    var twk: Int?
    var tiu: Int?
    var tkp: Int?
    var total: Int?
    /// Whether every component of the passing grade is met (present when scored).
    var meetsPassingGrade: Bool?
    var status: ScoreboardStatus
    /// The public code of a disqualification.
    var reasonCode: DisqualificationReason?
    /// When the exam service recorded it.
    var recordedAt: Date
}

/// What a scoreboard row says about the candidate.
enum ScoreboardStatus: String, SchemaEnumeration, Hashable {
    /// The SKD result is in (`SkdResultRecordedV1`).
    case scored
    /// Did not attend (code TH).
    case absent
    /// Disqualified (code DIS).
    case disqualified
}

/// A CAT session on the public scoreboard.
struct ScoreboardSession: Codable, Sendable, Equatable {
    var sessionId: UUID
    var periodId: UUID
    var stage: ExamStage
    var siteCode: String?
    var siteName: String
    var siteRegency: String?
    /// E.g. "Sesi 2".
    var label: String
    var startsAt: Date
    var durationMinutes: Int
    var capacity: Int
}
