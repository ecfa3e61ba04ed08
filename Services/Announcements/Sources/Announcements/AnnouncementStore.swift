import Crypto
import HTTPTypes
import EventStore
import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit
import TransparencyLog

/// Drafts, publishes and reads official announcements.
///
/// Publishing is one transaction: the next gapless sequence number, the announcement and every row appended to the
/// transparency log, the immutable tables, the draft removed and `AnnouncementPublishedV1` in the outbox. A draft is
/// published only if the read models still say what it says (otherwise 409: refresh it and review again).
struct AnnouncementStore: Sendable {
    let postgres: PostgresClient
    let eventStore: EventStore
    let drafter: AnnouncementDrafter
    let log: AnnouncementLog
    /// The public base URL of this service, for the announcement's body reference.
    let publicURL: String
    let logger: Logger

    /// Rows of a draft shown for review.
    static let reviewRows = 50

    // MARK: Drafts

    func createDraft(_ request: AnnouncementDraftRequest, by actor: UUID, now: Date = Date()) async throws
        -> AnnouncementDraftView
    {
        let issues = request.issues
        guard issues.isEmpty else { throw Problem.validation(issues, status: .unprocessableContent) }
        try await checkCorrected(request.correctsAnnouncementId)
        let content = try await drafter.content(for: request)
        let id = UUID()
        try await postgres.query(
            """
            INSERT INTO announcement_drafts (draft_id, request, content, created_by, created_at, refreshed_at)
            VALUES (\(id), \(try JSONColumn.text(request))::jsonb, \(try JSONColumn.text(content))::jsonb, \(actor),
                    \(now), \(now))
            """, logger: logger)
        return view(id: id, request: request, content: content, createdBy: actor, createdAt: now, refreshedAt: now)
    }

    func draft(_ id: UUID) async throws -> AnnouncementDraftView {
        let rows = try await postgres.query(
            """
            SELECT request::text, content::text, created_by, created_at, refreshed_at FROM announcement_drafts
            WHERE draft_id = \(id)
            """, logger: logger)
        for try await (request, content, by, created, refreshed) in rows.decode((String, String, UUID, Date, Date).self) {
            return view(
                id: id, request: try JSONColumn.decode(AnnouncementDraftRequest.self, from: request),
                content: try JSONColumn.decode(AnnouncementContent.self, from: content), createdBy: by,
                createdAt: created, refreshedAt: refreshed)
        }
        throw Problem.notFound("There is no draft \(id.eventKey) (published drafts are announcements now).")
    }

    func drafts() async throws -> [AnnouncementDraftView] {
        var result: [AnnouncementDraftView] = []
        let rows = try await postgres.query(
            """
            SELECT draft_id, request::text, content::text, created_by, created_at, refreshed_at
            FROM announcement_drafts ORDER BY created_at, draft_id LIMIT 500
            """, logger: logger)
        for try await (id, request, content, by, created, refreshed)
            in rows.decode((UUID, String, String, UUID, Date, Date).self)
        {
            result.append(view(
                id: id, request: try JSONColumn.decode(AnnouncementDraftRequest.self, from: request),
                content: try JSONColumn.decode(AnnouncementContent.self, from: content), createdBy: by,
                createdAt: created, refreshedAt: refreshed))
        }
        return result
    }

    /// Draws the draft's content again from the read models.
    func refreshDraft(_ id: UUID, now: Date = Date()) async throws -> AnnouncementDraftView {
        let current = try await draft(id)
        let content = try await drafter.content(for: current.request)
        try await postgres.query(
            """
            UPDATE announcement_drafts SET content = \(try JSONColumn.text(content))::jsonb, refreshed_at = \(now)
            WHERE draft_id = \(id)
            """, logger: logger)
        return view(id: id, request: current.request, content: content, createdBy: current.createdBy,
                    createdAt: current.createdAt, refreshedAt: now)
    }

    func deleteDraft(_ id: UUID) async throws {
        let rows = try await postgres.query(
            "DELETE FROM announcement_drafts WHERE draft_id = \(id) RETURNING draft_id", logger: logger)
        for try await _ in rows.decode(UUID.self) { return }
        throw Problem.notFound("There is no draft \(id.eventKey).")
    }

