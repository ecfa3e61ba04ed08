import Synchronization

/// The deliberate bad requests of a run (a wrong NIK, a disguised file, a late submission, an out-of-range score, ...)
/// and whether each was refused with the expected problem+json. A service that accepts one fails the run.
public final class ProbeLog: Sendable {
    /// One probe's outcome.
    public struct Entry: Sendable, CustomStringConvertible {
        public var name: String
        public var expected: String
        public var actual: String
        public var passed: Bool

        public var description: String {
            "\(passed ? "ok  " : "FAIL") \(name): expected \(expected), got \(actual)"
        }
    }

    private let entries = Mutex<[Entry]>([])

    public init() {}

    /// Checks that `response` is a problem+json refusal with `status`, naming `field` (when given) among its fields,
    /// of problem type `type` (when given; matched as a suffix, e.g. `application-exists`) and with rule `code`
    /// (when given) among its error codes.
    @discardableResult
    public func check(_ name: String, _ response: APIResponse, status: Int, field: String? = nil, type: String? = nil,
                      code: String? = nil) -> Bool
    {
        var expected = "\(status) problem+json"
        if let field { expected += " naming \(field)" }
        if let type { expected += " of type …\(type)" }
        if let code { expected += " with rule \(code)" }
        var actual = "\(response.status)"
        if response.isProblem { actual += " problem+json" }
        if !response.problemFields.isEmpty { actual += " naming \(response.problemFields.joined(separator: ", "))" }
        if let problemType = response.problemType { actual += " of type \(problemType)" }
        if !response.problemCodes.isEmpty { actual += " with rule \(response.problemCodes.joined(separator: ", "))" }
        let passed = response.status == status && response.isProblem
            && (field.map { response.problemFields.contains($0) } ?? true)
            && (type.map { (response.problemType ?? "").hasSuffix($0) } ?? true)
            && (code.map { response.problemCodes.contains($0) } ?? true)
        entries.withLock { $0.append(Entry(name: name, expected: expected, actual: actual, passed: passed)) }
        return passed
    }

    /// Every probe in the order they ran.
    public var all: [Entry] { entries.withLock { $0 } }

    /// The probes that were not refused as expected.
    public var failures: [Entry] { all.filter { !$0.passed } }
}
