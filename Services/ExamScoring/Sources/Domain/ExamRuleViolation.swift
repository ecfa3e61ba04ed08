import Foundation
import RecruitmentEvents

/// A request that breaks an exam rule: nothing is recorded, and the client gets a problem with a stable type (see
/// `ExamRuleViolation+Problem.swift`).
enum ExamRuleViolation: Error, Equatable, Sendable {
    case unknownParticipant(String)
    case withdrawn(String)
    case notSeated(String, ExamStage)
    case seatedElsewhere(String, ExamStage)
    case alreadyRecorded(String, ExamStage, StageOutcome)
    case unknownPeriod(UUID)
    case unknownFormation(UUID)
    case unknownSession(UUID)
    case unknownPackage(UUID)
    case packageOfAnotherPeriod(UUID)
    case duplicatePackageCode(String)
    case noPassingGrade(String)
    case noSessionsWithSeats(ExamStage, unseated: Int)
    case rankingAlreadyFinalised(UUID)
    case resultsPending(formation: UUID, pending: Int)
    case candidatesNotSeated(formation: UUID, count: Int)
    case noSkbScheme(UUID)
    case skbSchemeLocked(UUID)
    case rankingsMissing([UUID])
    case skbResultsPending([UUID: Int])
    case finalAlreadyComputed([UUID])
    case unbreakableTie(formation: UUID, applications: [UUID])
}