    private func view(id: UUID, request: AnnouncementDraftRequest, content: AnnouncementContent, createdBy: UUID,
                      createdAt: Date, refreshedAt: Date) -> AnnouncementDraftView
    {
        AnnouncementDraftView(
            draftId: id, request: request, summary: content.summary, rowCount: content.rows.count,
            rows: Array(content.rows.prefix(Self.reviewRows)), createdBy: createdBy, createdAt: createdAt,
            refreshedAt: refreshedAt)
    }

    private func checkCorrected(_ id: UUID?) async throws {
        guard let id else { return }
        let rows = try await postgres.query("SELECT 1 FROM announcements WHERE announcement_id = \(id)", logger: logger)
        for try await _ in rows.decode(Int.self) { return }
        throw Problem.validation(
            [FieldIssue(field: "correctsAnnouncementId", code: "unknown",
                        message: "a correction must name a published announcement")],
            status: .unprocessableContent)
    }

    // MARK: Publishing

    /// Publishes draft `id` as announcer `actor`.
    func publish(_ id: UUID, by actor: UUID, correlationId: String?, now: Date = Date()) async throws
        -> AnnouncementSummary
    {
        let draft = try await storedDraft(id)
        try await checkCorrected(draft.request.correctsAnnouncementId)
        guard try await drafter.content(for: draft.request) == draft.content else {
            throw Problem.conflict(
                type: "draft-outdated",
                "The results changed since this draft was drawn; refresh it, review it and publish again.")
        }
        let request = draft.request
        let announcementId = UUID()
        let dated = request.dated ?? CalendarDate.of(now, in: TimeZone(identifier: "Asia/Makassar") ?? TimeDisplay.wib)
        let summary = try await PostgresTransaction.run(on: postgres, logger: logger) { connection in
            // The draft is ours alone from here: a concurrent publish of it waits and then finds it gone.
            let locked = try await connection.query(
                "DELETE FROM announcement_drafts WHERE draft_id = \(id) RETURNING draft_id", logger: logger)
            var found = false
            for try await _ in locked.decode(UUID.self) { found = true }
            guard found else { throw Problem.conflict(type: "already-published", "This draft was just published.") }

            let taken = try await connection.query(
                "SELECT 1 FROM announcements WHERE number = \(request.number)", logger: logger)
            for try await _ in taken.decode(Int.self) {
                throw Problem.validation(
                    [FieldIssue(field: "number", code: "taken",
                                message: "another published announcement has this letter number")],
                    status: .conflict)
            }
            let sequence = try await nextSequence(on: connection)
            let record = try announcementRecord(
                id: announcementId, sequence: sequence, request: request, dated: dated, content: draft.content,
                at: now)
            let rowIds = draft.content.rows.map { _ in UUID() }
            var entries: [AnnouncementLog.Entry] = [(announcementId, "announcement", record)]
            for (position, row) in draft.content.rows.enumerated() {
                entries.append((rowIds[position], "announcement-row", .object([
                    "type": "announcement-row", "announcementId": .string(announcementId.eventKey),
                    "announcementNumber": .string(request.number), "position": .integer(Int64(position)),
                    "row": row,
                ])))
            }
            let leaves = try await log.append(entries, connection)
            try await connection.query(
                """
                INSERT INTO announcements (announcement_id, sequence, number, kind, period_id, formation_id, title,
                                           dated, corrects_announcement_id, record, record_id, leaf_index, row_count,
                                           published_by, published_at)
                VALUES (\(announcementId), \(sequence), \(request.number), \(request.kind.rawValue),
                        \(request.periodId), \(request.formationId), \(request.title), \(dated.description)::date,
                        \(request.correctsAnnouncementId), \(try JSONColumn.text(record))::jsonb, \(announcementId),
                        \(leaves[0]), \(draft.content.rows.count), \(actor), \(now))
                """, logger: logger)
            if !draft.content.rows.isEmpty {
                let rowRecords = try entries.dropFirst().map { try JSONColumn.text($0.record) }
                try await connection.query(
                    """
                    INSERT INTO announcement_rows (announcement_id, position, record_id, leaf_index, record)
                    SELECT \(announcementId), * FROM unnest(\(Array(0..<rowIds.count))::int[], \(rowIds)::uuid[],
                                                            \(Array(leaves.dropFirst()))::bigint[],
                                                            \(rowRecords)::jsonb[])
                    """, logger: logger)
            }
            let canonical = CanonicalJSON.encode(record)
            let event = AnnouncementPublishedV1(
                announcementId: announcementId, periodId: request.periodId, number: request.number,
                kind: request.kind, title: request.title, dated: dated,
                body: PublishedDocumentReference(
                    url: URL(string: "\(publicURL)/v1/log/records/\(announcementId.eventKey)")!,
                    mediaType: .json, sha256: Self.sha256Hex(canonical)),
                correctsAnnouncementId: request.correctsAnnouncementId, logIndex: leaves[0], publishedBy: actor)
            let streamId = "announcement-\(announcementId.eventKey)"
            try await eventStore.append(
                [try EventEnvelope(event: event, streamId: streamId, streamVersion: 1, time: now,
                                   correlationId: correlationId)],
                toStream: streamId, expectedVersion: 0, on: connection)
            return AnnouncementSummary(
                announcementId: announcementId, sequence: sequence, number: request.number, kind: request.kind,
                title: request.title, dated: dated, periodId: request.periodId, formationId: request.formationId,
                correctsAnnouncementId: request.correctsAnnouncementId, correctedBy: [],
                rowCount: draft.content.rows.count, recordId: announcementId, leafIndex: leaves[0], publishedAt: now)
        }
        await log.checkpoint()
        return summary
    }

