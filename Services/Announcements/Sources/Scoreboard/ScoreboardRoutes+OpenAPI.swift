import RecruitmentEvents
import ServiceKit

extension ScoreboardRoutes {
    /// The scoreboard's operations in the service's OpenAPI document.
    static func describe(into document: inout OpenAPIDocument) {
        document.addTag("scoreboard", description: "Live SKD results per session and test site (no personal data)")
        document.add(.get(
            "/v1/scoreboard/sessions", operationId: "listScoreboardSessions",
            summary: "CAT sessions with their test sites, by session id",
            description: "Sort by `startsAt` on the client; the order by id keeps the cursor stable.",
            tags: ["scoreboard"],
            parameters: [
                .query("cursor", .uuid, description: "`nextCursor` of the previous page"),
                .query("limit", .integer(minimum: 1, maximum: 500), description: "Page size (default 100)"),
                .query("periodId", .uuid, description: "Only this period's sessions"),
                .query("stage", .enumeration(ExamStage.self), description: "Only SKD or only SKB sessions"),
            ],
            responses: [.json(200, Page<ScoreboardSession>.self)]))
        document.add(.get(
            "/v1/scoreboard/results", operationId: "listScoreboardResults",
            summary: "Result rows after a sequence number, in sequence order",
            description: "Each row is the latest state of one participant's SKD result (scored, absent or "
                + "disqualified); a correction moves the row to a new, higher sequence. Page with `after` (or "
                + "`cursor`) set to the previous page's `nextCursor`.",
            tags: ["scoreboard"],
            parameters: sharedParameters + [
                .query("after", .integer(minimum: 0), description: "Only rows with a higher sequence (default 0)"),
                .query("cursor", .integer(minimum: 0), description: "Same as `after` (the previous `nextCursor`)"),
                .query("limit", .integer(minimum: 1, maximum: 500), description: "Page size (default 100)"),
            ],
            responses: [.json(200, Page<ScoreboardResult>.self)]))
        document.add(.get(
            "/v1/scoreboard/stream", operationId: "streamScoreboard",
            summary: "Server-Sent Events of result rows as they are recorded",
            description: "`text/event-stream`. Each event: `id: <sequence>`, `event: result`, `data: <a "
                + "ScoreboardResult as JSON>`; a `: heartbeat` comment every 15 s (ASN_SCOREBOARD_HEARTBEAT_SECONDS). "
                + "With `Last-Event-ID` (sent by EventSource on reconnection) or `after`, the rows after that sequence "
                + "are replayed first. A viewer that falls too far behind is disconnected and resynchronises by "
                + "reconnecting; a graceful shutdown ends the stream the same way.",
            tags: ["scoreboard"],
            parameters: sharedParameters + [
                .query("after", .integer(minimum: 0), description: "Replay rows after this sequence (`0`: all) first"),
                .header("Last-Event-ID", .integer(minimum: 0),
                        description: "The last sequence received; wins over `after`"),
            ],
            responses: [
                .text(200, mediaType: "text/event-stream", description: "The event stream"),
                .problem(503, description: "This instance serves its maximum of viewers; retry shortly")
                    .header("Retry-After", description: "Seconds to wait", type: .integer(minimum: 0)),
            ]))
    }

    private static var sharedParameters: [OpenAPIParameter] {
        [
            .query("sessionId", .uuid, description: "Only this session's results"),
            .query("siteCode", .text(minLength: 1, maxLength: ScoreboardFilter.maximumSiteCodeLength),
                   description: "Only results of sessions at this test site"),
        ]
    }
}
