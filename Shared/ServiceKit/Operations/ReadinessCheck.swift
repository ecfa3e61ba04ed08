/// One condition `/health/ready` verifies (database reachable, migrations applied, broker reachable, lag bounded).
public struct ReadinessCheck: Sendable {
    /// Short name shown in the readiness report, e.g. `postgres`.
    public var name: String
    /// Throws (or returns a failure reason) when the condition does not hold.
    public var check: @Sendable () async throws -> ReadinessCheck.Outcome

    public enum Outcome: Sendable, Equatable {
        case ready
        case notReady(String)
    }

    public init(name: String, check: @escaping @Sendable () async throws -> ReadinessCheck.Outcome) {
        self.name = name
        self.check = check
    }
}
