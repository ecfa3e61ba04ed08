import EventStore
import Foundation
import Logging
import Metrics
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// The feedback commands. Each appends its event to the stream `feedback-<id>` and updates the `feedback` row in the
/// same transaction (the outbox relay publishes the event to `recruitment.announcement`), so a refused command changes
/// nothing and an accepted one is readable at once.
struct FeedbackCommands: Sendable {
    let postgres: PostgresClient
    let eventStore: EventStore
    let logger: Logger

    static func streamId(_ feedbackId: UUID) -> String { "feedback-\(feedbackId.eventKey)" }

    /// Stores validated feedback as `received` and returns the sender's receipt.
    func submit(_ submission: FeedbackSubmission, context: FeedbackCommandContext) async throws -> FeedbackReceipt {
        let event = FeedbackReceivedV1(
            feedbackId: UUID(), periodId: submission.periodId, category: submission.category,
            reference: submission.reference, message: submission.message, trackingCode: FeedbackTrackingCode.make())
        try await PostgresTransaction.run(on: postgres, logger: logger) { connection in
            _ = try await append(event, to: event.feedbackId, after: 0, context: context, on: connection)
            try await connection.query(
                """
                INSERT INTO feedback (feedback_id, tracking_code, period_id, category, reference, message, state,
                                      received_at, stream_version)
                VALUES (\(event.feedbackId), \(event.trackingCode), \(event.periodId), \(event.category.rawValue),
                        \(event.reference), \(event.message), 'received', \(context.now), 1)
                """, logger: logger)
        }
        Counter(label: "asn_announcements_feedback_received_total",
                dimensions: [("category", event.category.rawValue)]).increment()
        logger.info("feedback received", metadata: [
            "feedback_id": "\(event.feedbackId.eventKey)", "category": "\(event.category.rawValue)",
        ])
        return FeedbackReceipt(feedbackId: event.feedbackId, trackingCode: event.trackingCode, state: .received)
    }

    /// Publishes or rejects feedback still waiting for moderation (409 otherwise, 404 for an unknown id).
    func moderate(_ feedbackId: UUID, _ request: ModerateFeedbackRequest, context: FeedbackCommandContext)
        async throws -> FeedbackRecord
    {
        let reason = try FeedbackOfficerText.publicReason(request.publicReason, decision: request.state)
        let record = try await PostgresTransaction.run(on: postgres, logger: logger) { connection in
            let current = try await locked(feedbackId, on: connection)
            guard current.state.canBeModerated else {
                throw FeedbackProblem.invalidTransition(current: current.state, action: request.state.rawValue)
            }
            let event = FeedbackModeratedV1(
                feedbackId: feedbackId, decision: request.state, publicReason: reason,
                moderatedBy: context.actor ?? UUID.minimum)
            let version = try await append(event, to: feedbackId, after: current.streamVersion, context: context,
                                           on: connection)
            let state: FeedbackState = request.state == .published ? .published : .rejected
            try await connection.query(
                """
                UPDATE feedback SET state = \(state.rawValue), listed = \(state == .published),
                    public_reason = \(reason), moderated_by = \(context.actor), moderated_at = \(context.now),
                    stream_version = \(version)
                WHERE feedback_id = \(feedbackId)
                """, logger: logger)
            return try await locked(feedbackId, on: connection)
        }
        Counter(label: "asn_announcements_feedback_moderated_total",
                dimensions: [("decision", request.state.rawValue)]).increment()
        logger.info("feedback moderated", metadata: [
            "feedback_id": "\(feedbackId.eventKey)", "decision": "\(request.state.rawValue)",
        ])
        return record
    }

    /// Records the official answer to feedback that is received or published (409 otherwise, 404 for an unknown id).
    func answer(_ feedbackId: UUID, _ request: AnswerFeedbackRequest, context: FeedbackCommandContext) async throws
        -> FeedbackRecord
    {
        let answer = try FeedbackOfficerText.answer(request.answer)
        let record = try await PostgresTransaction.run(on: postgres, logger: logger) { connection in
            let current = try await locked(feedbackId, on: connection)
            guard current.state.canBeAnswered else {
                throw FeedbackProblem.invalidTransition(current: current.state, action: "answered")
            }
            let event = FeedbackAnsweredV1(
                feedbackId: feedbackId, answer: answer, isPublic: request.isPublic,
                answeredBy: context.actor ?? UUID.minimum)
            let version = try await append(event, to: feedbackId, after: current.streamVersion, context: context,
                                           on: connection)
            try await connection.query(
                """
                UPDATE feedback SET state = 'answered', listed = listed OR \(request.isPublic), answer = \(answer),
                    answer_is_public = \(request.isPublic), answered_by = \(context.actor),
                    answered_at = \(context.now), stream_version = \(version)
                WHERE feedback_id = \(feedbackId)
                """, logger: logger)
            return try await locked(feedbackId, on: connection)
        }
        Counter(label: "asn_announcements_feedback_answered_total",
                dimensions: [("visibility", request.isPublic ? "public" : "sender")]).increment()
        logger.info("feedback answered", metadata: [
            "feedback_id": "\(feedbackId.eventKey)", "public": "\(request.isPublic)",
        ])
        return record
    }

    /// The row of `feedbackId`, locked until the transaction ends, or 404.
    private func locked(_ feedbackId: UUID, on connection: PostgresConnection) async throws -> FeedbackRecord {
        let rows = try await connection.query(
            PostgresQuery(
                unsafeSQL: "SELECT \(FeedbackRecord.columns) FROM feedback WHERE feedback_id = $1 FOR UPDATE",
                binds: { var binds = PostgresBindings(); binds.append(feedbackId); return binds }()),
            logger: logger)
        for try await row in rows { return try FeedbackRecord(row: row) }
        throw FeedbackProblem.unknownFeedback(feedbackId)
    }

    /// Appends `event` as the next version of the feedback's stream; answers the new version.
    private func append(_ event: some RecruitmentEvent, to feedbackId: UUID, after version: Int64,
                        context: FeedbackCommandContext, on connection: PostgresConnection) async throws -> Int64
    {
        let envelope = try EventEnvelope(
            event: event, streamId: Self.streamId(feedbackId), streamVersion: version + 1, time: context.now,
            correlationId: context.correlationId, traceparent: context.traceparent)
        try await eventStore.append([envelope], toStream: Self.streamId(feedbackId), expectedVersion: version,
                                    on: connection)
        return version + 1
    }
}
