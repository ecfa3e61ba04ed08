/// Where proofs and roots come from in a log that stores the hash of every perfect subtree (``NodeID``) once it is
/// complete. Plans follow RFC 9162 §2.1.3.1 (PATH) and §2.1.4.1 (SUBPROOF) over ranges of leaves.
public enum TreeLayout {
    /// The plan for the inclusion proof of `leafIndex` in the tree of `treeSize` leaves.
    public static func inclusionPlan(leafIndex: Int, treeSize: Int) throws(MerkleProofError) -> TreeNodePlan {
        guard treeSize >= 0 else { throw .negativeTreeSize(treeSize) }
        guard leafIndex >= 0, leafIndex < treeSize else {
            throw .leafIndexOutOfRange(leafIndex: leafIndex, treeSize: treeSize)
        }
        var ranges: [Range<Int>] = []
        path(leafIndex, 0 ..< treeSize, into: &ranges)
        return TreeNodePlan(ranges: ranges.map(perfectSubtrees))
    }

    /// The plan for the consistency proof from the tree of `size1` leaves to that of `size2` (empty when
    /// `size1 == 0` or `size1 == size2`).
    public static func consistencyPlan(from size1: Int, to size2: Int) throws(MerkleProofError) -> TreeNodePlan {
        guard size1 >= 0 else { throw .negativeTreeSize(size1) }
        guard size1 <= size2 else { throw .sizesOutOfOrder(from: size1, to: size2) }
        guard size1 > 0, size1 < size2 else { return TreeNodePlan(ranges: []) }
        var ranges: [Range<Int>] = []
        subproof(size1, 0 ..< size2, complete: true, into: &ranges)
        return TreeNodePlan(ranges: ranges.map(perfectSubtrees))
    }

    /// The plan for the root hash of the tree of `treeSize` leaves: one output, from the right border's nodes
    /// (the empty tree's root `SHA-256("")` when `treeSize` is 0).
    public static func rootPlan(treeSize: Int) -> TreeNodePlan {
        precondition(treeSize >= 0, "negative tree size")
        return TreeNodePlan(ranges: [rightBorder(treeSize: treeSize)])
    }

    /// The perfect subtrees a tree of `treeSize` leaves is made of, left (largest) to right: one per bit set in
    /// `treeSize`. Their hashes are all an appender needs to continue the log (its "compact range").
    public static func rightBorder(treeSize: Int) -> [NodeID] {
        perfectSubtrees(0 ..< treeSize)
    }

    /// The Merkle tree hash of a right-edge range from the hashes of its perfect subtrees, left to right (largest
    /// first): `node(h0, node(h1, … node(h_{k-2}, h_{k-1})))`; `SHA-256("")` for none.
    public static func foldRightEdge(_ hashes: [MerkleHash]) -> MerkleHash {
        guard var result = hashes.last else { return RFC9162.emptyRootHash }
        for hash in hashes.dropLast().reversed() {
            result = RFC9162.nodeHash(hash, result)
        }
        return result
    }

    /// The maximal aligned perfect subtrees covering `range`, left to right.
    static func perfectSubtrees(_ range: Range<Int>) -> [NodeID] {
        var nodes: [NodeID] = []
        var start = range.lowerBound
        while start < range.upperBound {
            var level = start == 0 ? Int.bitWidth - 2 : start.trailingZeroBitCount
            while start + (1 << level) > range.upperBound { level -= 1 }
            nodes.append(NodeID(level: level, index: start >> level))
            start += 1 << level
        }
        return nodes
    }

    private static func path(_ m: Int, _ d: Range<Int>, into ranges: inout [Range<Int>]) {
        guard d.count > 1 else { return }
        let mid = d.lowerBound + RFC9162.split(d.count)
        if m < mid - d.lowerBound {
            path(m, d.lowerBound ..< mid, into: &ranges)
            ranges.append(mid ..< d.upperBound)
        } else {
            path(m - (mid - d.lowerBound), mid ..< d.upperBound, into: &ranges)
            ranges.append(d.lowerBound ..< mid)
        }
    }

    private static func subproof(_ m: Int, _ d: Range<Int>, complete: Bool, into ranges: inout [Range<Int>]) {
        if m == d.count {
            if !complete { ranges.append(d) }
            return
        }
        let k = RFC9162.split(d.count)
        let mid = d.lowerBound + k
        if m <= k {
            subproof(m, d.lowerBound ..< mid, complete: complete, into: &ranges)
            ranges.append(mid ..< d.upperBound)
        } else {
            subproof(m - k, mid ..< d.upperBound, complete: false, into: &ranges)
            ranges.append(d.lowerBound ..< mid)
        }
    }
}
