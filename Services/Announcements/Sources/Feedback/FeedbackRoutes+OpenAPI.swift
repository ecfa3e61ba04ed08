import RecruitmentEvents
import ServiceKit

extension FeedbackRoutes {
    /// Describes the feedback operations; `submissionBytes` and `bodyBytes` are the configured body limits.
    static func describe(into document: inout OpenAPIDocument, settings: FeedbackSettings, bodyBytes: Int) {
        document.addTag("feedback", description: "Public feedback and complaints, their moderation and official answers")
        let moderators = OpenAPISecurity.bearer(roles: moderators.map(\.rawValue))
        let window = settings.windowSeconds
        document.add(.post(
            "/v1/feedback", operationId: "submitFeedback",
            summary: "Send feedback or a complaint about an announcement or the process (anonymous)",
            description: "No account and no contact data: keep the `trackingCode` of the receipt to read the answer "
                + "(`GET /v1/feedback/{trackingCode}`). The message (10-2000 characters after trimming; control "
                + "characters are removed) and the reference (at most 200) must not contain personal data: a NIK or "
                + "KK number, an e-mail address or a phone number is refused with 422 naming the field, and nothing "
                + "is stored. Each client address may send \(settings.burst) per \(window) seconds (a token bucket, "
                + "kept per service instance); beyond that 429 with `Retry-After`. Feedback is shown publicly only "
                + "once an announcer publishes it or answers it publicly.",
            tags: ["feedback"],
            body: .json(SubmitFeedbackRequest.self, maxBytes: settings.maxBodyBytes),
            responses: [
                .json(201, FeedbackReceipt.self, description: "Received; keep the tracking code"),
                .problem(413, description: "The body exceeds \(settings.maxBodyBytes) bytes"),
                .problem(422, description: "A field is out of its limits (`/problems/validation-failed`) or "
                    + "carries personal data (`/problems/personal-data`); each field at fault is named"),
                .problem(429, description: "Too much feedback from this client address (`/problems/rate-limited`)")
                    .header("Retry-After", description: "Seconds to wait", type: .integer(minimum: 1), required: true),
            ]))
        document.add(.get(
            "/v1/feedback", operationId: "listPublicFeedback",
            summary: "Published feedback with the official answers given publicly, newest first",
            tags: ["feedback"],
            parameters: [
                .query("periodId", .uuid, description: "Only feedback about this period"),
                .query("category", .enumeration(FeedbackCategory.self), description: "Only this category"),
                .query("cursor", .text(pattern: "^[1-9][0-9]*$"), description: "`nextCursor` of the previous page"),
                .query("limit", .integer(minimum: 1, maximum: 100), description: "Page size (default 20)"),
            ],
            responses: [.json(200, Page<PublicFeedbackItem>.self)]))
        document.add(.get(
            "/v1/feedback/{trackingCode}", operationId: "getFeedbackByTrackingCode",
            summary: "The sender's view of their feedback: its state, the public reason and the answer (also a "
                + "private one)",
            tags: ["feedback"],
            parameters: [.path("trackingCode", .text(minLength: 17, maxLength: 17),
                               description: "The receipt's `FB-XXXX-XXXX-XXXX` (either case)")],
            responses: [.json(200, FeedbackStatusView.self)]))
        document.add(.get(
            "/internal/v1/feedback", operationId: "listFeedbackForModeration",
            summary: "The moderation queue: feedback in one state (default `received`), oldest first",
            tags: ["feedback"],
            parameters: [
                .query("state", .enumeration(FeedbackState.self), description: "Default `received`"),
                .query("cursor", .text(pattern: "^[1-9][0-9]*$"), description: "`nextCursor` of the previous page"),
                .query("limit", .integer(minimum: 1, maximum: 200), description: "Page size (default 50)"),
            ],
            security: moderators,
            responses: [.json(200, Page<ModerationFeedbackItem>.self)]))
        document.add(.post(
            "/internal/v1/feedback/{feedbackId}/moderation", operationId: "moderateFeedback",
            summary: "Publish or reject received feedback (a rejection needs a public reason)",
            description: "Only `received` feedback can be moderated, once; otherwise 409 and nothing changes. "
                + "Recorded as `asn.announcement.feedback-moderated.v1`.",
            tags: ["feedback"], parameters: [.path("feedbackId")],
            body: .json(ModerateFeedbackRequest.self, maxBytes: bodyBytes), security: moderators,
            responses: [.json(200, ModerationFeedbackItem.self)],
            problems: [409, 422]))
        document.add(.post(
            "/internal/v1/feedback/{feedbackId}/answer", operationId: "answerFeedback",
            summary: "Give the official answer, publicly or to the sender only",
            description: "Feedback that is `received` or `published` can be answered, once; a public answer lists "
                + "the feedback with its answer. Otherwise 409 and nothing changes. Recorded as "
                + "`asn.announcement.feedback-answered.v1`.",
            tags: ["feedback"], parameters: [.path("feedbackId")],
            body: .json(AnswerFeedbackRequest.self, maxBytes: bodyBytes), security: moderators,
            responses: [.json(200, ModerationFeedbackItem.self)],
            problems: [409, 422]))
    }
}

extension FeedbackFeature {
    /// Describes the feedback operations with the configured limits.
    func describe(into document: inout OpenAPIDocument) {
        FeedbackRoutes.describe(into: &document, settings: settings, bodyBytes: maxBody)
    }
}
