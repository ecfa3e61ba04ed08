import ExamScoringRules
import Foundation
import HTTPTypes
import RecruitmentEvents
import ServiceKit

extension ExamRuleViolation: ProblemConvertible {
    var problem: Problem {
        switch self {
        case .unknownParticipant(let number):
            .notFound("No seated candidate has participant number \(number).")
        case .withdrawn(let number):
            conflict("candidate-withdrawn", "Participant \(number) withdrew the application; nothing is recorded.")
        case .notSeated(let number, let stage):
            conflict("not-seated", "Participant \(number) has no \(stage.rawValue) seat; only seated candidates get results.")
        case .seatedElsewhere(let number, let stage):
            Problem(type: "/problems/seated-elsewhere", title: "Conflict", status: .conflict,
                    detail: "Participant \(number) sits the \(stage.rawValue) in another session.",
                    errors: [FieldIssue(field: "sessionId", code: "seated-elsewhere", message: "not this candidate's session")])
        case .alreadyRecorded(let number, let stage, let outcome):
            conflict("result-already-recorded",
                     "Participant \(number) already has a \(stage.rawValue) outcome (\(outcome.rawValue)); one per stage.")
        case .unknownPeriod(let id):
            .notFound("No selection period \(id.eventKey) is known to the exam service.")
        case .unknownFormation(let id):
            .notFound("No formation \(id.eventKey) is known to the exam service.")
        case .unknownSession(let id):
            .notFound("No exam session \(id.eventKey).")
        case .unknownPackage(let id):
            Problem(type: "/problems/unknown-package", title: "Unprocessable content", status: .unprocessableContent,
                    detail: "No exam package \(id.eventKey).",
                    errors: [FieldIssue(field: "answerSheet.packageId", code: "unknown", message: "no such package")])
        case .packageOfAnotherPeriod(let id):
            Problem(type: "/problems/unknown-package", title: "Unprocessable content", status: .unprocessableContent,
                    detail: "Exam package \(id.eventKey) belongs to another period.",
                    errors: [FieldIssue(field: "answerSheet.packageId", code: "other-period",
                                        message: "the package is not of this candidate's period")])
        case .duplicatePackageCode(let code):
            Problem(type: "/problems/duplicate-package", title: "Conflict", status: .conflict,
                    detail: "The period already has a package \(code).",
                    errors: [FieldIssue(field: "code", code: "duplicate", message: "already used in this period")])
        case .noPassingGrade(let detail):
            conflict("no-passing-grade", detail + " Configure it in ASN_EXAM_PASSING_GRADES (deploy/README.md).")
        case .noSessionsWithSeats(let stage, let unseated):
            conflict("no-free-seats",
                     "\(unseated) candidates need a \(stage.rawValue) seat but the sessions are full; schedule more.")
        case .rankingAlreadyFinalised(let formation):
            conflict("ranking-finalised", "The SKD ranking of formation \(formation.eventKey) is already finalised.")
        case .resultsPending(let formation, let pending):
            conflict("results-pending",
                     "\(pending) seated candidates of formation \(formation.eventKey) have no outcome yet "
                        + "(score, TH or DIS).")
        case .candidatesNotSeated(let formation, let count):
            conflict("candidates-not-seated",
                     "\(count) candidates of formation \(formation.eventKey) who may sit the exam have no seat yet.")
        case .noSkbScheme(let formation):
            conflict("no-skb-scheme",
                     "Formation \(formation.eventKey) announced no SKB components; set them (PUT …/skb-scheme) first.")
        case .skbSchemeLocked(let formation):
            conflict("skb-scheme-locked",
                     "SKB results of formation \(formation.eventKey) are recorded; its weights can no longer change.")
        case .rankingsMissing(let formations):
            conflict("rankings-missing",
                     "The SKD ranking is not finalised for: \(formations.map(\.eventKey).sorted().joined(separator: ", ")).")
        case .skbResultsPending(let pending):
            conflict("results-pending",
                     "SKB outcomes are missing: " + pending.sorted { $0.key.uuidString < $1.key.uuidString }
                        .map { "\($0.value) in formation \($0.key.eventKey)" }.joined(separator: ", ") + ".")
        case .finalAlreadyComputed(let formations):
            conflict("final-results-computed",
                     "Final results are already computed for: "
                        + formations.map(\.eventKey).sorted().joined(separator: ", ") + ".")
        case .unbreakableTie(let formation, let applications):
            conflict("unbreakable-tie",
                     "In formation \(formation.eventKey), applications "
                        + applications.map(\.eventKey).joined(separator: ", ")
                        + " are equal on every criterion of DOMAIN §3.3 (age included) at the quota boundary; "
                        + "the agency must decide.")
        }
    }

    private func conflict(_ slug: String, _ detail: String) -> Problem {
        Problem(type: "/problems/\(slug)", title: "Conflict", status: .conflict, detail: detail)
    }
}

extension Problem {
    /// 422 with every issue of a rejected sheet, file or scheme as a field error: the officer fixes it in one pass.
    static func scoring(_ error: ScoreValidationError) -> Problem {
        Problem.validation(
            error.issues.map { FieldIssue(field: $0.field, code: $0.code, message: $0.message) },
            status: .unprocessableContent)
    }
}

/// Runs pure scoring code and turns its ``ScoreValidationError`` into the 422 problem.
func scoring<T>(_ body: () throws(ScoreValidationError) -> T) throws(Problem) -> T {
    do {
        return try body()
    } catch {
        throw Problem.scoring(error)
    }
}
