import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Reads the public read models: periods, formations with live counts, and each formation's published results.
struct PublicResultsStore: Sendable {
    let postgres: PostgresClient
    let logger: Logger

    // MARK: Periods and formations

    func periods(after cursor: UUID, limit: Int) async throws -> [PublicPeriod] {
        try await periodRows(
            """
            SELECT period_id, agency_name, agency_code, name, program, fiscal_year, time_zone, registration_opens_at,
                   registration_closes_at, legal_basis::text
            FROM public_periods WHERE period_id > \(cursor)
            ORDER BY period_id LIMIT \(limit)
            """)
    }

    func period(_ id: UUID) async throws -> PublicPeriod? {
        try await periodRows(
            """
            SELECT period_id, agency_name, agency_code, name, program, fiscal_year, time_zone, registration_opens_at,
                   registration_closes_at, legal_basis::text
            FROM public_periods WHERE period_id = \(id)
            """).first
    }

    private func periodRows(_ query: PostgresQuery) async throws -> [PublicPeriod] {
        var periods: [PublicPeriod] = []
        let rows = try await postgres.query(query, logger: logger)
        for try await (id, agency, code, name, program, year, zone, opens, closes, legal)
            in rows.decode((UUID, String, String?, String, String, Int, String, Date, Date, String).self)
        {
            let local = TimeZone(identifier: zone) ?? TimeDisplay.wib
            periods.append(PublicPeriod(
                periodId: id, agencyName: agency, agencyCode: code, name: name, program: program, fiscalYear: year,
                timeZone: zone, registrationOpensAt: opens, registrationClosesAt: closes,
                registrationOpensAtLocal: TimeDisplay.local(opens, in: local),
                registrationClosesAtLocal: TimeDisplay.local(closes, in: local),
                registrationClosesAtWIB: TimeDisplay.local(closes, in: TimeDisplay.wib),
                legalBasis: try JSONColumn.decode([String].self, from: legal)))
        }
        return periods
    }

    func formations(ofPeriod period: UUID?, after cursor: UUID, limit: Int) async throws -> [PublicFormation] {
        try await formationRows(
            """
            SELECT f.formation_id, f.period_id, f.position_name, f.unit_name, f.placement, f.kind, f.quota,
                   f.education_requirements::text, f.age_limit::text, f.skb_components::text, f.salary_range::text,
                   COALESCE(c.submitted - c.withdrawn, 0)
            FROM public_formations f LEFT JOIN formation_applicant_counts c USING (formation_id)
            WHERE f.formation_id > \(cursor) AND (\(period)::uuid IS NULL OR f.period_id = \(period))
            ORDER BY f.formation_id LIMIT \(limit)
            """)
    }

    func formation(_ id: UUID) async throws -> PublicFormation? {
        try await formationRows(
            """
            SELECT f.formation_id, f.period_id, f.position_name, f.unit_name, f.placement, f.kind, f.quota,
                   f.education_requirements::text, f.age_limit::text, f.skb_components::text, f.salary_range::text,
                   COALESCE(c.submitted - c.withdrawn, 0)
            FROM public_formations f LEFT JOIN formation_applicant_counts c USING (formation_id)
            WHERE f.formation_id = \(id)
            """).first
    }

    private func formationRows(_ query: PostgresQuery) async throws -> [PublicFormation] {
        var formations: [PublicFormation] = []
        let rows = try await postgres.query(query, logger: logger)
        for try await (id, period, position, unit, placement, kind, quota, education, age, skb, salary, applicants)
            in rows.decode((UUID, UUID, String, String, String, String, Int, String, String, String, String?, Int).self)
        {
            formations.append(PublicFormation(
                formationId: id, periodId: period, positionName: position, unitName: unit, placement: placement,
                kind: kind, quota: quota,
                educationRequirements: try JSONColumn.decode([EducationRequirement].self, from: education),
                ageLimit: try JSONColumn.decode(AgeLimit.self, from: age),
                skbComponents: try JSONColumn.decode([SkbComponentWeight].self, from: skb),
                salaryRange: try salary.map { try JSONColumn.decode(SalaryRange.self, from: $0) },
                applicants: applicants))
        }
        return formations
    }

    // MARK: Administrative results

