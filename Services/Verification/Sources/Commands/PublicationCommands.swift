import EventStore
import Foundation
import HTTPTypes
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Publishes a formation's administrative results (DOMAIN §1.4-1.5): the initial round once every case of the
/// formation has a final decision, opening the objection window; the after-objection round once the window has
/// closed and every objection is answered. Each round is an event of the stream `administrative-results-<formation>`.
struct PublicationCommands: Sendable {
    let eventStore: EventStore
    let store: CaseStore
    let windows: ObjectionWindowPolicy
    let logger: Logger

    /// The tallies of a formation's cases that publication depends on.
    struct Tally: Codable, Sendable, Equatable {
        /// Cases still in verification or awaiting a countersignature.
        var pending: Int
        var ms: Int
        var tms: Int
        var pendingObjections: Int
    }

    static func streamId(_ formationId: UUID) -> String { "administrative-results-\(formationId.eventKey)" }

    func publish(formation formationId: UUID, round: AdministrativeAnnouncementRound, by officerId: UUID,
                 request: ServiceRequestContext, now: Date) async throws -> PublicationRecord
    {
        guard let formation = try await store.formation(formationId) else {
            throw Problem.notFound("No formation \(formationId.eventKey) is known to the verification service.")
        }
        let published = try await store.publications(formation: formationId)
        let initial = published.first { $0.round == .initial }
        if published.contains(where: { $0.round == round }) {
            throw Problem.conflict(type: "already-published", "The \(round.rawValue) results of this formation are already published.")
        }
        let window: ObjectionWindow?
        let expectedVersion: Int64
        switch round {
        case .initial:
            let zone = try await store.timeZone(period: formation.periodId) ?? TimeDisplay.wib
            window = windows.window(publishedAt: now, timeZone: zone)
            expectedVersion = 0
        case .afterObjection:
            guard let initial, let closesAt = initial.objectionWindow?.closesAt else {
                throw Problem.conflict(type: "results-not-published", "Publish the initial results first.")
            }
            guard now > closesAt else {
                throw Problem.conflict(
                    type: "objection-window-open",
                    "The objection window is open until \(EventTimestamp.string(from: closesAt)); publish after it closes.")
            }
            window = nil
            expectedVersion = 1
        }
        let publicationId = UUID()
        let logger = self.logger
        let record = try await retrying {
            // Counted again inside the append's transaction: no decision can slip in between check and publication.
            let tally = try await self.tally(formation: formationId)
            try Self.check(tally, round: round)
            let event = AdministrativeResultsPublishedV1(
                publicationId: publicationId, periodId: formation.periodId, formationId: formationId, round: round,
                msCount: tally.ms, tmsCount: tally.tms, objectionWindow: window, publishedBy: officerId)
            let envelope = try EventEnvelope(
                event: event, streamId: Self.streamId(formationId), streamVersion: expectedVersion + 1, time: now,
                correlationId: request.correlationId, traceparent: request.traceparent)
            do {
                try await eventStore.append([envelope], toStream: envelope.streamId, expectedVersion: expectedVersion) {
                    connection, _ in
                    guard try await Self.tally(formation: formationId, on: connection, logger: logger) == tally else {
                        throw TallyChanged()
                    }
                    try await connection.query(
                        """
                        INSERT INTO publications (publication_id, formation_id, period_id, round, ms_count, tms_count,
                                                  objection_opens_at, objection_closes_at, answers_due_at,
                                                  published_by, published_at)
                        VALUES (\(publicationId), \(formationId), \(formation.periodId), \(round.rawValue), \(tally.ms),
                                \(tally.tms), \(window?.opensAt), \(window?.closesAt), \(window?.answersDueAt),
                                \(officerId), \(envelope.time))
                        """, logger: logger)
                }
            } catch EventStoreError.concurrencyConflict {
                // Another officer published this round first.
                throw Problem.conflict(
                    type: "already-published", "The \(round.rawValue) results of this formation are already published.")
            }
            return PublicationRecord(
                publicationId: publicationId, formationId: formationId, periodId: formation.periodId, round: round,
                msCount: tally.ms, tmsCount: tally.tms, objectionWindow: window, publishedBy: officerId,
                publishedAt: envelope.time)
        }
        logger.notice("administrative results published", metadata: [
            "formation_id": "\(formationId.eventKey)", "round": "\(round.rawValue)",
            "ms": "\(record.msCount)", "tms": "\(record.tmsCount)",
        ])
        return record
    }

    /// Publication needs every case decided (initial) or every objection answered (after objections), and a result.
    static func check(_ tally: Tally, round: AdministrativeAnnouncementRound) throws {
        if tally.pending > 0 {
            throw Problem.conflict(
                type: "cases-pending",
                "\(tally.pending) case(s) of this formation have no final decision yet; publish when all are decided.")
        }
        if round == .afterObjection && tally.pendingObjections > 0 {
            throw Problem.conflict(
                type: "objections-pending", "\(tally.pendingObjections) objection(s) are not answered yet.")
        }
        if tally.ms + tally.tms == 0 {
            throw Problem.conflict(type: "nothing-to-publish", "This formation has no decided application.")
        }
    }

    func tally(formation formationId: UUID) async throws -> Tally {
        try await store.postgres.withConnection { connection in
            try await Self.tally(formation: formationId, on: connection, logger: logger)
        }
    }

    static func tally(formation formationId: UUID, on connection: PostgresConnection, logger: Logger) async throws
        -> Tally
    {
        let rows = try await connection.query(
            """
            SELECT count(*) FILTER (WHERE status IN ('open', 'claimed', 'awaiting-countersignature'))::int,
                   count(*) FILTER (WHERE final_outcome = 'MS')::int,
                   count(*) FILTER (WHERE final_outcome = 'TMS')::int,
                   count(*) FILTER (WHERE objection_status = 'pending')::int
            FROM cases WHERE formation_id = \(formationId)
            """, logger: logger)
        for try await (pending, ms, tms, objections) in rows.decode((Int, Int, Int, Int).self) {
            return Tally(pending: pending, ms: ms, tms: tms, pendingObjections: objections)
        }
        return Tally(pending: 0, ms: 0, tms: 0, pendingObjections: 0)
    }

    /// Re-runs `attempt` when the tally changed between the check and the append.
    private func retrying<T>(_ attempt: () async throws -> T) async throws -> T {
        for _ in 1..<3 {
            do { return try await attempt() } catch is TallyChanged { continue }
        }
        do {
            return try await attempt()
        } catch is TallyChanged {
            throw Problem.conflict(type: "concurrent-change", "The formation's cases changed meanwhile; try again.")
        }
    }

    private struct TallyChanged: Error {}
}
