import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceKit
import ServiceLifecycle

extension ScoreboardRoutes {
    /// How long a browser waits before reconnecting a dropped stream.
    static let retryMilliseconds = 2_000
    /// Rows read per query while replaying.
    static let replayPageSize = 500

    /// `GET /v1/scoreboard/stream?sessionId=&siteCode=&after=`: `text/event-stream` of result rows.
    ///
    /// With a `Last-Event-ID` header (what `EventSource` sends when it reconnects) or an `after` query parameter
    /// (a page's first connection, `after=0` for everything), the rows after that sequence are replayed from
    /// PostgreSQL first; then live rows follow as they are recorded, with heartbeat comments in between. The viewer
    /// subscribes before the replay, so nothing recorded during it is lost, and rows are never sent twice.
    func stream(_ request: Request) async throws -> Response {
        let filter = try ScoreboardFilter(request)
        let resumeFrom = try Self.resumePoint(request)
        guard let subscription = hub.subscribe(filter) else {
            var problem = Problem.unavailable("Too many scoreboard viewers on this server; retry shortly.")
            problem.headers[.retryAfter] = "5"
            throw problem
        }
        let store = self.store
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        // Tells nginx-style proxies not to buffer the stream.
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            defer { subscription.finish() }
            try await writer.write(ScoreboardEventFrame.opening(retryMilliseconds: Self.retryMilliseconds))
            var last = resumeFrom ?? -1
            if let resumeFrom {
                last = try await Self.replay(after: resumeFrom, filter: filter, from: store, into: &writer)
            }
            // A graceful shutdown ends the stream (the browser reconnects to another replica); a client that went
            // away makes the next write (at the latest the next heartbeat) throw, which ends it too.
            try await withGracefulShutdownHandler {
                for await delivery in subscription.deliveries {
                    switch delivery {
                    case .result(let sequence, let frame):
                        guard sequence > last else { continue }
                        try await writer.write(frame)
                        last = sequence
                    case .heartbeat:
                        try await writer.write(ScoreboardEventFrame.heartbeat)
                    }
                }
            } onGracefulShutdown: {
                subscription.finish()
            }
            try await writer.finish(nil)
        })
    }

    /// `Last-Event-ID` (reconnection) wins over `after` (first connection); a 400 problem when either is malformed
    /// (`after` is validated even when the header wins).
    static func resumePoint(_ request: Request) throws -> Int64? {
        let after = try sequence(request, "after")
        if let header = request.headers[HTTPField.Name("Last-Event-ID")!], !header.isEmpty {
            return try parseSequence(header, field: "Last-Event-ID")
        }
        return after
    }

    /// Writes every stored row after `sequence` matching `filter`; returns the last sequence written.
    static func replay(
        after sequence: Int64, filter: ScoreboardFilter, from store: ScoreboardStore,
        into writer: inout any ResponseBodyWriter
    ) async throws -> Int64 {
        var last = sequence
        while true {
            let rows = try await store.results(after: last, filter: filter, limit: replayPageSize)
            guard !rows.isEmpty else { return last }
            var buffer = ByteBuffer()
            for row in rows {
                var frame = ScoreboardEventFrame.result(row)
                buffer.writeBuffer(&frame)
            }
            try await writer.write(buffer)
            last = rows[rows.count - 1].sequence
            if rows.count < replayPageSize { return last }
        }
    }
}
