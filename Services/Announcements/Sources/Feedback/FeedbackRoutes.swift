import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Metrics
import RecruitmentEvents
import ServiceKit

/// The feedback channel (issue "public feedback"):
///
/// - `POST /v1/feedback` (public, size- and rate-limited, screened for personal data), `GET /v1/feedback/{trackingCode}`
///   (the sender's view) and `GET /v1/feedback` (published feedback with public answers, newest first, paged);
/// - for announcers and administrators: `GET /internal/v1/feedback?state=` (the moderation queue, oldest first),
///   `POST /internal/v1/feedback/{feedbackId}/moderation` and `POST /internal/v1/feedback/{feedbackId}/answer`.
struct FeedbackRoutes: Sendable {
    let commands: FeedbackCommands
    let store: FeedbackStore
    let limiter: FeedbackRateLimiter
    /// Limit of a submission's body.
    let maxSubmissionBytes: Int
    /// Limit of the announcers' bodies.
    let maxBody: Int
    let logger: Logger

    /// Who moderates and answers feedback.
    static let moderators: [Role] = [.announcer, .admin]

    func register(on router: Router<ServiceRequestContext>) {
        router.post("/v1/feedback") { request, context in
            JSONResponse(value: try await self.submit(request, context: context), status: .created)
        }
        router.get("/v1/feedback") { request, _ in
            JSONResponse(value: try await self.publicList(request))
        }
        router.get("/v1/feedback/:trackingCode") { _, context in
            guard let code = context.parameters.get("trackingCode").flatMap(FeedbackTrackingCode.normalized) else {
                throw Problem.invalidField("trackingCode", code: "format", "a tracking code like FB-XXXX-XXXX-XXXX")
            }
            guard let record = try await self.store.record(trackingCode: code) else {
                throw FeedbackProblem.unknownTrackingCode
            }
            return JSONResponse(value: record.statusView)
        }
        router.get("/internal/v1/feedback") { request, context in
            _ = try context.requireRole(Self.moderators)
            return JSONResponse(value: try await self.queue(request))
        }
        router.post("/internal/v1/feedback/:feedbackId/moderation") { request, context in
            let officer = try context.requireRole(Self.moderators)
            let feedbackId = try context.uuidParameter("feedbackId")
            let body = try await request.decodeJSON(ModerateFeedbackRequest.self, maxBytes: self.maxBody)
            let record = try await self.commands.moderate(
                feedbackId, body, context: context.feedbackCommand(officer))
            return JSONResponse(value: record.moderationItem)
        }
        router.post("/internal/v1/feedback/:feedbackId/answer") { request, context in
            let officer = try context.requireRole(Self.moderators)
            let feedbackId = try context.uuidParameter("feedbackId")
            let body = try await request.decodeJSON(AnswerFeedbackRequest.self, maxBytes: self.maxBody)
            let record = try await self.commands.answer(feedbackId, body, context: context.feedbackCommand(officer))
            return JSONResponse(value: record.moderationItem)
        }
    }

    /// The submission: refused early while the client's budget is empty (without reading the body), then decoded
    /// within the size limit, validated and screened, and only then charged to the client's budget.
    func submit(_ request: Request, context: ServiceRequestContext) async throws -> FeedbackReceipt {
        // The real client behind trusted proxies (ASN_HTTP_TRUSTED_PROXIES, ServiceKit's ClientAddressMiddleware).
        let client = context.clientAddress
        if let wait = limiter.retryAfter(client) { throw refused(.rateLimited(retryAfterSeconds: seconds(wait))) }
        let body = try await request.decodeJSON(SubmitFeedbackRequest.self, maxBytes: maxSubmissionBytes)
        let submission: FeedbackSubmission
        do {
            submission = try FeedbackSubmission.validate(body)
        } catch let problem as FeedbackProblem {
            throw refused(problem)
        }
        if let wait = limiter.take(client) { throw refused(.rateLimited(retryAfterSeconds: seconds(wait))) }
        return try await commands.submit(submission, context: context.feedbackCommand())
    }

    func publicList(_ request: Request) async throws -> Page<PublicFeedbackItem> {
        let limit = try request.pageLimit(default: 20, range: 1...100)
        let period = try request.uuidQueryParameter("periodId")
        let category = try Self.enumeration("category", FeedbackCategory.self, in: request)
        let records = try await store.listed(
            period: period, category: category, before: try Self.cursor(request), limit: limit + 1)
        return Self.page(records, limit: limit, item: \.publicItem)
    }

    func queue(_ request: Request) async throws -> Page<ModerationFeedbackItem> {
        let limit = try request.pageLimit(default: 50, range: 1...200)
        let state = try Self.enumeration("state", FeedbackState.self, in: request) ?? .received
        let records = try await store.queue(state: state, after: try Self.cursor(request), limit: limit + 1)
        return Self.page(records, limit: limit, item: \.moderationItem)
    }

    /// The page of the first `limit` of `records` (read with one extra to know whether more follow); the cursor is
    /// the sequence of the last record kept.
    static func page<Item: Codable & Sendable>(_ records: [FeedbackRecord], limit: Int,
                                               item: (FeedbackRecord) -> Item) -> Page<Item> {
        let kept = records.prefix(limit)
        let next = records.count > limit ? kept.last.map { String($0.sequence) } : nil
        return Page(items: kept.map(item), nextCursor: next)
    }

    /// The `cursor` query parameter (the position of the last item of the previous page), or 400 naming it.
    static func cursor(_ request: Request) throws -> Int64? {
        guard let raw = request.uri.queryParameters["cursor"] else { return nil }
        guard let value = Int64(String(raw)), value > 0 else {
            throw Problem.invalidField("cursor", code: "cursor-format", "a cursor from a previous page")
        }
        return value
    }

    /// The query parameter `name` as one of `type`'s values, `nil` when absent, or 400 naming it.
    static func enumeration<E: SchemaEnumeration>(_ name: String, _ type: E.Type, in request: Request) throws -> E? {
        guard let raw = request.uri.queryParameters[Substring(name)] else { return nil }
        guard let value = E(rawValue: String(raw)) else {
            throw Problem.invalidField(
                name, code: "enum", "one of " + E.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    /// Counts a refusal by reason (`asn_announcements_feedback_refused_total`). Refusals are logged at debug level
    /// only, with the fields and kinds but never the text, so a flood of refused requests cannot flood the log.
    private func refused(_ problem: FeedbackProblem) -> FeedbackProblem {
        let reason: String
        switch problem {
        case .rateLimited: reason = "rate-limited"
        case .personalData(let findings):
            reason = "personal-data"
            logger.debug("feedback refused: personal data", metadata: [
                "fields": "\(findings.keys.sorted())",
                "kinds": "\(Set(findings.values.joined()).map(\.rawValue).sorted())",
            ])
        default: reason = "other"
        }
        Counter(label: "asn_announcements_feedback_refused_total", dimensions: [("reason", reason)]).increment()
        return problem
    }

    private func seconds(_ wait: Duration) -> Int { max(1, Int(wait.components.seconds)) }
}

