import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One event or comment of a `text/event-stream` response.
public enum ServerSentMessage: Sendable, Equatable {
    /// A dispatched event: its `id` (if any), type (`message` by default) and data lines joined by newlines.
    case event(id: String?, type: String, data: String)
    /// A comment line (`: text`), e.g. a heartbeat.
    case comment(String)
}

/// A Server-Sent Events client for tests and benchmarks, with its own connection pool (one connection per open
/// stream, so `connections` bounds how many streams can be open at once).
public final class EventStreamClient: Sendable {
    private let client: HTTPClient

    public init(connections: Int = 16) {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        configuration.decompression = .disabled
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Opens `url` and hands every message to `handle` until it returns `false`, the server ends the stream or the
    /// calling task is cancelled (which closes the connection).
    ///
    /// - Parameter opened: called once with the status and headers, before the first message.
    /// - Returns: how the stream ended.
    @discardableResult
    public func read(
        _ url: String, headers: [(String, String)] = [],
        opened: @Sendable (Int, [(String, String)]) -> Void = { _, _ in },
        handle: (ServerSentMessage) async throws -> Bool
    ) async throws -> EventStreamEnd {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "text/event-stream")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await client.execute(request, timeout: .hours(24))
        opened(Int(response.status.code), response.headers.map { ($0.name, $0.value) })
        guard response.status == .ok else { return .refused(Int(response.status.code)) }
        var parser = ServerSentEventParser()
        for try await buffer in response.body {
            for message in parser.feed(buffer.readableBytesView) {
                if try await !handle(message) { return .stoppedByHandler }
            }
        }
        return .endedByServer
    }

    /// Closes the pool; the client cannot be used afterwards.
    public func shutdown() async {
        try? await client.shutdown()
    }
}

/// Why ``EventStreamClient/read(_:headers:opened:handle:)`` returned.
public enum EventStreamEnd: Sendable, Equatable {
    case refused(Int)
    case stoppedByHandler
    case endedByServer
}

/// The incremental `text/event-stream` parser (HTML Living Standard §9.2.6, without `retry`).
public struct ServerSentEventParser: Sendable {
    private var line: [UInt8] = []
    private var data: [String] = []
    private var type = ""
    private var id: String?

    public init() {}

    /// Parses `bytes`; returns the messages they complete.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [ServerSentMessage] {
        var messages: [ServerSentMessage] = []
        for byte in bytes {
            if byte == 0x0A {
                if let message = take(String(decoding: line, as: UTF8.self)) { messages.append(message) }
                line.removeAll(keepingCapacity: true)
            } else if byte != 0x0D {
                line.append(byte)
            }
        }
        return messages
    }

    private mutating func take(_ line: String) -> ServerSentMessage? {
        if line.isEmpty {
            defer { data = []; type = "" }
            guard !data.isEmpty else { return nil }
            return .event(id: id, type: type.isEmpty ? "message" : type, data: data.joined(separator: "\n"))
        }
        if line.hasPrefix(":") { return .comment(String(line.dropFirst()).trimmingCharacters(in: .whitespaces)) }
        let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        var value = parts.count > 1 ? String(parts[1]) : ""
        if value.hasPrefix(" ") { value.removeFirst() }
        switch parts[0] {
        case "data": data.append(value)
        case "event": type = value
        case "id": id = value
        default: break
        }
        return nil
    }
}
