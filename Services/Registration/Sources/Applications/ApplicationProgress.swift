import Foundation
import RecruitmentEvents

/// Turns an application's stored state into what its applicant sees. Pure.
enum ApplicationProgress {
    static func verification(_ record: ApplicationRecord, resultsPublishedAt: Date?) -> VerificationProgress {
        let objection = record.objection.map {
            ObjectionProgress(filedAt: $0.filedAt, status: $0.resolvedAt == nil ? "filed" : "resolved",
                              outcome: $0.outcome, answer: $0.answer, resolvedAt: $0.resolvedAt)
        }
        guard let resultsPublishedAt, let decision = record.verificationDecision else {
            return VerificationProgress(
                stage: record.verificationStartedAt == nil ? "not-started" : "in-review",
                startedAt: record.verificationStartedAt, resultsPublishedAt: nil, outcome: nil,
                unmetRequirements: nil, objection: objection)
        }
        let outcome = record.objection?.resultingOutcome ?? decision.outcome
        return VerificationProgress(
            stage: "published", startedAt: record.verificationStartedAt, resultsPublishedAt: resultsPublishedAt,
            outcome: outcome, unmetRequirements: outcome == .tms ? decision.unmetRequirements : [],
            objection: objection)
    }

    static func history(_ record: ApplicationRecord, resultsPublishedAt: Date?) -> [ApplicationStep] {
        var steps: [ApplicationStep] = []
        if let at = record.startedAt { steps.append(.init(at: at, step: "started")) }
        if let at = record.submittedAt { steps.append(.init(at: at, step: "submitted")) }
        if let at = record.withdrawnAt { steps.append(.init(at: at, step: "withdrawn")) }
        if let at = record.verificationStartedAt { steps.append(.init(at: at, step: "verification-started")) }
        if let at = resultsPublishedAt, record.verificationDecision != nil {
            steps.append(.init(at: at, step: "results-published"))
        }
        if let objection = record.objection {
            steps.append(.init(at: objection.filedAt, step: "objection-filed"))
            if let at = objection.resolvedAt { steps.append(.init(at: at, step: "objection-resolved")) }
        }
        return steps.sorted { $0.at < $1.at }
    }
}
