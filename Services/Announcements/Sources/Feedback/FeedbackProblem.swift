import Foundation
import HTTPTypes
import ServiceKit

/// Why a feedback request was refused; each case is the problem+json the client gets.
enum FeedbackProblem: Error, ProblemConvertible, Equatable {
    /// The client used up its feedback budget (429 with `Retry-After`).
    case rateLimited(retryAfterSeconds: Int)
    /// Free text holds personal data the sender must remove (422 naming each field).
    case personalData([String: [PersonalDataKind]])
    /// No feedback has this id.
    case unknownFeedback(UUID)
    /// No feedback has this tracking code.
    case unknownTrackingCode
    /// The feedback is not in a state that allows the action (409; nothing changed).
    case invalidTransition(current: FeedbackState, action: String)

    var problem: Problem {
        switch self {
        case .rateLimited(let seconds):
            var problem = Problem(
                type: "/problems/rate-limited", title: "Too many requests", status: .tooManyRequests,
                detail: "Too much feedback from this client; try again in \(max(1, seconds)) seconds.")
            problem.headers[.retryAfter] = "\(max(1, seconds))"
            return problem
        case .personalData(let findings):
            let issues = findings.keys.sorted().map { field in
                FieldIssue(field: field, code: "personal-data",
                           message: findings[field, default: []].map(\.advice).joined(separator: "; ")
                               + ": feedback must not carry personal data; your tracking code is how the answer "
                               + "reaches you")
            }
            return Problem(
                type: "/problems/personal-data", title: "The feedback contains personal data",
                status: .unprocessableContent,
                detail: "Remove personal data (NIK or KK numbers, e-mail addresses, phone numbers) and send it again; "
                    + "nothing was stored.",
                errors: issues)
        case .unknownFeedback(let id):
            return Problem.notFound("No feedback \(id.uuidString.lowercased()).")
        case .unknownTrackingCode:
            return Problem.notFound("No feedback has this tracking code.")
        case .invalidTransition(let current, let action):
            return Problem(
                type: "/problems/feedback-state", title: "Not possible in the feedback's current state",
                status: .conflict,
                detail: "The feedback is \(current.rawValue) and cannot be \(action); nothing was changed.")
        }
    }
}
