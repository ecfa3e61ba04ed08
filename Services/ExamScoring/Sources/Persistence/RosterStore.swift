import EventStore
import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Rosters and exam cards: who sits where, with which participant number, and what was recorded.
struct RosterStore: Sendable {
    /// One seated candidate of a session.
    struct Entry: Codable, Sendable {
        var participantNumber: String
        var applicationId: UUID
        var registrationNumber: String
        var applicantName: String
        var formationId: UUID
        var seat: String
        var withdrawn: Bool
        /// `scored`, `absent`, `disqualified`, or absent while nothing is recorded.
        var outcome: String?
        /// The SKD scores, when this is an SKD session and they are recorded.
        var skdScores: SkdScores?
        /// The SKB score on 0-100, when this is an SKB session and it is recorded.
        var skbScore: ExactDecimal?
    }

    /// An applicant's own exam card: the seats and outcomes of one application.
    struct Card: Codable, Sendable {
        struct Seat: Codable, Sendable {
            var stage: ExamStage
            var seat: String
            var session: SessionView
            var outcome: String?
        }

        var applicationId: UUID
        var participantNumber: String
        var formationId: UUID
        var seats: [Seat]
    }

    let postgres: PostgresClient
    let logger: Logger

    func roster(of sessionId: UUID, limit: Int, after seat: String?) async throws -> [Entry] {
        let rows = try await postgres.query(
            """
            SELECT p.participant_number, p.application_id, a.registration_number, a.applicant_name, p.formation_id,
                   s.seat, a.withdrawn_at IS NOT NULL, o.outcome, s.stage, o.result::text
            FROM seats s
            JOIN participants p ON p.application_id = s.application_id
            JOIN applications a ON a.application_id = s.application_id
            LEFT JOIN stage_outcomes o ON o.application_id = s.application_id AND o.stage = s.stage
            WHERE s.session_id = \(sessionId) AND s.seat > \(seat ?? "")
            ORDER BY s.seat
            LIMIT \(limit)
            """, logger: logger)
        var entries: [Entry] = []
        for try await (number, application, registration, name, formation, seat, withdrawn, outcome, stage, result)
            in rows.decode((String, UUID, String, String, UUID, String, Bool, String?, String, String?).self)
        {
            var entry = Entry(
                participantNumber: number, applicationId: application, registrationNumber: registration,
                applicantName: name, formationId: formation, seat: seat, withdrawn: withdrawn, outcome: outcome)
            if let result, outcome == StageOutcome.scored.rawValue {
                if stage == ExamStage.skd.rawValue {
                    entry.skdScores = try JSONColumn.decode(SkdScores.self, from: result)
                } else {
                    entry.skbScore = try JSONColumn.decode(SkbResultRecordedV1.self, from: result).score
                }
            }
            entries.append(entry)
        }
        return entries
    }

    func cards(ofApplicant applicantId: UUID, sessions: SessionCommands) async throws -> [Card] {
        let rows = try await postgres.query(
            """
            SELECT p.application_id, p.participant_number, p.formation_id, s.stage, s.seat, s.session_id, o.outcome
            FROM participants p
            JOIN seats s ON s.application_id = p.application_id
            LEFT JOIN stage_outcomes o ON o.application_id = s.application_id AND o.stage = s.stage
            WHERE p.applicant_id = \(applicantId)
            ORDER BY p.participant_number, s.stage DESC
            """, logger: logger)
        var found: [(UUID, String, UUID, String, String, UUID, String?)] = []
        for try await row in rows.decode((UUID, String, UUID, String, String, UUID, String?).self) { found.append(row) }
        var cards: [Card] = []
        for (application, number, formation, stage, seat, sessionId, outcome) in found {
            guard let stage = ExamStage(rawValue: stage), let session = try await sessions.session(sessionId) else {
                continue
            }
            let entry = Card.Seat(stage: stage, seat: seat, session: session, outcome: outcome)
            if let index = cards.firstIndex(where: { $0.applicationId == application }) {
                cards[index].seats.append(entry)
            } else {
                cards.append(Card(applicationId: application, participantNumber: number, formationId: formation,
                                  seats: [entry]))
            }
        }
        return cards
    }
}