    /// The latest publication covering `formation` (its own or its whole period's), if any.
    func administrativePublication(of formation: UUID) async throws
        -> (period: UUID, round: AdministrativeAnnouncementRound, at: Date, window: ObjectionWindow?)?
    {
        let rows = try await postgres.query(
            """
            SELECT p.period_id, p.round, p.published_at, p.objection_window::text
            FROM public_administrative_publications p
            JOIN public_formations f ON f.period_id = p.period_id
            WHERE f.formation_id = \(formation) AND (p.formation_id IS NULL OR p.formation_id = \(formation))
            ORDER BY p.published_at DESC LIMIT 1
            """, logger: logger)
        for try await (period, round, at, window) in rows.decode((UUID, String, Date, String?).self) {
            return (period, AdministrativeAnnouncementRound(rawValue: round) ?? .initial, at,
                    try window.map { try JSONColumn.decode(ObjectionWindow.self, from: $0) })
        }
        return nil
    }

    /// Each application of `formation` with its latest outcome final at `publishedAt`, in registration-number order.
    func administrativeRows(of formation: UUID, publishedAt: Date, after cursor: String, limit: Int) async throws
        -> [PublicAdministrativeRow]
    {
        let rows = try await postgres.query(
            """
            SELECT a.registration_number, a.applicant_name, o.outcome, o.by_objection, o.unmet_requirements::text
            FROM public_applications a
            CROSS JOIN LATERAL (
                SELECT outcome, by_objection, unmet_requirements FROM public_administrative_outcomes o
                WHERE o.application_id = a.application_id AND o.final_at IS NOT NULL AND o.final_at <= \(publishedAt)
                ORDER BY o.final_at DESC, o.by_objection DESC LIMIT 1) o
            WHERE a.formation_id = \(formation) AND a.registration_number > \(cursor)
            ORDER BY a.registration_number LIMIT \(limit)
            """, logger: logger)
        var result: [PublicAdministrativeRow] = []
        for try await (number, name, outcome, byObjection, unmet)
            in rows.decode((String, String, String, Bool, String).self)
        {
            result.append(PublicAdministrativeRow(
                registrationNumber: number, name: name, outcome: AdministrativeOutcome(rawValue: outcome) ?? .tms,
                byObjection: byObjection,
                unmetRequirements: try JSONColumn.decode([PublicUnmetRequirement].self, from: unmet)))
        }
        return result
    }

    // MARK: Result lists

    /// The header of a formation's current complete list of `stage` (`skd` or `final`).
    func currentList(of formation: UUID, stage: String) async throws
        -> (list: UUID, period: UUID, kind: String, quota: Int, producedAt: Date, details: String)?
    {
        let rows = try await postgres.query(
            """
            SELECT list_id, period_id, formation_kind, quota, produced_at, details::text FROM public_result_lists
            WHERE formation_id = \(formation) AND stage = \(stage) AND complete
            ORDER BY produced_at DESC, list_id LIMIT 1
            """, logger: logger)
        for try await row in rows.decode((UUID, UUID, String, Int, Date, String).self) { return row }
        return nil
    }

    /// A page of a list's rows in published order, with the names from the submissions.
    func listRows<Row: Codable & Sendable & Equatable>(
        _ list: UUID, as type: Row.Type, after cursor: ListCursor, limit: Int
    ) async throws -> [(cursor: ListCursor, row: PublicListRow<Row>)] {
        let rows = try await postgres.query(
            """
            SELECT r.part, r.position, r.row_data::text, a.applicant_name, a.registration_number
            FROM public_result_rows r LEFT JOIN public_applications a USING (application_id)
            WHERE r.list_id = \(list) AND (r.part, r.position) > (\(cursor.part), \(cursor.position))
            ORDER BY r.part, r.position LIMIT \(limit)
            """, logger: logger)
        var result: [(cursor: ListCursor, row: PublicListRow<Row>)] = []
        for try await (part, position, data, name, number) in rows.decode((Int, Int, String, String?, String?).self) {
            result.append((ListCursor(part: part, position: position),
                           PublicListRow(name: name, registrationNumber: number,
                                         row: try JSONColumn.decode(Row.self, from: data))))
        }
        return result
    }

    // MARK: Open data

