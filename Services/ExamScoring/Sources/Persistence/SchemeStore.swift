import EventStore
import ExamScoringRules
import Foundation
import HTTPTypes
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// The SKB scheme of each formation (DOMAIN §1.7): the one an exam officer set, else the components and weights the
/// formation announced, validated for the agency level.
struct SchemeStore: Sendable {
    /// A formation's scheme and where it came from.
    struct Entry: Codable, Sendable {
        var formationId: UUID
        var agencyLevel: AgencyLevel
        var components: [SkbSchemeComponent]
        /// `announced` (from the formation) or `set` (by an exam officer).
        var source: String
        var locked: Bool
    }

    let postgres: PostgresClient
    let agencyLevel: AgencyLevel
    let logger: Logger

    /// The validated scheme, or nil when neither an officer nor the announcement gave one.
    func scheme(of formationId: UUID, on connection: PostgresConnection) async throws -> SkbScheme? {
        guard let entry = try await entry(of: formationId, on: connection) else { return nil }
        return try scoring { () throws(ScoreValidationError) in
            try SkbScheme.validated(entry.components, agency: entry.agencyLevel)
        }
    }

    func entry(of formationId: UUID, on connection: PostgresConnection) async throws -> Entry? {
        let rows = try await connection.query(
            """
            SELECT s.agency_level, s.components::text, f.announced_skb_components::text,
                   EXISTS (SELECT 1 FROM stage_outcomes o WHERE o.formation_id = f.formation_id AND o.stage = 'SKB')
            FROM formations f LEFT JOIN skb_schemes s ON s.formation_id = f.formation_id
            WHERE f.formation_id = \(formationId)
            """, logger: logger)
        for try await (level, set, announced, locked) in rows.decode((String?, String?, String, Bool).self) {
            if let level, let set, let agency = AgencyLevel(rawValue: level) {
                return Entry(formationId: formationId, agencyLevel: agency,
                             components: try JSONColumn.decode([SkbSchemeComponent].self, from: set),
                             source: "set", locked: locked)
            }
            let components = try JSONColumn.decode([SkbComponentWeight].self, from: announced)
            guard !components.isEmpty else { return nil }
            return Entry(formationId: formationId, agencyLevel: agencyLevel,
                         components: components.map {
                             SkbSchemeComponent(component: $0.component, weightPercent: $0.weightPercent, rawMaximum: nil)
                         },
                         source: "announced", locked: locked)
        }
        throw ExamRuleViolation.unknownFormation(formationId)
    }

    /// Sets a formation's scheme; refused once an SKB result of the formation is recorded.
    func set(_ components: [SkbSchemeComponent], agency: AgencyLevel?, of formationId: UUID,
             context: CommandContext) async throws -> Entry
    {
        let level = agency ?? agencyLevel
        let scheme = try scoring { () throws(ScoreValidationError) in try SkbScheme.validated(components, agency: level) }
        return try await PostgresTransaction.run(on: postgres, logger: logger) { connection in
            // Lock the formation's row: a concurrent first SKB result waits for the scheme, or the scheme for it.
            try await connection.query(
                "SELECT 1 FROM formations WHERE formation_id = \(formationId) FOR UPDATE", logger: logger)
            let current = try await entry(of: formationId, on: connection)
            if current?.locked == true { throw ExamRuleViolation.skbSchemeLocked(formationId) }
            try await connection.query(
                """
                INSERT INTO skb_schemes (formation_id, agency_level, components, set_by, set_at)
                VALUES (\(formationId), \(level.rawValue), \(try JSONColumn.text(scheme.components))::json,
                        \(context.actor), \(context.now))
                ON CONFLICT (formation_id) DO UPDATE
                SET agency_level = EXCLUDED.agency_level, components = EXCLUDED.components, set_by = EXCLUDED.set_by,
                    set_at = EXCLUDED.set_at
                """, logger: logger)
            return Entry(formationId: formationId, agencyLevel: level, components: scheme.components, source: "set",
                         locked: false)
        }
    }
}
