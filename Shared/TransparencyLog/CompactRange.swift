/// The right border of a log (a "compact range" from leaf 0): the hashes of the perfect subtrees a tree of `size`
/// leaves is made of, which are enough to append leaves and to compute the root.
///
/// Appending a leaf yields the nodes that became complete (the leaf itself at level 0, then each parent it
/// completes); the persistent log stores exactly those, so every perfect subtree is stored once.
public struct CompactRange: Sendable, Hashable {
    /// The number of leaves.
    public private(set) var size: Int
    /// The hashes of ``TreeLayout/rightBorder(treeSize:)`` for ``size``, left (largest) to right.
    public private(set) var border: [MerkleHash]

    /// The empty log.
    public init() {
        size = 0
        border = []
    }

    /// Resumes a log of `size` leaves from its border hashes (one per bit set in `size`, largest subtree first).
    public init(size: Int, border: [MerkleHash]) throws(CompactRangeError) {
        guard size >= 0 else { throw .negativeSize(size) }
        guard border.count == size.nonzeroBitCount else {
            throw .wrongBorderLength(size: size, expected: size.nonzeroBitCount, actual: border.count)
        }
        self.size = size
        self.border = border
    }

    /// The ids of ``border``, left to right.
    public var borderNodeIDs: [NodeID] { TreeLayout.rightBorder(treeSize: size) }

    /// The root hash of the current tree.
    public var rootHash: MerkleHash { TreeLayout.foldRightEdge(border) }

    /// Appends one leaf; answers the nodes completed by it, the leaf (level 0) first.
    @discardableResult
    public mutating func append(leafHash: MerkleHash) -> [StoredNode] {
        var completed: [StoredNode] = []
        append(leafHash: leafHash, into: &completed)
        return completed
    }

    /// Appends leaves in order; answers all the nodes they completed.
    @discardableResult
    public mutating func append(leafHashes: some Sequence<MerkleHash>) -> [StoredNode] {
        var completed: [StoredNode] = []
        completed.reserveCapacity(leafHashes.underestimatedCount * 2)
        for leafHash in leafHashes {
            append(leafHash: leafHash, into: &completed)
        }
        return completed
    }

    private mutating func append(leafHash: MerkleHash, into completed: inout [StoredNode]) {
        let index = size
        var hash = leafHash
        var level = 0
        completed.append(StoredNode(id: NodeID(level: 0, index: index), hash: hash))
        // Each trailing one bit of the old size is a border subtree the new leaf's subtree now pairs with.
        while (index >> level) & 1 == 1 {
            hash = RFC9162.nodeHash(border.removeLast(), hash)
            level += 1
            completed.append(StoredNode(id: NodeID(level: level, index: index >> level), hash: hash))
        }
        border.append(hash)
        size += 1
    }
}

/// Why a ``CompactRange`` cannot be resumed.
public enum CompactRangeError: Error, Hashable, Sendable {
    /// A negative size.
    case negativeSize(Int)
    /// The number of border hashes does not match the number of bits set in the size.
    case wrongBorderLength(size: Int, expected: Int, actual: Int)
}
