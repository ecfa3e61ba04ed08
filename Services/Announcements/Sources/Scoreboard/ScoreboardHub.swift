import Foundation
import Metrics
import NIOCore
import ServiceKit
import Synchronization

/// Fans new scoreboard rows out to the viewers connected to this process, in memory.
///
/// Each viewer has a bounded buffer. Publishing never waits for a viewer: one whose buffer is full (a slow or stalled
/// connection) is dropped, its stream ends after what it already has, and the browser's `EventSource` reconnects
/// with `Last-Event-ID`, which replays the rows it missed from PostgreSQL (resync). Every frame is encoded once, not
/// once per viewer.
final class ScoreboardHub: Sendable {
    /// What a viewer's stream carries.
    enum Delivery: Sendable {
        /// A result row as a complete SSE event.
        case result(sequence: Int64, frame: ByteBuffer)
        /// A comment line that keeps proxies and the connection alive (and finds dead ones).
        case heartbeat
    }

    /// One viewer's stream; ending it (or dropping it) removes the viewer.
    struct Subscription: Sendable {
        let id: Int
        let deliveries: AsyncStream<Delivery>
        fileprivate let hub: ScoreboardHub

        /// Ends the stream: the viewer's loop sees the end after the deliveries already buffered.
        func finish() { hub.remove(id, finishing: true) }
    }

    private struct Viewer {
        var filter: ScoreboardFilter
        var continuation: AsyncStream<Delivery>.Continuation
    }

    private struct State {
        var viewers: [Int: Viewer] = [:]
        var nextId = 0
        var isClosed = false
    }

    /// Deliveries a viewer may have waiting before it is dropped.
    let bufferSize: Int
    /// Viewers this process serves at most; more are refused with 503.
    let maximumViewers: Int
    private let state = Mutex(State())
    private let metrics = ScoreboardMetrics()

    init(bufferSize: Int = 256, maximumViewers: Int = 10_000) {
        self.bufferSize = bufferSize
        self.maximumViewers = maximumViewers
    }

    /// The number of connected viewers.
    var viewerCount: Int { state.withLock { $0.viewers.count } }

    /// Registers a viewer of `filter`'s results; `nil` when the process already serves ``maximumViewers`` or is
    /// shutting down.
    func subscribe(_ filter: ScoreboardFilter) -> Subscription? {
        let (stream, continuation) = AsyncStream.makeStream(
            of: Delivery.self, bufferingPolicy: .bufferingOldest(bufferSize))
        let registered: (id: Int, count: Int)? = state.withLock { state in
            guard !state.isClosed, state.viewers.count < maximumViewers else { return nil }
            let id = state.nextId
            state.nextId += 1
            state.viewers[id] = Viewer(filter: filter, continuation: continuation)
            return (id, state.viewers.count)
        }
        guard let registered else {
            continuation.finish()
            return nil
        }
        metrics.viewers(registered.count)
        continuation.onTermination = { [weak self] _ in self?.remove(registered.id, finishing: false) }
        return Subscription(id: registered.id, deliveries: stream, hub: self)
    }

    /// Pushes `results` (in sequence order) to every viewer whose filter matches; drops viewers that cannot keep up.
    func publish(_ results: [ScoreboardResult]) {
        guard !results.isEmpty else { return }
        let frames = results.map { result in
            (result, Delivery.result(sequence: result.sequence, frame: ScoreboardEventFrame.result(result)))
        }
        var pushed = 0
        var lagging: [AsyncStream<Delivery>.Continuation] = []
        let remaining: Int = state.withLock { state in
            for (id, viewer) in state.viewers {
                for (result, delivery) in frames
                where viewer.filter.matches(sessionId: result.sessionId, siteCode: result.siteCode) {
                    if case .enqueued = viewer.continuation.yield(delivery) {
                        pushed += 1
                    } else {
                        state.viewers[id] = nil
                        lagging.append(viewer.continuation)
                        break
                    }
                }
            }
            return state.viewers.count
        }
        // Outside the lock: finishing runs the stream's termination handler, which takes the lock again.
        for continuation in lagging { continuation.finish() }
        metrics.pushed(pushed, dropped: lagging.count, viewers: remaining)
    }

    /// Sends a heartbeat to every viewer.
    func heartbeat() {
        state.withLock { state in
            for viewer in state.viewers.values { viewer.continuation.yield(.heartbeat) }
        }
    }

    /// Ends every stream and refuses new viewers (shutdown).
    func close() {
        let continuations = state.withLock { state in
            state.isClosed = true
            defer { state.viewers = [:] }
            return state.viewers.values.map(\.continuation)
        }
        for continuation in continuations { continuation.finish() }
        metrics.viewers(0)
    }

    fileprivate func remove(_ id: Int, finishing: Bool) {
        let (removed, count) = state.withLock { state in
            (state.viewers.removeValue(forKey: id), state.viewers.count)
        }
        guard let removed else { return }
        if finishing { removed.continuation.finish() }
        metrics.viewers(count)
    }
}
