import Foundation
import Hummingbird
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// The public live scoreboard: `GET /v1/scoreboard/sessions`, `GET /v1/scoreboard/results` (paged by sequence) and
/// `GET /v1/scoreboard/stream` (Server-Sent Events). No token, no personal data.
struct ScoreboardRoutes: Sendable {
    let store: ScoreboardStore
    let hub: ScoreboardHub
    let logger: Logger

    init(postgres: PostgresClient, hub: ScoreboardHub, logger: Logger) {
        self.store = ScoreboardStore(postgres: postgres, logger: logger)
        self.hub = hub
        self.logger = logger
    }

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/v1/scoreboard/sessions") { request, _ in
            try await self.sessions(request)
        }
        router.get("/v1/scoreboard/results") { request, _ in
            try await self.results(request)
        }
        router.get("/v1/scoreboard/stream") { request, _ in
            try await self.stream(request)
        }
    }

    func sessions(_ request: Request) async throws -> JSONResponse<Page<ScoreboardSession>> {
        let limit = try request.pageLimit()
        let cursor = try request.idCursor() ?? .minimum
        let period = try request.uuidQueryParameter("periodId")
        var stage: ExamStage?
        if let raw = request.uri.queryParameters["stage"] {
            guard let parsed = ExamStage(rawValue: String(raw).uppercased()) else {
                throw Problem.invalidField("stage", code: "enum", "stage must be SKD or SKB")
            }
            stage = parsed
        }
        let sessions = try await store.sessions(after: cursor, periodId: period, stage: stage, limit: limit)
        return JSONResponse(value: Page(upTo: limit, of: sessions) { $0.sessionId.eventKey })
    }

    func results(_ request: Request) async throws -> JSONResponse<Page<ScoreboardResult>> {
        let limit = try request.pageLimit()
        let filter = try ScoreboardFilter(request)
        // Both are validated, even when `after` wins: a malformed parameter is a 400, never silently ignored.
        let after = try Self.sequence(request, "after")
        let cursor = try Self.sequence(request, "cursor")
        let results = try await store.results(after: after ?? cursor ?? 0, filter: filter, limit: limit + 1)
        return JSONResponse(value: Page(upTo: limit, of: results) { String($0.sequence) })
    }

    /// A non-negative sequence number from the query parameter `name`, `nil` when absent, or a 400 problem.
    static func sequence(_ request: Request, _ name: String) throws -> Int64? {
        guard let raw = request.uri.queryParameters[Substring(name)] else { return nil }
        return try parseSequence(String(raw), field: name)
    }

    static func parseSequence(_ raw: String, field: String) throws -> Int64 {
        guard let value = Int64(raw.trimmingCharacters(in: .whitespaces)), value >= 0 else {
            throw Problem.invalidField(field, code: "sequence-format", "\(field) must be a sequence number (an integer ≥ 0)")
        }
        return value
    }
}
