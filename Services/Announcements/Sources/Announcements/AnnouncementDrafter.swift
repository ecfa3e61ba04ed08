import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit
import TransparencyLog

/// Draws an announcement's content from the public read models: exactly what the public endpoints show at that
/// moment, every row of it (not a page).
struct AnnouncementDrafter: Sendable {
    let store: PublicResultsStore
    let postgres: PostgresClient
    let logger: Logger

    /// Rows read per query while collecting a whole list.
    static let chunk = 1_000

    func content(for request: AnnouncementDraftRequest) async throws -> AnnouncementContent {
        switch request.kind {
        case .administrativeResults, .administrativeResultsAfterObjection:
            return try await administrativeResults(request)
        case .skdResults:
            return try await resultList(request, stage: "skd", as: PublicSkdRow.self)
        case .finalResults, .finalResultsAfterObjection, .optimisation:
            return try await resultList(request, stage: "final", as: PublicFinalRow.self)
        case .formations:
            return try await formations(request)
        case .examSchedule:
            return try await examSchedule(request)
        case .registration, .appointment, .general:
            return AnnouncementContent(summary: [:], rows: [])
        }
    }

    private func formation(_ request: AnnouncementDraftRequest) async throws -> PublicFormation {
        guard let id = request.formationId, let formation = try await store.formation(id) else {
            throw Problem.invalidField("formationId", code: "unknown", "no formation with this id has been published")
        }
        if let period = request.periodId, period != formation.periodId {
            throw Problem.invalidField("periodId", code: "mismatch", "the formation belongs to another period")
        }
        return formation
    }

    private func formationSummary(_ formation: PublicFormation) throws -> JSONValue {
        try JSONValue(encoding: FormationSummary(
            formationId: formation.formationId, periodId: formation.periodId, positionName: formation.positionName,
            unitName: formation.unitName, placement: formation.placement, kind: formation.kind,
            quota: formation.quota))
    }

    private func administrativeResults(_ request: AnnouncementDraftRequest) async throws -> AnnouncementContent {
        let formation = try await formation(request)
        guard let publication = try await store.administrativePublication(of: formation.formationId) else {
            throw Problem.conflict(
                type: "not-published-yet",
                "The verification service has not published the administrative results of this formation yet.")
        }
        if request.kind == .administrativeResultsAfterObjection && publication.round != .afterObjection {
            throw Problem.conflict(
                type: "no-objection-round",
                "The administrative results after objections of this formation are not published yet.")
        }
        var rows: [PublicAdministrativeRow] = []
        var cursor = ""
        while true {
            let page = try await store.administrativeRows(
                of: formation.formationId, publishedAt: publication.at, after: cursor, limit: Self.chunk)
            rows += page
            guard page.count == Self.chunk, let last = page.last else { break }
            cursor = last.registrationNumber
        }
        var summary = try formationSummary(formation).objectValue ?? [:]
        summary["round"] = .string(publication.round.rawValue)
        summary["ms"] = .integer(Int64(rows.count(where: { $0.outcome == .ms })))
        summary["tms"] = .integer(Int64(rows.count(where: { $0.outcome == .tms })))
        if let window = publication.window {
            summary["objectionWindow"] = try JSONValue(encoding: window)
        }
        return AnnouncementContent(summary: .object(summary), rows: try rows.map { try JSONValue(encoding: $0) })
    }

    private func resultList<Row: Codable & Sendable & Equatable>(
        _ request: AnnouncementDraftRequest, stage: String, as type: Row.Type
    ) async throws -> AnnouncementContent {
        let formation = try await formation(request)
        guard let list = try await store.currentList(of: formation.formationId, stage: stage) else {
            throw Problem.conflict(
                type: "not-finalised-yet",
                "The exam service has not finalised the \(stage == "skd" ? "SKD ranking" : "final results") of this "
                    + "formation yet.")
        }
        var rows: [JSONValue] = []
        var cursor = ListCursor.start
        while true {
            let page = try await store.listRows(list.list, as: Row.self, after: cursor, limit: Self.chunk)
            rows += try page.map { try JSONValue(encoding: $0.row) }
            guard page.count == Self.chunk, let last = page.last else { break }
            cursor = last.cursor
        }
        var summary = try formationSummary(formation).objectValue ?? [:]
        summary["listId"] = .string(list.list.eventKey)
        summary["details"] = try JSONValue(encoding: JSONColumn.decode(JSONValue.self, from: list.details))
        return AnnouncementContent(summary: .object(summary), rows: rows)
    }

