import Foundation
import RecruitmentEvents
import ServiceKit

/// Who and what a feedback command records for: the announcer (none for the public's submissions), the request's
/// correlation, and the command's time.
struct FeedbackCommandContext: Sendable {
    var actor: UUID?
    var correlationId: String?
    var traceparent: String?
    var now: Date = Date()
}

extension ServiceRequestContext {
    /// The command context of this request, on behalf of `actor` (an authenticated announcer) if any.
    func feedbackCommand(_ actor: AuthenticatedIdentity? = nil) -> FeedbackCommandContext {
        FeedbackCommandContext(actor: actor?.accountId, correlationId: correlationId, traceparent: traceparent)
    }
}
