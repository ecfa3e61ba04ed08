import Foundation
import HTTPTypes
import RecruitmentEvents
import ServiceKit

/// A submission that passed validation and screening (pure): sanitized text within its limits, without personal data.
struct FeedbackSubmission: Sendable, Equatable {
    static let messageLength = 10...2000
    static let referenceLength = 200

    var category: FeedbackCategory
    var periodId: UUID?
    var reference: String?
    var message: String

    /// Validates `request`: 422 naming each field out of its limits, then 422 (`/problems/personal-data`) naming each
    /// field that carries personal data. Nothing of the text reaches the error but the kinds found.
    static func validate(_ request: SubmitFeedbackRequest) throws -> FeedbackSubmission {
        let message = FeedbackScreening.sanitized(request.message, keepLineBreaks: true)
        let reference = request.reference.map { FeedbackScreening.sanitized($0, keepLineBreaks: false) }
        var issues: [FieldIssue] = []
        if !messageLength.contains(message.count) {
            issues.append(FieldIssue(
                field: "message", code: "length",
                message: "\(messageLength.lowerBound) to \(messageLength.upperBound) characters (after trimming); "
                    + "got \(message.count)"))
        }
        if let reference, reference.count > referenceLength {
            issues.append(FieldIssue(field: "reference", code: "length",
                                     message: "at most \(referenceLength) characters"))
        }
        guard issues.isEmpty else { throw Problem.validation(issues, status: .unprocessableContent) }
        var findings: [String: [PersonalDataKind]] = [:]
        let inMessage = FeedbackScreening.personalData(in: message)
        if !inMessage.isEmpty { findings["message"] = inMessage }
        if let reference {
            let inReference = FeedbackScreening.personalData(in: reference)
            if !inReference.isEmpty { findings["reference"] = inReference }
        }
        guard findings.isEmpty else { throw FeedbackProblem.personalData(findings) }
        return FeedbackSubmission(
            category: request.category, periodId: request.periodId,
            reference: reference?.isEmpty == false ? reference : nil, message: message)
    }
}