    private func formations(_ request: AnnouncementDraftRequest) async throws -> AnnouncementContent {
        let period = try await period(request)
        var formations: [PublicFormation] = []
        var cursor = UUID.minimum
        while true {
            let page = try await store.formations(ofPeriod: period.periodId, after: cursor, limit: Self.chunk)
            formations += page
            guard page.count == Self.chunk, let last = page.last else { break }
            cursor = last.formationId
        }
        guard !formations.isEmpty else {
            throw Problem.conflict(type: "nothing-to-announce", "No formation of this period has been published yet.")
        }
        // The live count is not part of an announcement: it changes after publication.
        let rows = try formations.map { formation in
            var row = try JSONValue(encoding: formation).objectValue ?? [:]
            row["applicants"] = nil
            return JSONValue.object(row)
        }
        return AnnouncementContent(summary: try periodSummary(period), rows: rows)
    }

    private func examSchedule(_ request: AnnouncementDraftRequest) async throws -> AnnouncementContent {
        let period = try await period(request)
        let zone = TimeZone(identifier: period.timeZone) ?? TimeDisplay.wib
        let rows = try await postgres.query(
            """
            SELECT session_id, stage, site_code, site_name, site_regency, label, starts_at, duration_minutes, capacity
            FROM scoreboard_sessions
            WHERE period_id = \(period.periodId) AND (\(request.stage?.rawValue)::text IS NULL OR stage = \(request.stage?.rawValue))
            ORDER BY starts_at, site_name, label, session_id
            """, logger: logger)
        var sessions: [ScheduledSession] = []
        for try await (id, stage, code, name, regency, label, start, minutes, capacity)
            in rows.decode((UUID, String, String?, String, String?, String, Date, Int, Int).self)
        {
            sessions.append(ScheduledSession(
                sessionId: id, stage: stage, siteCode: code, siteName: name, siteRegency: regency, label: label,
                startsAt: start, startsAtLocal: TimeDisplay.local(start, in: zone), durationMinutes: minutes,
                capacity: capacity))
        }
        guard !sessions.isEmpty else {
            throw Problem.conflict(type: "nothing-to-announce", "No exam session of this period is scheduled yet.")
        }
        var summary = try periodSummary(period).objectValue ?? [:]
        if let stage = request.stage { summary["stage"] = .string(stage.rawValue) }
        return AnnouncementContent(summary: .object(summary), rows: try sessions.map { try JSONValue(encoding: $0) })
    }

    private func period(_ request: AnnouncementDraftRequest) async throws -> PublicPeriod {
        guard let id = request.periodId, let period = try await store.period(id) else {
            throw Problem.invalidField("periodId", code: "unknown", "no period with this id has been opened")
        }
        return period
    }

    private func periodSummary(_ period: PublicPeriod) throws -> JSONValue {
        try JSONValue(encoding: PeriodSummary(
            periodId: period.periodId, agencyName: period.agencyName, name: period.name,
            fiscalYear: period.fiscalYear, timeZone: period.timeZone))
    }

    struct FormationSummary: Codable {
        var formationId: UUID
        var periodId: UUID
        var positionName: String
        var unitName: String
        var placement: String
        var kind: String
        var quota: Int
    }

    struct PeriodSummary: Codable {
        var periodId: UUID
        var agencyName: String
        var name: String
        var fiscalYear: Int
        var timeZone: String
    }
}
