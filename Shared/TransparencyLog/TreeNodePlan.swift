/// What to fetch from the persistent log's perfect-subtree nodes to answer a proof or a root, and how to put the
/// fetched hashes together.
///
/// Each output hash is the Merkle tree hash of a range of leaves. A range that is a perfect subtree is one stored
/// node; a range at the right edge of a tree whose size is not a power of two (an "ephemeral" node, never stored) is
/// recomputed from the perfect subtrees it is made of, largest first, hashed together right to left.
public struct TreeNodePlan: Sendable, Hashable {
    /// The distinct nodes to fetch, sorted by (level, index).
    public let nodeIDs: [NodeID]
    /// For each output hash, the nodes (positions in `nodeIDs`) whose hashes fold into it, left to right.
    let outputs: [[Int]]

    init(ranges: [[NodeID]]) {
        let unique = Array(Set(ranges.joined())).sorted()
        var position: [NodeID: Int] = [:]
        for (offset, id) in unique.enumerated() { position[id] = offset }
        self.nodeIDs = unique
        self.outputs = ranges.map { $0.map { position[$0]! } }
    }

    /// The number of hashes ``assemble(_:)`` answers.
    public var outputCount: Int { outputs.count }

    /// Puts the plan's hashes together from a lookup table of fetched nodes.
    public func assemble(_ hashes: [NodeID: MerkleHash]) throws(NodePlanError) -> [MerkleHash] {
        var ordered: [MerkleHash] = []
        ordered.reserveCapacity(nodeIDs.count)
        for id in nodeIDs {
            guard let hash = hashes[id] else { throw .missingNode(id) }
            ordered.append(hash)
        }
        return try assemble(orderedHashes: ordered)
    }

    /// Puts the plan's hashes together from the hashes of ``nodeIDs``, in that order.
    public func assemble(orderedHashes: [MerkleHash]) throws(NodePlanError) -> [MerkleHash] {
        guard orderedHashes.count == nodeIDs.count else {
            throw .wrongHashCount(expected: nodeIDs.count, actual: orderedHashes.count)
        }
        return outputs.map { positions in TreeLayout.foldRightEdge(positions.map { orderedHashes[$0] }) }
    }
}
