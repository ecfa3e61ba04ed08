import HTTPTypes
import RecruitmentEvents
import ServiceKit

/// Validation of what announcers write for the public (pure): sanitized, within limits, and never a NIK or KK number
/// (a helpdesk's phone number or e-mail address may legitimately appear in an official answer).
enum FeedbackOfficerText {
    static let reasonLength = 5...500
    static let answerLength = 5...4000

    /// The sanitized public reason: required for a rejection, optional otherwise; 422 naming `publicReason`.
    static func publicReason(_ text: String?, decision: FeedbackModerationDecision) throws -> String? {
        let reason = text.map { FeedbackScreening.sanitized($0, keepLineBreaks: true) }.flatMap { $0.isEmpty ? nil : $0 }
        guard let reason else {
            if decision == .rejected {
                throw Problem.validation([FieldIssue(
                    field: "publicReason", code: "required",
                    message: "a rejection needs a public reason (\(reasonLength.lowerBound) to "
                        + "\(reasonLength.upperBound) characters)")], status: .unprocessableContent)
            }
            return nil
        }
        try check(reason, field: "publicReason", length: reasonLength)
        return reason
    }

    /// The sanitized answer; 422 naming `answer`.
    static func answer(_ text: String) throws -> String {
        let answer = FeedbackScreening.sanitized(text, keepLineBreaks: true)
        try check(answer, field: "answer", length: answerLength)
        return answer
    }

    private static func check(_ text: String, field: String, length: ClosedRange<Int>) throws {
        guard length.contains(text.count) else {
            throw Problem.validation([FieldIssue(
                field: field, code: "length", message: "\(length.lowerBound) to \(length.upperBound) characters")],
                status: .unprocessableContent)
        }
        if FeedbackScreening.identityNumbers(in: text) {
            throw FeedbackProblem.personalData([field: [.identityNumber]])
        }
    }
}
