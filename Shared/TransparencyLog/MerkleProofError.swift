/// Why an inclusion or consistency proof does not verify, or cannot be made.
public enum MerkleProofError: Error, Hashable, Sendable {
    /// A leaf index that is negative or not below the tree size.
    case leafIndexOutOfRange(leafIndex: Int, treeSize: Int)
    /// A tree size that is negative.
    case negativeTreeSize(Int)
    /// A consistency proof from a larger tree to a smaller one (`from > to`).
    case sizesOutOfOrder(from: Int, to: Int)
    /// The proof has more hashes than the leaf index and tree size call for.
    case proofTooLong
    /// The proof has fewer hashes than the leaf index and tree size call for.
    case proofTooShort
    /// The proof was supposed to be empty (equal sizes, or from the empty tree) but is not.
    case proofNotEmpty
    /// The proof's hashes do not lead to the expected root (or, for consistency, to the first tree's root).
    case rootMismatch
    /// Two trees of the same size with different roots.
    case differentRootsForSameSize
}

/// Why a ``TreeNodePlan`` could not be assembled from the hashes fetched for it.
public enum NodePlanError: Error, Hashable, Sendable {
    /// A node the plan needs was not among the hashes given (a store that lost a node, or a size beyond its tree).
    case missingNode(NodeID)
    /// The ordered hashes did not match the plan's node list in number.
    case wrongHashCount(expected: Int, actual: Int)
}
