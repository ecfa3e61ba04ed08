import Synchronization

/// The differences an audit found, collected from concurrent checks; reported as one
/// ``SimulationError/mismatch(step:detail:)`` listing the first few.
final class AuditFindings: Sendable {
    private let items = Mutex<[String]>([])

    init() {}

    /// Records one difference (a message without personal data).
    func add(_ difference: String) {
        items.withLock { $0.append(difference) }
    }

    /// Records several differences.
    func add(contentsOf differences: [String]) {
        guard !differences.isEmpty else { return }
        items.withLock { $0.append(contentsOf: differences) }
    }

    /// Every difference, in the order found.
    var all: [String] { items.withLock { $0 } }

    var isEmpty: Bool { items.withLock { $0.isEmpty } }

    /// Throws a mismatch for `step` listing up to `limit` differences (and how many more), if any were found.
    func throwIfAny(step: String, limit: Int = 10) throws {
        let found = all
        guard !found.isEmpty else { return }
        throw SimulationError.mismatch(step: step, detail: Self.listing(found, limit: limit))
    }

    /// `n difference(s): a; b; … (and m more)`.
    static func listing(_ differences: [String], limit: Int) -> String {
        let shown = differences.prefix(max(1, limit)).joined(separator: "; ")
        let more = differences.count > limit ? " (and \(differences.count - limit) more)" : ""
        return "\(differences.count) difference\(differences.count == 1 ? "" : "s"): \(shown)\(more)"
    }
}
