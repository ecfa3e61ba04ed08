/// A one-shot signal between tasks: one side waits, the other opens (e.g. "the row is inserted", "commit now").
public final class Gate: Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    public init() {
        (stream, continuation) = AsyncStream.makeStream(of: Void.self)
    }

    /// Lets every waiter (present and future) through.
    public func open() {
        continuation.yield()
        continuation.finish()
    }

    /// Suspends until ``open()`` has been called.
    public func wait() async {
        for await _ in stream { return }
    }
}
