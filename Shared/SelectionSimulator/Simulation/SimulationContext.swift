public import Foundation

/// What every stage works with: the plan, the options, the HTTP client, the shared state, the probe log and the
/// progress output.
public struct SimulationContext: Sendable {
    public var plan: SelectionPlan
    public var options: SimulationOptions
    public var client: SuiteClient
    public var state: SimulationState
    public var probes: ProbeLog
    /// Prints one progress line (the tool prefixes the elapsed time).
    public var say: @Sendable (String) -> Void

    public init(plan: SelectionPlan, options: SimulationOptions, client: SuiteClient, state: SimulationState,
                probes: ProbeLog, say: @escaping @Sendable (String) -> Void)
    {
        self.plan = plan
        self.options = options
        self.client = client
        self.state = state
        self.probes = probes
        self.say = say
    }

    public var endpoints: ServiceEndpoints { options.endpoints }

    /// The officer tokens (set by the set-up stage).
    public var officers: OfficerTokens {
        get throws {
            guard let officers = state.officers else {
                throw SimulationError.mismatch(step: "officers", detail: "the set-up stage has not run")
            }
            return officers
        }
    }

    /// The period id (set by the set-up stage).
    public var periodId: String {
        get throws {
            guard let id = state.periodId else {
                throw SimulationError.mismatch(step: "period", detail: "the set-up stage has not run")
            }
            return id
        }
    }

    /// The agency's time zone.
    public var timeZone: TimeZone { TimeZone(identifier: options.timeZone) ?? TimeZone(secondsFromGMT: 8 * 3600)! }

    /// Runs `body` for every element of `items` with at most ``SimulationOptions/concurrency`` in flight; the first
    /// error cancels the rest and is thrown.
    public func forEach<Item: Sendable>(_ items: [Item], _ body: @escaping @Sendable (Item) async throws -> Void)
        async throws
    {
        let width = options.concurrency
        try await withThrowingTaskGroup(of: Void.self) { group in
            var iterator = items.makeIterator()
            for _ in 0..<width {
                guard let item = iterator.next() else { break }
                group.addTask { try await body(item) }
            }
            while try await group.next() != nil {
                guard let item = iterator.next() else { continue }
                group.addTask { try await body(item) }
            }
        }
    }

    /// An ISO-8601 instant in UTC, whole seconds, as the APIs take them.
    public static func instant(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
    }
}

/// One part of the selection (set-up, registration, verification, exam, announcements, public audit).
public protocol SimulationStage: Sendable {
    /// A short name for progress lines and the report.
    var name: String { get }
    /// Does the stage's work through the public APIs; throws ``SimulationError`` on anything unexpected.
    func run(_ context: SimulationContext) async throws
}
