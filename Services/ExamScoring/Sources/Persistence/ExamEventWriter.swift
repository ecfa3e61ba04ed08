import EventStore
import Foundation
import PostgresNIO
import RecruitmentEvents

/// Who and what a command records for: the acting officer, the request's correlation, and the command's time.
struct CommandContext: Sendable {
    var actor: UUID
    var correlationId: String?
    var traceparent: String?
    var now: Date = Date()
}

/// Appends the exam service's events to their streams inside a command's transaction, so the events and the tables
/// that answer queries about them change together; the outbox relay publishes them to `recruitment.exam`.
struct ExamEventWriter: Sendable {
    let eventStore: EventStore

    /// Appends `events` after `version` of `streamId`; answers the stream's new version.
    @discardableResult
    func append(_ events: [any RecruitmentEvent], to streamId: String, after version: Int64, context: CommandContext,
                on connection: PostgresConnection) async throws -> Int64
    {
        guard !events.isEmpty else { return version }
        var envelopes: [EventEnvelope] = []
        envelopes.reserveCapacity(events.count)
        for (offset, event) in events.enumerated() {
            envelopes.append(try EventEnvelope(
                event: event, streamId: streamId, streamVersion: version + Int64(offset) + 1, time: context.now,
                correlationId: context.correlationId, traceparent: context.traceparent))
        }
        try await eventStore.append(envelopes, toStream: streamId, expectedVersion: version, on: connection)
        return version + Int64(events.count)
    }

    /// Starts one stream per event (version 1 each), set-based: a seating of many candidates in one statement.
    func start(_ events: [(streamId: String, event: any RecruitmentEvent)], context: CommandContext,
               on connection: PostgresConnection) async throws
    {
        guard !events.isEmpty else { return }
        var envelopes: [EventEnvelope] = []
        envelopes.reserveCapacity(events.count)
        for (streamId, event) in events {
            envelopes.append(try EventEnvelope(
                event: event, streamId: streamId, streamVersion: 1, time: context.now,
                correlationId: context.correlationId, traceparent: context.traceparent))
        }
        let started = try await eventStore.startStreams(envelopes, on: connection)
        guard started.count == envelopes.count else {
            throw EventStoreError.concurrencyConflict(stream: envelopes[0].streamId, expected: 0, actual: 1)
        }
    }
}
