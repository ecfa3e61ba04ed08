import EventStore
import Foundation
import HTTPTypes
import Logging
import Metrics
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Runs the case rules against the stored case and appends what they decide.
///
/// A command reads the case and its version, asks the pure rules (``VerificationCase``) for the events, and appends
/// them with that version, updating the `cases` row in the same transaction. When another request changed the case in
/// between (two verifiers claiming at once) the command is re-run on the fresh state, where the rules see the winner's
/// claim: exactly one of them gets the case.
struct CaseCommands: Sendable {
    let eventStore: EventStore
    let store: CaseStore
    let logger: Logger

    /// Re-runs `attempt` when the case's stream moved under it.
    func retryingOnConflict<T>(_ attempt: () async throws -> T) async throws -> T {
        try await retryingOnConcurrencyConflict(
            exhausted: Problem.conflict(type: "concurrent-change", "The case changed at the same time; try again."),
            attempt)
    }

    /// Loads the case, lets `decide` choose the events, appends them and answers the new state.
    func execute(
        _ caseId: UUID, request: ServiceRequestContext, now: Date = Date(),
        decide: (VerificationCase) async throws -> [any RecruitmentEvent]
    ) async throws -> VerificationCase {
        try await retryingOnConflict {
            guard let loaded = try await store.load(caseId) else {
                throw Problem.notFound("No verification case \(caseId.eventKey).")
            }
            let events = try await decide(loaded.state)
            return try await append(events, to: loaded, request: request, now: now)
        }
    }

    /// Appends `events` after `loaded` and writes the folded state.
    func append(_ events: [any RecruitmentEvent], to loaded: CaseStore.Loaded, request: ServiceRequestContext,
                now: Date) async throws -> VerificationCase
    {
        guard !events.isEmpty else { return loaded.state }
        let (envelopes, state, version) = try loaded.recording(
            events, at: now, correlationId: request.correlationId, traceparent: request.traceparent)
        try await eventStore.append(envelopes, toStream: state.streamId, expectedVersion: loaded.version) {
            connection, _ in
            try await CaseStore.save(state, version: version, at: now, on: connection, logger: self.logger)
        }
        for event in events { Self.count(event) }
        logger.info("verification case updated", metadata: [
            "case_id": "\(state.caseId.eventKey)", "events": "\(events.map { type(of: $0).eventType })",
            "status": "\(state.status.rawValue)",
        ])
        return state
    }

    /// Decisions per verifier and outcome, countersignatures, returns and objections, for `/metrics`.
    static func count(_ event: any RecruitmentEvent) {
        switch event {
        case let recorded as VerificationDecisionRecordedV1:
            Counter(label: "asn_verification_decisions_total", dimensions: [
                ("verifier", recorded.verifierId.eventKey), ("outcome", recorded.outcome.rawValue),
            ]).increment()
        case is VerificationDecisionCountersignedV1:
            Counter(label: "asn_verification_countersignatures_total").increment()
        case is VerificationDecisionReturnedV1:
            Counter(label: "asn_verification_decisions_returned_total").increment()
        case is ObjectionFiledV1:
            Counter(label: "asn_verification_objections_filed_total").increment()
        case let resolved as ObjectionResolvedV1:
            Counter(label: "asn_verification_objections_resolved_total", dimensions: [
                ("outcome", resolved.outcome.rawValue),
            ]).increment()
        default:
            break
        }
    }
}
