/// Why a simulation run failed: a service answered differently than the selection's rules require, or what the public
/// sees does not match what the simulation did.
public enum SimulationError: Error, CustomStringConvertible, Sendable {
    /// A request answered `status` where `expected` was required (the body says why).
    case unexpectedStatus(step: String, expected: [Int], status: Int, body: String)
    /// An answer lacked a field the contract promises.
    case malformedAnswer(step: String, detail: String)
    /// Something did not happen within the time allowed (e.g. an event never reached a read model).
    case timedOut(step: String, detail: String)
    /// A public result or log proof disagrees with what the simulation expects.
    case mismatch(step: String, detail: String)
    /// A request got no answer (no connection, a broken one, or no response within its time limit).
    case noAnswer(request: String, error: String)

    public var description: String {
        switch self {
        case .unexpectedStatus(let step, let expected, let status, let body):
            let shown = body.count > 600 ? String(body.prefix(600)) + "…" : body
            return "\(step): HTTP \(status), expected \(expected.map(String.init).joined(separator: " or ")): \(shown)"
        case .malformedAnswer(let step, let detail): return "\(step): malformed answer: \(detail)"
        case .timedOut(let step, let detail): return "\(step): timed out: \(detail)"
        case .mismatch(let step, let detail): return "\(step): \(detail)"
        case .noAnswer(let request, let error): return "\(request): no answer: \(error)"
        }
    }
}
