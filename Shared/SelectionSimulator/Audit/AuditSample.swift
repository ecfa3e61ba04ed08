/// Which published rows the audit verifies against the transparency log: all of them in a small run; in a large one a
/// deterministic sample (every k-th row, at least ``minimumSample``) plus every row with an adverse code, since those
/// are the rows an applicant is most likely to dispute.
enum AuditSample {
    /// Up to this many rows, every row is verified.
    static let fullCheckLimit = 2_000
    /// The least number of rows a sample holds (besides the adverse ones).
    static let minimumSample = 500

    /// The positions (into `0..<count`) to verify, ascending: all when `count` ≤ ``fullCheckLimit``; otherwise every
    /// `count / minimumSample`-th position starting at 0, plus every position in `always`.
    static func positions(count: Int, always: Set<Int>) -> [Int] {
        guard count > fullCheckLimit else { return Array(0..<max(0, count)) }
        let stride = max(1, count / minimumSample)
        var chosen = Set(Swift.stride(from: 0, to: count, by: stride))
        chosen.formUnion(always.filter { (0..<count).contains($0) })
        return chosen.sorted()
    }

    /// Whether `count` rows are sampled rather than all verified.
    static func isSampled(count: Int) -> Bool { count > fullCheckLimit }

    /// Codes that refuse or fail an applicant (TMS, TL, TH, DIS, P/TL, P/TH, TMS-1, APS): every row with one of these
    /// is verified even in a sample. Passing codes are MS, P/L (and P/L-1, P/L-2) and P.
    static func isAdverse(_ code: String?) -> Bool {
        guard let code else { return true }
        return !["MS", "P/L", "P/L-1", "P/L-2", "P"].contains(code)
    }
}