    /// Per-formation statistics of a period (every period when `nil`), in formation order.
    func statistics(ofPeriod period: UUID?) async throws -> [FormationStatistics] {
        let rows = try await postgres.query(
            """
            WITH publication AS (
                SELECT f.formation_id, max(p.published_at) AS at
                FROM public_formations f JOIN public_administrative_publications p ON p.period_id = f.period_id
                 AND (p.formation_id IS NULL OR p.formation_id = f.formation_id)
                GROUP BY f.formation_id
            ), administrative AS (
                SELECT a.formation_id,
                       count(*) FILTER (WHERE o.outcome = 'MS') AS ms, count(*) FILTER (WHERE o.outcome = 'TMS') AS tms
                FROM public_applications a JOIN publication USING (formation_id)
                CROSS JOIN LATERAL (
                    SELECT outcome FROM public_administrative_outcomes o
                    WHERE o.application_id = a.application_id AND o.final_at IS NOT NULL
                      AND o.final_at <= publication.at
                    ORDER BY o.final_at DESC, o.by_objection DESC LIMIT 1) o
                GROUP BY a.formation_id
            ), lists AS (
                SELECT DISTINCT ON (formation_id, stage) formation_id, stage, list_id FROM public_result_lists
                WHERE complete ORDER BY formation_id, stage, produced_at DESC, list_id
            ), codes AS (
                SELECT l.formation_id,
                       count(*) FILTER (WHERE l.stage = 'skd' AND r.code = 'P/L') AS skd_passed,
                       count(*) FILTER (WHERE l.stage = 'skd' AND r.code = 'TL') AS skd_below,
                       count(*) FILTER (WHERE l.stage = 'skd' AND r.code = 'TH') AS skd_absent,
                       count(*) FILTER (WHERE l.stage = 'skd' AND r.code = 'DIS') AS skd_disqualified,
                       count(*) FILTER (WHERE l.stage = 'final' AND r.code IN ('P/L', 'P/L-1', 'P/L-2')) AS final_passed,
                       count(*) FILTER (WHERE l.stage = 'final' AND r.code NOT IN ('P/L', 'P/L-1', 'P/L-2'))
                           AS final_not_passed
                FROM lists l JOIN public_result_rows r USING (list_id)
                GROUP BY l.formation_id
            )
            SELECT f.formation_id, f.period_id, f.position_name, f.unit_name, f.kind, f.quota,
                   COALESCE(c.submitted - c.withdrawn, 0), COALESCE(c.withdrawn, 0),
                   COALESCE(ad.ms, 0)::int, COALESCE(ad.tms, 0)::int,
                   COALESCE(k.skd_passed, 0)::int, COALESCE(k.skd_below, 0)::int, COALESCE(k.skd_absent, 0)::int,
                   COALESCE(k.skd_disqualified, 0)::int, COALESCE(k.final_passed, 0)::int,
                   COALESCE(k.final_not_passed, 0)::int
            FROM public_formations f
            LEFT JOIN formation_applicant_counts c USING (formation_id)
            LEFT JOIN administrative ad USING (formation_id)
            LEFT JOIN codes k USING (formation_id)
            WHERE \(period)::uuid IS NULL OR f.period_id = \(period)
            ORDER BY f.formation_id
            """, logger: logger)
        var result: [FormationStatistics] = []
        for try await (id, periodId, position, unit, kind, quota, applicants, withdrawn, ms, tms, passed, below,
                       absent, disqualified, finalPassed, finalNotPassed)
            in rows.decode((UUID, UUID, String, String, String, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int,
                            Int).self)
        {
            result.append(FormationStatistics(
                formationId: id, periodId: periodId, positionName: position, unitName: unit, kind: kind, quota: quota,
                applicants: applicants, withdrawn: withdrawn, administrativeMS: ms, administrativeTMS: tms,
                skdPassedToSkb: passed, skdBelowPassingGrade: below, skdAbsent: absent,
                skdDisqualified: disqualified, finalPassed: finalPassed, finalNotPassed: finalNotPassed))
        }
        return result
    }
}

/// Where a page of a result list starts: after this part and position (`<part>.<position>` in the API).
struct ListCursor: Sendable, Equatable {
    var part: Int
    var position: Int

    static let start = ListCursor(part: 0, position: 0)

    var text: String { "\(part).\(position)" }

    init(part: Int, position: Int) {
        self.part = part
        self.position = position
    }

    /// Parses `<part>.<position>`; `nil` for anything else.
    init?(text: String) {
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count == 2, let part = Int(pieces[0]), let position = Int(pieces[1]), part >= 0, position >= -1
        else { return nil }
        self.init(part: part, position: position)
    }
}
