import EventStore
import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Builds the verification queue from the registration topic (DOMAIN §1.4: verification runs in parallel with
/// registration): every submitted application opens a case (``VerificationCaseOpenedV1`` in the case's own stream),
/// a withdrawal closes it, and periods and formations are kept for time zones and work lists.
///
/// Cases are opened set-based, a whole batch with one insert into the event store and one into `cases`, so a
/// registration peak of many thousand submissions is absorbed quickly. Opening and consuming are one transaction
/// (the runner's), and case ids are derived from application ids: a replay opens nothing twice.
struct CaseIntakeProjection: Sendable {
    let eventStore: EventStore
    /// Consumers per instance (``Projection/consumers``).
    var consumers = 1

    var projection: Projection {
        Projection(
            name: "case-intake", topics: [.registration], consumers: consumers,
            applyAll: { events, connection, logger in
                try await self.apply(events, on: connection, logger: logger)
            },
            reset: { connection, logger in
                // Cases are the service's own write model (their events are in the event store): a rebuild keeps
                // them and re-opening finds them open. Only the catalogue copy is rebuilt.
                try await connection.query("TRUNCATE periods, formations", logger: logger)
            },
            // Submissions are parsed directly (same value or same error as the registry's decoder).
            decode: { envelope, registry in try IntakeCoding.decode(envelope, registry: registry) })
    }

    func apply(_ events: [Projection.DecodedEvent], on connection: PostgresConnection, logger: Logger) async throws
        -> [ApplyOutcome]
    {
        var outcomes: [ApplyOutcome] = []
        outcomes.reserveCapacity(events.count)
        /// Submissions waiting to be opened set-based, with the index of their outcome.
        var pending: [(state: VerificationCase, envelope: EventEnvelope, submission: String, outcome: Int)] = []
        var pendingCases = Set<UUID>()
        func flush() async throws {
            for index in try await open(pending, on: connection, logger: logger) { outcomes[index] = .ignored }
            pending.removeAll()
            pendingCases.removeAll()
        }
        for decoded in events {
            switch decoded.event {
            case let submitted as ApplicationSubmittedV1:
                let caseId = VerificationCase.caseId(forApplication: submitted.applicationId)
                guard pendingCases.insert(caseId).inserted else {
                    outcomes.append(.ignored)
                    continue
                }
                var state = VerificationCase(opening: submitted, submittedAt: decoded.envelope.time, openedAt: Date())
                let envelope = try EventEnvelope(
                    event: state.openedEvent, streamId: state.streamId, streamVersion: 1, time: state.openedAt,
                    correlationId: decoded.envelope.correlationId, causationId: decoded.envelope.id.eventKey,
                    traceparent: decoded.envelope.traceparent)
                // The state records the event's own (millisecond) time, as a replay of the stream would.
                state.openedAt = envelope.time
                // The submission's JSON as it was consumed: the case's initial state, without encoding it again.
                pending.append((state, envelope, String(decoding: decoded.envelope.data, as: UTF8.self), outcomes.count))
                outcomes.append(.applied)
            case let withdrawn as ApplicationWithdrawnV1:
                // The case must exist before it can close: open what is pending first.
                try await flush()
                let closed = try await close(withdrawn, envelope: decoded.envelope, on: connection, logger: logger)
                outcomes.append(closed ? .applied : .ignored)
            case let period as SelectionPeriodOpenedV1:
                try await connection.query(
                    """
                    INSERT INTO periods (period_id, agency_name, name, time_zone)
                    VALUES (\(period.periodId), \(period.agencyName), \(period.name), \(period.timeZone))
                    ON CONFLICT (period_id) DO UPDATE
                    SET agency_name = EXCLUDED.agency_name, name = EXCLUDED.name, time_zone = EXCLUDED.time_zone
                    """, logger: logger)
                outcomes.append(.applied)
            case let formation as FormationPublishedV1:
                try await connection.query(
                    """
                    INSERT INTO formations (formation_id, period_id, position_name, unit_name, kind, quota)
                    VALUES (\(formation.formationId), \(formation.periodId), \(formation.positionName),
                            \(formation.unitName), \(formation.kind.rawValue), \(formation.quota))
                    ON CONFLICT (formation_id) DO UPDATE
                    SET position_name = EXCLUDED.position_name, unit_name = EXCLUDED.unit_name,
                        kind = EXCLUDED.kind, quota = EXCLUDED.quota
                    """, logger: logger)
                outcomes.append(.applied)
            default:
                outcomes.append(.ignored)
            }
        }
        try await flush()
        return outcomes
    }

    /// Opens the cases whose streams do not exist yet; answers the outcome indices of those that already existed (a
    /// replay).
    private func open(_ pending: [(state: VerificationCase, envelope: EventEnvelope, submission: String, outcome: Int)],
                      on connection: PostgresConnection, logger: Logger) async throws -> [Int]
    {
        guard !pending.isEmpty else { return [] }
        let opened = try await eventStore.startStreams(pending.map(\.envelope), on: connection)
        let cases = pending.filter { opened.contains($0.state.streamId) }.map { ($0.state, $0.submission) }
        try await CaseStore.insert(cases, at: Date(), on: connection, logger: logger)
        if cases.count < pending.count {
            logger.debug("submissions already had a case", metadata: ["count": "\(pending.count - cases.count)"])
        }
        return pending.filter { !opened.contains($0.state.streamId) }.map(\.outcome)
    }

    /// Closes the case of a withdrawn application; `false` when there is nothing to close (no case, or closed).
    private func close(_ withdrawn: ApplicationWithdrawnV1, envelope source: EventEnvelope,
                       on connection: PostgresConnection, logger: Logger) async throws -> Bool
    {
        guard let loaded = try await CaseStore.loadForUpdate(
            application: withdrawn.applicationId, on: connection, logger: logger)
        else {
            logger.warning("withdrawal of an application without a case", metadata: [
                "application_id": "\(withdrawn.applicationId.eventKey)",
            ])
            return false
        }
        let events = loaded.state.closeForWithdrawal()
        guard !events.isEmpty else { return false }
        let now = Date()
        let (envelopes, state, version) = try loaded.recording(
            events, at: now, correlationId: source.correlationId, causationId: source.id.eventKey,
            traceparent: source.traceparent)
        try await eventStore.append(
            envelopes, toStream: state.streamId, expectedVersion: loaded.version, on: connection)
        try await CaseStore.save(state, version: version, at: now, on: connection, logger: logger)
        return true
    }
}
