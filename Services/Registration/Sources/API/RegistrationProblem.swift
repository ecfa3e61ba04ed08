import Foundation
import HTTPTypes
import RecruitmentEvents
import ServiceKit

/// The registration service's own problem types (besides the shared ones in ServiceKit and the 422 of
/// ``RegistrationValidationError``): each a stable `type`, a status and, where a field is at fault, that field.
enum RegistrationProblem: Error, ProblemConvertible {
    case duplicateAccount
    case duplicateEmail
    case invalidCredentials
    case accountLocked(retryAfterSeconds: Int)
    case tooManyAttempts(retryAfterSeconds: Int)
    case tooManySignUps(retryAfterSeconds: Int)
    case applicationExists(applicationId: UUID)
    case applicationNotDraft(status: String)
    case withdrawalClosed(reason: String)
    case unknownRequirement(code: String)
    case documentRejected(DocumentRejection)
    case concurrentChange

    var problem: Problem {
        switch self {
        case .duplicateAccount:
            Problem(type: "/problems/duplicate-account", title: "An account with this NIK exists", status: .conflict,
                    detail: "One account per NIK (DOMAIN §1.2). If someone else registered your NIK, contact the helpdesk.",
                    errors: [FieldIssue(field: "nik", code: "duplicate-account", message: "already registered")])
        case .duplicateEmail:
            Problem(type: "/problems/duplicate-email", title: "An account with this e-mail address exists",
                    status: .conflict, detail: "Each account needs its own e-mail address.",
                    errors: [FieldIssue(field: "email", code: "duplicate-email", message: "already in use")])
        case .invalidCredentials:
            Problem(type: "/problems/invalid-credentials", title: "Wrong user name or password", status: .unauthorized,
                    detail: "The user name (e-mail address or NIK) or the password is wrong.")
        case .accountLocked(let seconds):
            Self.retryLater(
                Problem(type: "/problems/account-locked", title: "Too many failed logins", status: .tooManyRequests,
                        detail: "This account is locked after repeated failed logins; try again in \(seconds) seconds."),
                seconds: seconds)
        case .tooManyAttempts(let seconds):
            Self.retryLater(
                Problem(type: "/problems/rate-limited", title: "Too many requests", status: .tooManyRequests,
                        detail: "Too many failed logins from this client; try again in \(seconds) seconds."),
                seconds: seconds)
        case .tooManySignUps(let seconds):
            Self.retryLater(
                Problem(type: "/problems/rate-limited", title: "Too many requests", status: .tooManyRequests,
                        detail: "Too many sign-ups from this client; try again in \(seconds) seconds."),
                seconds: seconds)
        case .applicationExists(let id):
            Problem(type: "/problems/application-exists", title: "You already have an application in this period",
                    status: .conflict,
                    detail: "One formation per applicant per period (DOMAIN §1.2): application \(id.eventKey).",
                    errors: [FieldIssue(field: "formationId", code: "one-application-per-period",
                                        message: "you already applied in this period")])
        case .applicationNotDraft(let status):
            Problem(type: "/problems/application-frozen", title: "The application can no longer be changed",
                    status: .conflict,
                    detail: "The application is \(status); submitted data is frozen (DOMAIN §1.2).")
        case .withdrawalClosed(let reason):
            Problem(type: "/problems/withdrawal-closed", title: "The application can no longer be withdrawn",
                    status: .conflict, detail: reason)
        case .unknownRequirement(let code):
            Problem(type: "/problems/unknown-requirement", title: "No such required document", status: .notFound,
                    detail: "The period does not require a document \"\(code)\" for this formation.",
                    errors: [FieldIssue(field: "requirementCode", code: "unknown-requirement",
                                        message: "not a required document of this application")])
        case .documentRejected(let rejection):
            Self.problem(for: rejection)
        case .concurrentChange:
            Problem(type: "/problems/concurrent-change", title: "The application changed meanwhile",
                    status: .conflict, detail: "Another request changed this application at the same time; reload and retry.")
        }
    }

    static func retryLater(_ problem: Problem, seconds: Int) -> Problem {
        var problem = problem
        problem.headers[.retryAfter] = "\(max(1, seconds))"
        return problem
    }

    static func problem(for rejection: DocumentRejection) -> Problem {
        let issue = rejection.issue
        let field = FieldIssue(field: issue.field, code: issue.code, message: issue.message)
        switch rejection {
        case .tooLarge:
            return Problem(type: "/problems/document-too-large", title: "The file is too large",
                           status: .contentTooLarge, detail: issue.message, errors: [field])
        case .wrongFormat:
            return Problem(type: "/problems/document-format", title: "The file is not of an accepted type",
                           status: .unsupportedMediaType, detail: issue.message, errors: [field])
        case .empty, .truncatedPDF:
            return Problem(type: "/problems/document-invalid", title: "The file cannot be accepted",
                           status: .unprocessableContent, detail: issue.message, errors: [field])
        }
    }
}
