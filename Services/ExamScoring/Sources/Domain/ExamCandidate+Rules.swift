import Foundation
import RecruitmentEvents

extension ExamCandidate {
    /// Whether a stage outcome (a score, an absence, a disqualification) may be recorded: the candidate is seated for
    /// the stage, has not withdrawn, and has no outcome for it yet (DOMAIN §1.6-1.7; a correction is a separate act).
    func checkCanRecord(_ stage: ExamStage) throws(ExamRuleViolation) {
        guard !withdrawn else { throw .withdrawn(participantNumber) }
        guard seats[stage] != nil else { throw .notSeated(participantNumber, stage) }
        if let outcome = outcomes[stage] { throw .alreadyRecorded(participantNumber, stage, outcome) }
    }

    /// The session a result of `stage` belongs to; the candidate must be seated there when one is named.
    func session(for stage: ExamStage, named sessionId: UUID?) throws(ExamRuleViolation) -> UUID? {
        let seated = seats[stage]
        if let sessionId, sessionId != seated { throw .seatedElsewhere(participantNumber, stage) }
        return seated
    }
}
