import TransparencyLog

/// Why the transparency log refused an operation.
enum TransparencyLogStoreError: Error, Hashable, Sendable {
    /// A record id already logged with a different kind or canonical JSON (records are immutable).
    case conflictingRecord(recordId: String)
    /// A record that is not a JSON object, or an empty kind.
    case invalidRecord(recordId: String, reason: String)
    /// A leaf index not below the tree size asked for.
    case leafIndexBeyondTree(leafIndex: Int, treeSize: Int)
    /// A tree size larger than the log (or negative).
    case treeSizeBeyondLog(requested: Int, logSize: Int)
    /// A consistency proof asked from a larger size to a smaller one.
    case sizesOutOfOrder(from: Int, to: Int)
    /// The stored tree no longer agrees with itself or with the last signed checkpoint: signing is refused and an
    /// operator must investigate (ARCHITECTURE §7: never sign an inconsistent checkpoint).
    case inconsistentWithLastCheckpoint(lastSize: Int, size: Int, reason: String)
    /// A perfect-subtree node the log should hold is missing.
    case missingNode(NodeID)
}
