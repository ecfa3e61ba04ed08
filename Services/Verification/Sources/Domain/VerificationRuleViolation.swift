import Foundation
import HTTPTypes
import RecruitmentEvents
import ServiceKit

/// A request that breaks a verification rule (DOMAIN §1.4-1.5, four eyes, leases): nothing is recorded, and the
/// client gets a problem with a stable type and, for field errors, the field at fault.
enum VerificationRuleViolation: Error, Equatable, Sendable {
    case caseClosed
    case alreadyDecided
    case claimedByAnother(until: Date)
    case ownApplication
    case conflictOfInterest
    case conflictAlreadyDeclared
    case notClaimedByYou
    case leaseExpired(at: Date)
    case documentNotInCase(UUID)
    case documentNotInspected(UUID)
    case documentsNotReviewed([String])
    case invalid(field: String, code: String, message: String)
    case nothingToCountersign
    case ownDecision
    case resultsNotPublished
    case objectionWindowNotOpen(opensAt: Date)
    case objectionWindowClosed(closedAt: Date)
    case objectionOnlyAgainstTMS
    case objectionAlreadyFiled
    case noPendingObjection
    case objectionAlreadyResolved
    case notTheApplicant
}

extension VerificationRuleViolation: ProblemConvertible {
    var problem: Problem {
        switch self {
        case .caseClosed:
            conflict("case-closed", "The application was withdrawn; the case is closed.")
        case .alreadyDecided:
            conflict("case-decided", "The case already has a decision; a supervisor can return it to the queue.")
        case .claimedByAnother(let until):
            conflict("case-claimed", "Another verifier holds this case until \(EventTimestamp.string(from: until)).")
        case .ownApplication:
            forbidden("own-application", "Nobody verifies, countersigns or answers an objection on their own application.")
        case .conflictOfInterest:
            forbidden("conflict-of-interest", "You declared a conflict of interest with this applicant.")
        case .conflictAlreadyDeclared:
            conflict("conflict-already-declared", "You already declared a conflict of interest on this case.")
        case .notClaimedByYou:
            conflict("case-not-claimed", "Claim the case first: only the verifier holding its claim can review or decide it.")
        case .leaseExpired(let at):
            conflict("lease-expired", "Your claim expired at \(EventTimestamp.string(from: at)); claim the case again.")
        case .documentNotInCase(let id):
            Problem(type: "/problems/document-not-in-case", title: "Not found", status: .notFound,
                    detail: "Document \(id.eventKey) is not part of this case.",
                    errors: [FieldIssue(field: "documentId", code: "not-in-case", message: "not a document of this case")])
        case .documentNotInspected(let id):
            conflict("document-not-inspected",
                     "Open document \(id.eventKey) (its bytes are checked against the submitted SHA-256) before judging it.")
        case .documentsNotReviewed(let codes):
            Problem(type: "/problems/documents-not-reviewed", title: "Documents not reviewed", status: .conflict,
                    detail: "Every document needs a verdict before the decision; missing: \(codes.joined(separator: ", ")).",
                    errors: codes.map { FieldIssue(field: "documents.\($0)", code: "not-reviewed", message: "no verdict yet") })
        case .invalid(let field, let code, let message):
            Problem.validation([FieldIssue(field: field, code: code, message: message)], status: .unprocessableContent)
        case .nothingToCountersign:
            conflict("nothing-to-countersign", "The case has no decision awaiting a countersignature.")
        case .ownDecision:
            forbidden("own-decision", "Four eyes: a decision is countersigned or returned by someone other than its verifier.")
        case .resultsNotPublished:
            conflict("results-not-published",
                     "The administrative results of this formation are not published; objections open with them.")
        case .objectionWindowNotOpen(let opensAt):
            conflict("objection-window-not-open", "Objections can be filed from \(EventTimestamp.string(from: opensAt)).")
        case .objectionWindowClosed(let closedAt):
            conflict("objection-window-closed", "The objection window closed at \(EventTimestamp.string(from: closedAt)).")
        case .objectionOnlyAgainstTMS:
            conflict("objection-not-applicable", "Only a TMS result can be objected to.")
        case .objectionAlreadyFiled:
            conflict("objection-already-filed", "An applicant files one objection per selection (DOMAIN §1.5).")
        case .noPendingObjection:
            conflict("no-pending-objection", "This case has no objection to answer.")
        case .objectionAlreadyResolved:
            conflict("objection-already-resolved", "The objection has already been answered.")
        case .notTheApplicant:
            Problem.notFound("No verification of an application of yours.")
        }
    }

    private func conflict(_ slug: String, _ detail: String) -> Problem {
        Problem(type: "/problems/\(slug)", title: "Conflict", status: .conflict, detail: detail)
    }

    private func forbidden(_ slug: String, _ detail: String) -> Problem {
        Problem(type: "/problems/\(slug)", title: "Forbidden", status: .forbidden, detail: detail)
    }
}
