import Hummingbird
import Logging
import Synchronization

/// Answers an API request with a 503 problem when the service has not answered it within ``deadline`` of receiving
/// its whole body, and cancels the abandoned handler.
///
/// A request must always get an answer. The known way to lose one: a database restart closes a pooled connection just
/// as a handler writes its query to it, and PostgresNIO never completes such a query (nor honours cancellation).
/// Such a handler's transaction cannot have committed on the dead connection, and answers built after a commit wait
/// out brief outages themselves (``answeringCommittedChange(within:_:)``), so the 503 keeps its meaning: retry.
///
/// The clock starts when the request body has been read to its end, so a slow upload is never cut off, and an
/// abandoned handler never competes with the server for the connection's bytes. Operations endpoints are not
/// bounded. It wraps the router (outside its middleware), so it renders its problem itself.
struct DeadlineResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context == ServiceRequestContext {
    typealias Context = ServiceRequestContext
    let inner: Inner
    let deadline: Duration

    func respond(to request: Request, context: Context) async throws -> Response {
        if DatabaseGateMiddleware.operationsPrefixes.contains(where: request.uri.path.hasPrefix) {
            return try await inner.respond(to: request, context: context)
        }
        var request = request
        let received = BodyEnd()
        if Self.hasBody(request) {
            request.body = RequestBody(asyncSequence: SignallingBody(base: request.body, end: received))
        } else {
            received.reached()
        }
        let (inner, bounded) = (inner, request)
        do {
            return try await answer(within: deadline, startingWhen: { received.isReached }) {
                try await inner.respond(to: bounded, context: context)
            }
        } catch let exceeded as DeadlineExceeded {
            context.logger.error("request abandoned: no answer within the deadline", metadata: [
                "deadline": "\(exceeded.limit)", "method": "\(request.method)", "path": "\(request.uri.path)",
            ])
            return try Problem.unavailable("The request was not answered within \(exceeded.limit); retry shortly.")
                .response(from: request, context: context)
        }
    }

    /// Whether the request announces a body (a length above zero, or chunked transfer).
    static func hasBody(_ request: Request) -> Bool {
        if request.headers[.transferEncoding] != nil { return true }
        guard let length = request.headers[.contentLength] else { return false }
        return (Int(length) ?? 1) > 0
    }
}

/// Whether a request body has been read to its end.
final class BodyEnd: Sendable {
    private let state = Atomic<Bool>(false)
    var isReached: Bool { state.load(ordering: .acquiring) }
    func reached() { state.store(true, ordering: .releasing) }
}

/// A request body that marks its ``BodyEnd`` when it has been read to the end (or failed).
struct SignallingBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let base: RequestBody
    let end: BodyEnd

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: RequestBody.AsyncIterator
        let end: BodyEnd

        mutating func next() async throws -> ByteBuffer? {
            do {
                guard let chunk = try await base.next() else {
                    end.reached()
                    return nil
                }
                return chunk
            } catch {
                end.reached()
                throw error
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), end: end)
    }
}
