import EventStore
import Foundation
import HTTPTypes
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Schedules and reschedules exam sessions (stream `exam-session-<id>`) and reads them back.
struct SessionCommands: Sendable {
    let postgres: PostgresClient
    let writer: ExamEventWriter
    let logger: Logger

    static func streamId(_ sessionId: UUID) -> String { "exam-session-\(sessionId.eventKey)" }

    func schedule(_ request: ScheduleSessionRequest, context: CommandContext) async throws -> SessionView {
        let label = request.label.trimmingCharacters(in: .whitespacesAndNewlines)
        let siteName = request.site.name.trimmingCharacters(in: .whitespacesAndNewlines)
        var issues: [FieldIssue] = []
        if !(1...100).contains(label.count) {
            issues.append(FieldIssue(field: "label", code: "length", message: "1 to 100 characters"))
        }
        if !(1...200).contains(siteName.count) {
            issues.append(FieldIssue(field: "site.name", code: "length", message: "1 to 200 characters"))
        }
        for (field, value) in [("site.code", request.site.code), ("site.address", request.site.address),
                               ("site.regency", request.site.regency)] where (value?.count ?? 0) > 300 {
            issues.append(FieldIssue(field: field, code: "length", message: "at most 300 characters"))
        }
        let duration = request.durationMinutes ?? (request.stage == .skd ? 100 : 90)
        if !(1...600).contains(duration) {
            issues.append(FieldIssue(field: "durationMinutes", code: "out-of-range", message: "1 to 600 minutes"))
        }
        if !(1...10_000).contains(request.capacity) {
            issues.append(FieldIssue(field: "capacity", code: "out-of-range", message: "1 to 10000 seats"))
        }
        guard issues.isEmpty else { throw Problem.validation(issues, status: .unprocessableContent) }
        var site = request.site
        site.name = siteName
        let event = ExamSessionScheduledV1(
            sessionId: UUID(), periodId: request.periodId, stage: request.stage, site: site, label: label,
            startsAt: request.startsAt, durationMinutes: duration, capacity: request.capacity)
        try await PostgresTransaction.run(on: postgres, logger: logger) { connection in
            guard try await timeZone(ofPeriod: request.periodId, on: connection) != nil else {
                throw ExamRuleViolation.unknownPeriod(request.periodId)
            }
            try await writer.append([event], to: Self.streamId(event.sessionId), after: 0, context: context,
                                    on: connection)
            try await connection.query(
                """
                INSERT INTO sessions (session_id, period_id, stage, site, site_name, label, starts_at, duration_minutes,
                                      capacity, stream_version, created_at)
                VALUES (\(event.sessionId), \(event.periodId), \(event.stage.rawValue),
                        \(try JSONColumn.text(event.site))::json, \(site.name), \(label),
                        \(EventTimestamp.truncatedToMilliseconds(event.startsAt)), \(duration), \(event.capacity), 1,
                        \(context.now))
                """, logger: logger)
        }
        logger.info("exam session scheduled", metadata: [
            "session_id": "\(event.sessionId.eventKey)", "stage": "\(event.stage.rawValue)",
        ])
        guard let view = try await answeringCommittedChange({ try await session(event.sessionId) }) else {
            throw ExamRuleViolation.unknownSession(event.sessionId)
        }
        return view
    }

    func reschedule(_ sessionId: UUID, _ request: RescheduleSessionRequest, context: CommandContext) async throws
        -> SessionView
    {
        let reason = request.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (5...1000).contains(reason.count) else {
            throw Problem.validation([FieldIssue(field: "reason", code: "length",
                                                 message: "give the public reason in 5 to 1000 characters")],
                                     status: .unprocessableContent)
        }
        try await PostgresTransaction.run(on: postgres, logger: logger) { connection in
            let rows = try await connection.query(
                "SELECT starts_at, stream_version FROM sessions WHERE session_id = \(sessionId) FOR UPDATE",
                logger: logger)
            var current: (Date, Int64)?
            for try await row in rows.decode((Date, Int64).self) { current = row }
            guard let (previous, version) = current else { throw ExamRuleViolation.unknownSession(sessionId) }
            let event = ExamSessionRescheduledV1(
                sessionId: sessionId, previousStartsAt: previous, startsAt: request.startsAt, reason: reason)
            let next = try await writer.append([event], to: Self.streamId(sessionId), after: version,
                                               context: context, on: connection)
            try await connection.query(
                """
                UPDATE sessions SET starts_at = \(EventTimestamp.truncatedToMilliseconds(request.startsAt)),
                    stream_version = \(next)
                WHERE session_id = \(sessionId)
                """, logger: logger)
        }
        guard let view = try await answeringCommittedChange({ try await session(sessionId) }) else {
            throw ExamRuleViolation.unknownSession(sessionId)
        }
        return view
    }

    func session(_ sessionId: UUID) async throws -> SessionView? {
        try await sessions(where: "s.session_id = $1", sessionId).first
    }

    func sessions(ofPeriod periodId: UUID) async throws -> [SessionView] {
        try await sessions(where: "s.period_id = $1", periodId)
    }

    private func sessions(where condition: String, _ id: UUID) async throws -> [SessionView] {
        var binds = PostgresBindings()
        binds.append(id)
        let rows = try await postgres.query(
            PostgresQuery(unsafeSQL: """
                SELECT s.session_id, s.period_id, s.stage, s.site::text, s.label, s.starts_at, s.duration_minutes,
                       s.capacity, s.seats_taken, p.time_zone
                FROM sessions s JOIN periods p ON p.period_id = s.period_id
                WHERE \(condition)
                ORDER BY s.starts_at, s.session_id
                """, binds: binds),
            logger: logger)
        var views: [SessionView] = []
        for try await (id, period, stage, site, label, startsAt, duration, capacity, taken, zone) in rows.decode(
            (UUID, UUID, String, String, String, Date, Int, Int, Int, String).self)
        {
            let timeZone = TimeZone(identifier: zone) ?? TimeDisplay.wib
            views.append(SessionView(
                sessionId: id, periodId: period, stage: ExamStage(rawValue: stage) ?? .skd,
                site: try JSONColumn.decode(ExamSite.self, from: site), label: label, startsAt: startsAt,
                startsAtLocal: TimeDisplay.local(startsAt, in: timeZone),
                startsAtWIB: TimeDisplay.local(startsAt, in: TimeDisplay.wib), durationMinutes: duration,
                capacity: capacity, seatsTaken: taken))
        }
        return views
    }

    private func timeZone(ofPeriod periodId: UUID, on connection: PostgresConnection) async throws -> String? {
        let rows = try await connection.query("SELECT time_zone FROM periods WHERE period_id = \(periodId)",
                                              logger: logger)
        for try await zone in rows.decode(String.self) { return zone }
        return nil
    }
}
