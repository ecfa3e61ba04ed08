import Foundation
import NIOCore
import ServiceKit

/// The Server-Sent Events wire format of the scoreboard stream (HTML Living Standard, "server-sent events").
enum ScoreboardEventFrame {
    /// `id: <sequence>`, `event: result`, `data: <the row as one line of JSON>`.
    static func result(_ result: ScoreboardResult) -> ByteBuffer {
        // JSON escapes every line break inside strings, so the row is always exactly one `data:` line.
        let json = (try? JSONResponseCoding.encoder.encode(result)) ?? Data("{}".utf8)
        var buffer = ByteBuffer()
        buffer.writeString("id: \(result.sequence)\nevent: result\ndata: ")
        buffer.writeBytes(json)
        buffer.writeString("\n\n")
        return buffer
    }

    /// Opens the stream: how long the browser waits before reconnecting, and a comment.
    static func opening(retryMilliseconds: Int) -> ByteBuffer {
        ByteBuffer(string: "retry: \(retryMilliseconds)\n: scoreboard stream\n\n")
    }

    /// A comment line: ignored by `EventSource`, keeps the connection (and proxies) alive.
    static let heartbeat = ByteBuffer(string: ": heartbeat\n\n")
}
