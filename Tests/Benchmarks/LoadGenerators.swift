import Foundation
import SuiteHarness
import Synchronization

/// What happened to one request of a load.
struct RequestOutcome: Sendable {
    /// The request's position in the load (0-based).
    var index: Int
    /// When it was due to be sent: latencies count from here (in a closed loop, when it was sent).
    var scheduled: ContinuousClock.Instant
    /// When the load generator actually started it (later than `scheduled` if the generator fell behind).
    var sent: ContinuousClock.Instant
    /// When its response (or error) arrived.
    var completed: ContinuousClock.Instant
    /// The HTTP status, or `nil` if the request failed without one.
    var status: Int?
    /// The response body of an unexpected status, or the transport error.
    var failure: String?

    var isAccepted: Bool { failure == nil }
}

/// The result of sending one request: its status and, unless it was the expected one, why it failed.
struct RequestResult: Sendable {
    var status: Int?
    var failure: String?

    /// Runs `request`; anything but `expected` (or a thrown error) is a failure.
    static func expecting(_ expected: Int, _ request: () async throws -> TestHTTP.Response) async -> RequestResult {
        do {
            let response = try await request()
            return RequestResult(status: response.status, failure: response.status == expected ? nil : response.text)
        } catch {
            return RequestResult(status: nil, failure: "\(error)")
        }
    }
}

/// An open-loop load: request `i` is sent at `start + i / rate` whether or not earlier ones were answered, so a slow
/// service cannot slow the load down (no coordinated omission): a request that waited for the generator or the
/// service counts its wait in its latency.
struct OpenLoopLoad: Sendable {
    let rate: Int
    let count: Int

    func run(_ send: @escaping @Sendable (_ index: Int) async -> RequestResult) async -> [RequestOutcome] {
        let interval = Duration.seconds(1) / rate
        let start = ContinuousClock.now + .milliseconds(20)
        return await withTaskGroup(of: RequestOutcome.self) { group in
            for index in 0..<count {
                let scheduled = start + interval * index
                try? await Task.sleep(until: scheduled, clock: .continuous)
                group.addTask {
                    let sent = ContinuousClock.now
                    let result = await send(index)
                    return RequestOutcome(index: index, scheduled: scheduled, sent: sent, completed: .now,
                                          status: result.status, failure: result.failure)
                }
            }
            var outcomes: [RequestOutcome] = []
            outcomes.reserveCapacity(count)
            for await outcome in group { outcomes.append(outcome) }
            return outcomes.sorted { $0.index < $1.index }
        }
    }
}

/// A closed-loop load: `concurrency` workers each send their next request as soon as the previous one is answered,
/// until `count` requests were sent. Its throughput is the most the service sustains at that concurrency.
struct ClosedLoopLoad: Sendable {
    let concurrency: Int
    let count: Int

    /// Runs the load; `send` gets the request's index and the worker's number (0..<concurrency). Returns the outcomes
    /// and the time from the start to the last response.
    func run(_ send: @escaping @Sendable (_ index: Int, _ worker: Int) async -> RequestResult) async
        -> (outcomes: [RequestOutcome], elapsed: Duration)
    {
        let next = TicketCounter()
        let start = ContinuousClock.now
        let outcomes = await withTaskGroup(of: [RequestOutcome].self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var mine: [RequestOutcome] = []
                    while true {
                        let index = next.take()
                        guard index < count else { break }
                        let sent = ContinuousClock.now
                        let result = await send(index, worker)
                        mine.append(RequestOutcome(index: index, scheduled: sent, sent: sent, completed: .now,
                                                   status: result.status, failure: result.failure))
                    }
                    return mine
                }
            }
            var all: [RequestOutcome] = []
            for await part in group { all += part }
            return all.sorted { $0.index < $1.index }
        }
        return (outcomes, (outcomes.map(\.completed).max() ?? start) - start)
    }
}

/// Hands out 0, 1, 2, … to concurrent workers.
private final class TicketCounter: Sendable {
    private let value = Atomic<Int>(0)

    func take() -> Int { value.add(1, ordering: .relaxed).oldValue }
}

/// What a load achieved: counts, latency percentiles of the accepted requests and the throughput.
struct LoadStatistics: Sendable {
    var sent: Int
    var accepted: Int
    var errors: Int { sent - accepted }
    /// Scheduled send → response, accepted requests only.
    var latency: LatencySample
    /// Accepted requests per second (see the initialisers for how).
    var throughput: Double?
    /// The longest the generator started a request after its scheduled instant (open loop only).
    var maximumScheduleLag: Duration?
    /// The first failure: status and the start of the body or error.
    var firstError: String?

    /// An open loop: throughput is accepted requests per second between the first and the last response, which is the
    /// offered rate when the service keeps up and less when responses fall behind the schedule.
    init(openLoop outcomes: [RequestOutcome]) {
        self.init(outcomes)
        let completions = outcomes.filter(\.isAccepted).map(\.completed)
        if accepted >= 2, let first = completions.min(), let last = completions.max(), last > first {
            throughput = Double(accepted - 1) / (last - first).seconds
        }
        maximumScheduleLag = outcomes.map { $0.sent - $0.scheduled }.max()
    }

    /// A closed loop: throughput is accepted requests per second from the start to the last response.
    init(closedLoop outcomes: [RequestOutcome], elapsed: Duration) {
        self.init(outcomes)
        if elapsed > .zero { throughput = Double(accepted) / elapsed.seconds }
    }

    private init(_ outcomes: [RequestOutcome]) {
        let accepted = outcomes.filter(\.isAccepted)
        sent = outcomes.count
        self.accepted = accepted.count
        latency = LatencySample(accepted.map { $0.completed - $0.scheduled })
        firstError = outcomes.first { !$0.isAccepted }.map {
            "\($0.status.map(String.init) ?? "no response") " + String(($0.failure ?? "").prefix(300))
        }
    }

    /// Prints the figures as indented lines: `what` names the requests (e.g. `submissions`).
    func report(_ what: String) {
        var summary = "sent \(sent), accepted \(accepted), errors \(errors)"
        if let throughput { summary += "; " + String(format: "%.1f", throughput) + " \(what)/s" }
        if let maximumScheduleLag {
            summary += "; generator lag max \(maximumScheduleLag.formattedMilliseconds)"
        }
        BenchReport.line(summary)
        if let firstError { BenchReport.line("first error: \(firstError)") }
        BenchReport.line("latency: \(latency.summary([50, 95, 99], includeMaximum: true))")
    }
}
