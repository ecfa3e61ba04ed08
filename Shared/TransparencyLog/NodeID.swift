/// A perfect (complete) subtree of the log: the `2^level` leaves starting at leaf `index * 2^level`.
///
/// Level 0 nodes are the leaves themselves (their hash is the leaf hash). The persistent log stores the hash of every
/// perfect subtree once its last leaf is appended; every proof and root is assembled from these nodes.
public struct NodeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The height of the subtree: it covers `2^level` leaves.
    public var level: Int
    /// The position of the subtree among those of its level, from 0 on the left.
    public var index: Int

    /// Creates the id of the subtree at `level` and `index`.
    public init(level: Int, index: Int) {
        self.level = level
        self.index = index
    }

    /// The first leaf the subtree covers.
    public var firstLeaf: Int { index << level }

    /// One past the last leaf the subtree covers: the tree size at which this node is complete.
    public var endLeaf: Int { (index + 1) << level }

    public static func < (lhs: NodeID, rhs: NodeID) -> Bool {
        (lhs.level, lhs.index) < (rhs.level, rhs.index)
    }

    public var description: String { "(\(level), \(index))" }
}

/// A perfect subtree and its hash, as the persistent log stores it.
public struct StoredNode: Hashable, Sendable {
    /// Which subtree.
    public var id: NodeID
    /// Its Merkle tree hash.
    public var hash: MerkleHash

    /// Pairs `id` with `hash`.
    public init(id: NodeID, hash: MerkleHash) {
        self.id = id
        self.hash = hash
    }
}