    private func storedDraft(_ id: UUID) async throws -> (request: AnnouncementDraftRequest, content: AnnouncementContent) {
        let rows = try await postgres.query(
            "SELECT request::text, content::text FROM announcement_drafts WHERE draft_id = \(id)", logger: logger)
        for try await (request, content) in rows.decode((String, String).self) {
            return (try JSONColumn.decode(AnnouncementDraftRequest.self, from: request),
                    try JSONColumn.decode(AnnouncementContent.self, from: content))
        }
        throw Problem.notFound("There is no draft \(id.eventKey) (published drafts are announcements now).")
    }

    private func nextSequence(on connection: PostgresConnection) async throws -> Int64 {
        let rows = try await connection.query(
            "UPDATE announcement_counter SET last_sequence = last_sequence + 1 RETURNING last_sequence",
            logger: logger)
        for try await sequence in rows.decode(Int64.self) { return sequence }
        throw AnnouncementStoreError.counterMissing
    }

    /// The announcement's own public record: everything it says except its rows, which are records of their own.
    func announcementRecord(id: UUID, sequence: Int64, request: AnnouncementDraftRequest, dated: CalendarDate,
                            content: AnnouncementContent, at now: Date) throws -> JSONValue
    {
        var record: [String: JSONValue] = [
            "type": "announcement", "announcementId": .string(id.eventKey), "sequence": .integer(sequence),
            "number": .string(request.number), "kind": .string(request.kind.rawValue),
            "title": .string(request.title), "dated": .string(dated.description),
            "summary": content.summary, "rowCount": .integer(Int64(content.rows.count)),
            "publishedAt": try JSONValue(encoding: now),
        ]
        if let period = request.periodId { record["periodId"] = .string(period.eventKey) }
        if let formation = request.formationId { record["formationId"] = .string(formation.eventKey) }
        if let corrected = request.correctsAnnouncementId { record["correctsAnnouncementId"] = .string(corrected.eventKey) }
        if let stage = request.stage { record["stage"] = .string(stage.rawValue) }
        if let text = request.text, !text.isEmpty { record["text"] = .string(text) }
        return .object(record)
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).lowercaseHex
    }
}

/// A fault of the announcement tables themselves (not of a request).
enum AnnouncementStoreError: Error, Equatable {
    /// The counter row of migration 102 is missing.
    case counterMissing
}
