import Foundation
import PostgresNIO
import RecruitmentEvents
import ServiceKit
import TransparencyLog

extension AnnouncementStore {
    /// Published announcements, newest first, optionally of one period, formation or kind; `before` is the sequence
    /// of the last one of the previous page.
    func announcements(period: UUID?, formation: UUID?, kind: AnnouncementKind?, before: Int64, limit: Int)
        async throws -> [AnnouncementSummary]
    {
        try await summaries(
            """
            SELECT \(unescaped: Self.summaryColumns) FROM announcements a
            WHERE a.sequence < \(before)
              AND (\(period)::uuid IS NULL OR a.period_id = \(period))
              AND (\(formation)::uuid IS NULL OR a.formation_id = \(formation))
              AND (\(kind?.rawValue)::text IS NULL OR a.kind = \(kind?.rawValue))
            ORDER BY a.sequence DESC LIMIT \(limit)
            """)
    }

    /// One published announcement with a page of its rows (`after` is the position of the previous page's last).
    func announcement(_ id: UUID, rowsAfter after: Int, limit: Int) async throws -> AnnouncementDetail {
        guard let summary = try await summaries(
            "SELECT \(unescaped: Self.summaryColumns) FROM announcements a WHERE a.announcement_id = \(id)"
        ).first else {
            throw Problem.notFound("No announcement \(id.eventKey) has been published.")
        }
        var record: JSONValue = .null
        let records = try await postgres.query(
            "SELECT record::text FROM announcements WHERE announcement_id = \(id)", logger: logger)
        for try await text in records.decode(String.self) { record = try JSONParser.parse(text) }
        let rows = try await postgres.query(
            """
            SELECT position, record_id, leaf_index, record::text FROM announcement_rows
            WHERE announcement_id = \(id) AND position > \(after) ORDER BY position LIMIT \(limit + 1)
            """, logger: logger)
        var views: [AnnouncementRowView] = []
        for try await (position, recordId, leaf, text) in rows.decode((Int, UUID, Int64, String).self) {
            views.append(AnnouncementRowView(
                position: position, recordId: recordId, leafIndex: leaf, row: try JSONParser.parse(text)["row"] ?? .null))
        }
        let page = Page(upTo: limit, of: views) { "\($0.position)" }
        return AnnouncementDetail(announcement: summary, record: record, rows: page.items, nextCursor: page.nextCursor)
    }

    private static let summaryColumns = """
        a.announcement_id, a.sequence, a.number, a.kind, a.title, a.dated::text, a.period_id, a.formation_id,
        a.corrects_announcement_id, a.row_count, a.record_id, a.leaf_index, a.published_at,
        ARRAY(SELECT c.announcement_id FROM announcements c WHERE c.corrects_announcement_id = a.announcement_id
              ORDER BY c.sequence)
        """

    private func summaries(_ query: PostgresQuery) async throws -> [AnnouncementSummary] {
        var result: [AnnouncementSummary] = []
        let rows = try await postgres.query(query, logger: logger)
        for try await (id, sequence, number, kind, title, dated, period, formation, corrects, count, recordId, leaf,
                       publishedAt, correctedBy)
            in rows.decode((UUID, Int64, String, String, String, String, UUID?, UUID?, UUID?, Int, UUID, Int64, Date,
                            [UUID]).self)
        {
            result.append(AnnouncementSummary(
                announcementId: id, sequence: sequence, number: number,
                kind: AnnouncementKind(rawValue: kind) ?? .general, title: title,
                dated: CalendarDate(dated) ?? CalendarDate(year: 1970, month: 1, day: 1)!, periodId: period,
                formationId: formation, correctsAnnouncementId: corrects, correctedBy: correctedBy, rowCount: count,
                recordId: recordId, leafIndex: leaf, publishedAt: publishedAt))
        }
        return result
    }
}
